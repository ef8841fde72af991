import type { Kysely } from 'kysely';
import { withId } from './column-types.js';

/**
 * Saved queue views: a named filter (the queue's query string), kept by the
 * account that saved it and, when shared, offered to every reviewer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('saved_views'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_owner').on('saved_views').columns(['owner', 'name']).execute();
  await db.schema.createIndex('saved_views_shared').on('saved_views').columns(['shared', 'name']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saved_views').execute();
}
