import type { Kysely } from 'kysely';

/**
 * Named leases with an expiry. D1 has no interactive transactions, so the
 * Workers store serialises Kysely transactions by holding the `transactions`
 * lease (see `store/d1.ts`); Node never needs it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leases').execute();
}
