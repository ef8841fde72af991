import type { Kysely } from 'kysely';

/**
 * One statement of reasons per removed listing (DSA Art. 17), written when the
 * decision is taken, and its submission state for the Transparency Database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statements_of_reasons')
    .addColumn('puid', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('statements_case').on('statements_of_reasons').column('case_id').execute();
  await db.schema.createIndex('statements_created').on('statements_of_reasons').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statements_of_reasons').execute();
}
