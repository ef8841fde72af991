import type { Kysely } from 'kysely';
import { withId } from './column-types.js';

/** Canned texts (macros) reviewers insert into a decision's note; one row per name and language. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('macros'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('macros_name_language', ['name', 'language'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('macros').execute();
}
