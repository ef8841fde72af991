import type { Kysely } from 'kysely';

/**
 * The IPR type of a case as a column, so the queue filters on it through an
 * index instead of searching the complaint JSON. Cases written before this
 * migration keep it null; the queue still finds them through the JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('ipr_type', 'text').execute();
  await db.schema.createIndex('cases_ipr_type_status').on('cases').columns(['ipr_type', 'status', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_ipr_type_status').execute();
  await db.schema.alterTable('cases').dropColumn('ipr_type').execute();
}
