import type { Kysely } from 'kysely';

/**
 * A reviewer's decision per listing of a case (removed, kept, reinstated),
 * plus the indexes the console queue and the deadline scheduler read by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('listing_decisions')
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('listing_decisions_pk', ['case_id', 'url'])
    .execute();
  await db.schema.createIndex('cases_status_due').on('cases').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('cases_updated').on('cases').column('updated_at').execute();
  await db.schema.createIndex('cases_rights_owner').on('cases').column('rights_owner').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_rights_owner').execute();
  await db.schema.dropIndex('cases_updated').execute();
  await db.schema.dropIndex('cases_status_due').execute();
  await db.schema.dropTable('listing_decisions').execute();
}
