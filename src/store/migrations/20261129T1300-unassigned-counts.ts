import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-types.js';

/**
 * The queue's "Unassigned" tab on every page: `case_unassigned_counts` holds
 * the number of cases nobody holds, per status, kept exact by triggers in the
 * same transaction as every insert, delete, status change or (un)assignment,
 * so the tab reads a handful of rows instead of counting every open case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_unassigned_counts')
    .addColumn('status', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into case_unassigned_counts (status, n) select status, count(*) from cases where assignee is null group by status`.execute(db);
  if (isPostgres(db)) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** True when a case moved in or out of a (status, nobody holds it) count. */
const MOVED = `(old.status is not new.status or (old.assignee is null) <> (new.assignee is null))`;

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const add = `insert into case_unassigned_counts (status, n) values (new.status, 1) on conflict (status) do update set n = n + 1;`;
  const remove = `update case_unassigned_counts set n = n - 1 where status = old.status;`;
  await sql.raw(`create trigger cases_unassigned_insert after insert on cases when new.assignee is null begin ${add} end`).execute(db);
  await sql.raw(`create trigger cases_unassigned_delete after delete on cases when old.assignee is null begin ${remove} end`).execute(db);
  await sql.raw(`create trigger cases_unassigned_update_old after update of status, assignee on cases when old.assignee is null and ${MOVED} begin ${remove} end`).execute(db);
  await sql.raw(`create trigger cases_unassigned_update_new after update of status, assignee on cases when new.assignee is null and ${MOVED} begin ${add} end`).execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create or replace function case_unassigned_counts_track() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status is not distinct from new.status and (old.assignee is null) = (new.assignee is null) then return null; end if;
  if tg_op in ('UPDATE', 'DELETE') and old.assignee is null then update case_unassigned_counts set n = n - 1 where status = old.status; end if;
  if tg_op in ('UPDATE', 'INSERT') and new.assignee is null then
    insert into case_unassigned_counts (status, n) values (new.status, 1) on conflict (status) do update set n = case_unassigned_counts.n + 1;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger cases_unassigned_count after insert or delete or update of status, assignee on cases for each row execute function case_unassigned_counts_track()`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists cases_unassigned_count on cases`.execute(db);
    await sql`drop function if exists case_unassigned_counts_track()`.execute(db);
  } else {
    for (const t of ['cases_unassigned_insert', 'cases_unassigned_delete', 'cases_unassigned_update_old', 'cases_unassigned_update_new']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  }
  await db.schema.dropTable('case_unassigned_counts').execute();
}
