import type { Kysely } from 'kysely';

/**
 * Covering indexes for /stats at 100,000+ cases: notices by status, and each
 * complainant's notices with their dates, read from the index alone instead of
 * visiting every case row (which carries the whole complaint); outcome events
 * found by type instead of reading every event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_kind_status').on('cases').columns(['kind', 'status']).execute();
  await db.schema.createIndex('cases_kind_complainant').on('cases').columns(['kind', 'complainant_email', 'created_at', 'id']).execute();
  await db.schema.createIndex('case_events_type').on('case_events').columns(['type', 'case_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_events_type').execute();
  await db.schema.dropIndex('cases_kind_complainant').execute();
  await db.schema.dropIndex('cases_kind_status').execute();
}
