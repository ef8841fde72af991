import type { Kysely } from 'kysely';

/**
 * Covering indexes for the weekly figures on /stats: notices by arrival time
 * (with platform, for time to decision per platform), and decision events
 * with who made them, so neither query visits the case or event rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_kind_created').on('cases').columns(['kind', 'created_at', 'platform', 'id']).execute();
  await db.schema.createIndex('case_events_type_actor').on('case_events').columns(['type', 'case_id', 'at', 'actor_name', 'actor_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_events_type_actor').execute();
  await db.schema.dropIndex('cases_kind_created').execute();
}
