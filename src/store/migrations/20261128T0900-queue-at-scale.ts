import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-types.js';

/**
 * The review queue at 100,000+ cases:
 * - `queue_rank` (0 for the statuses a reviewer acts on, 1 for the rest) lets
 *   "Needs action first, oldest first" and every filter inside it read an
 *   index in order instead of sorting the matching rows;
 * - `case_status_counts` holds the number of cases per status, kept exact by
 *   triggers in the same transaction as every insert, status change or delete;
 * - `search_text` (sender, owner, subject, listing URLs, registration numbers)
 *   is searched through a trigram index (SQLite FTS5, PostgreSQL pg_trgm), so
 *   a search for any part of a word no longer reads every complaint.
 * `ipr_type` and `search_text` of older cases are filled in by the store on
 * first start (see `backfillQueueColumns`), because they come from the
 * complaint JSON, which SQL cannot read the same way on every dialect.
 */
const NEEDS_ACTION_AT_MIGRATION = ['in_review', 'received', 'counter_noticed', 'disputed'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.alterTable('cases').addColumn('queue_rank', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('cases').addColumn('search_text', 'text').execute();
  const list = sql.join(NEEDS_ACTION_AT_MIGRATION.map((s) => sql.lit(s)));
  await sql`update cases set queue_rank = case when status in (${list}) then 0 else 1 end`.execute(db);

  await db.schema.createIndex('cases_queue_order').on('cases').columns(['queue_rank', 'created_at', 'id']).execute();
  await db.schema.createIndex('cases_platform_queue').on('cases').columns(['platform', 'queue_rank', 'created_at']).execute();
  await db.schema.createIndex('cases_ipr_type_queue').on('cases').columns(['ipr_type', 'queue_rank', 'created_at']).execute();
  await db.schema.createIndex('cases_assignee_queue').on('cases').columns(['assignee', 'queue_rank', 'created_at']).execute();
  await db.schema.createIndex('cases_kind_queue').on('cases').columns(['kind', 'queue_rank', 'created_at']).execute();
  await db.schema
    .createIndex('cases_with_findings_queue')
    .on('cases')
    .columns(['queue_rank', 'created_at'])
    .where(sql.ref('findings'), '!=', '[]')
    .execute();

  await db.schema
    .createTable('case_status_counts')
    .addColumn('status', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into case_status_counts (status, n) select status, count(*) from cases group by status`.execute(db);
  if (pg) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const add = (status: string) =>
    `insert into case_status_counts (status, n) values (${status}, 1) on conflict (status) do update set n = n + 1;`;
  const remove = (status: string) => `update case_status_counts set n = n - 1 where status = ${status};`;
  await sql.raw(`create trigger cases_count_insert after insert on cases begin ${add('new.status')} end`).execute(db);
  await sql.raw(`create trigger cases_count_delete after delete on cases begin ${remove('old.status')} end`).execute(db);
  await sql
    .raw(`create trigger cases_count_update after update of status on cases when old.status is not new.status begin ${remove('old.status')} ${add('new.status')} end`)
    .execute(db);

  // Trigram full-text index over search_text, kept in step with the cases table.
  await sql.raw(`create virtual table cases_search using fts5(search_text, content='cases', content_rowid='id', tokenize='trigram')`).execute(db);
  await sql.raw(`create trigger cases_search_insert after insert on cases begin insert into cases_search (rowid, search_text) values (new.id, new.search_text); end`).execute(db);
  await sql
    .raw(`create trigger cases_search_delete after delete on cases begin insert into cases_search (cases_search, rowid, search_text) values ('delete', old.id, old.search_text); end`)
    .execute(db);
  await sql
    .raw(
      `create trigger cases_search_update after update of search_text on cases begin ` +
        `insert into cases_search (cases_search, rowid, search_text) values ('delete', old.id, old.search_text); ` +
        `insert into cases_search (rowid, search_text) values (new.id, new.search_text); end`,
    )
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create or replace function case_status_counts_track() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status is not distinct from new.status then return null; end if;
  if tg_op in ('UPDATE', 'DELETE') then update case_status_counts set n = n - 1 where status = old.status; end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into case_status_counts (status, n) values (new.status, 1) on conflict (status) do update set n = case_status_counts.n + 1;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger cases_count after insert or delete or update of status on cases for each row execute function case_status_counts_track()`).execute(db);
  // pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Without it, search still works, unindexed.
  const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  if (Number(available.rows[0]?.n ?? 0) > 0) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index cases_search_trgm on cases using gin (search_text gin_trgm_ops)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists cases_count on cases`.execute(db);
    await sql`drop function if exists case_status_counts_track()`.execute(db);
    await sql`drop index if exists cases_search_trgm`.execute(db);
  } else {
    for (const t of ['cases_count_insert', 'cases_count_delete', 'cases_count_update', 'cases_search_insert', 'cases_search_delete', 'cases_search_update']) {
      await sql.raw(`drop trigger if exists ${t}`).execute(db);
    }
    await sql`drop table if exists cases_search`.execute(db);
  }
  await db.schema.dropTable('case_status_counts').execute();
  for (const i of ['cases_queue_order', 'cases_platform_queue', 'cases_ipr_type_queue', 'cases_assignee_queue', 'cases_kind_queue', 'cases_with_findings_queue']) {
    await db.schema.dropIndex(i).execute();
  }
  await db.schema.alterTable('cases').dropColumn('search_text').execute();
  await db.schema.alterTable('cases').dropColumn('queue_rank').execute();
}
