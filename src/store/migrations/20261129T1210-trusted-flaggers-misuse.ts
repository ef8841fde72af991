import type { Kysely } from 'kysely';
import { withId } from './column-types.js';

/**
 * Trusted flaggers (DSA Art. 22) and measures against misuse (Art. 23):
 * - `trusted_flaggers`: accounts and sender domains an admin marked;
 * - `cases.flag_rank`: 0 for a trusted flagger's case, 1 otherwise, the
 *   queue's second sort key (after `queue_rank`), with an index in that order;
 * - `cases.complainant_key`: who filed it for the misuse figures
 *   (`account:<email>` for an API account, `address:<email>` otherwise);
 * - `complainant_measures`: the warnings and suspensions given.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('trusted_flaggers'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('trusted_flaggers_kind_value', ['kind', 'value'])
    .execute();
  await withId(db, db.schema.createTable('complainant_measures'))
    .addColumn('complainant_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('notices', 'integer', (c) => c.notNull())
    .addColumn('unfounded', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .execute();
  await db.schema.createIndex('complainant_measures_key').on('complainant_measures').columns(['complainant_key', 'kind', 'created_at']).execute();
  await db.schema.alterTable('cases').addColumn('flag_rank', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('cases').addColumn('complainant_key', 'text').execute();
  await db.schema.createIndex('cases_flagged_queue_order').on('cases').columns(['queue_rank', 'flag_rank', 'created_at', 'id']).execute();
  await db.schema.createIndex('cases_complainant_key').on('cases').columns(['complainant_key', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_complainant_key').execute();
  await db.schema.dropIndex('cases_flagged_queue_order').execute();
  await db.schema.alterTable('cases').dropColumn('complainant_key').execute();
  await db.schema.alterTable('cases').dropColumn('flag_rank').execute();
  await db.schema.dropTable('complainant_measures').execute();
  await db.schema.dropTable('trusted_flaggers').execute();
}
