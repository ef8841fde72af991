import type { Kysely } from 'kysely';

/**
 * The merchant's copy of each statement of reasons: one row per statement
 * (its puid), holding who the merchant is once the platform's answer or the
 * lookup named them, and the reply-queue row that mails them. The primary key
 * on `puid` is what makes the merchant mail go out at most once per listing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('merchant_notices')
    .addColumn('puid', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merchant_email', 'text')
    .addColumn('merchant_name', 'text')
    .addColumn('source', 'text')
    .addColumn('outbox_id', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('merchant_notices_case').on('merchant_notices').column('case_id').execute();
  await db.schema.createIndex('merchant_notices_due').on('merchant_notices').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('merchant_notices').execute();
}
