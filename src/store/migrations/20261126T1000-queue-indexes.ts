import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the console queue at 100,000+ cases: the platform filter
 * counts from an index instead of reading every case of a status, and
 * "has findings" (a quarter of cases or fewer) reads a partial index instead
 * of every row's findings JSON. The queue compares findings with the literal
 * '[]' so SQLite, D1 and PostgreSQL all match the partial index's condition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_platform_status').on('cases').columns(['platform', 'status', 'created_at']).execute();
  await db.schema.createIndex('cases_with_findings').on('cases').columns(['status', 'created_at']).where(sql.ref('findings'), '!=', '[]').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_with_findings').execute();
  await db.schema.dropIndex('cases_platform_status').execute();
}
