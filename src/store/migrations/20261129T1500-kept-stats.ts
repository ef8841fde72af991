import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-types.js';
import { keptStatsSql, type KeptStatsSql } from './kept-stats-sql.js';

/**
 * /stats at 100,000+ cases reads kept figures instead of every case and event:
 * - `notice_figures`: one row per notice with its first decision (when, by
 *   whom, milliseconds after arrival) and its outcome flags (taken down, undone
 *   by a counter-notice, rejected as false information);
 * - `complainant_figures`, `notice_weeks`, `decision_weeks`,
 *   `counter_outcome_weeks` and `notice_status_counts`: the sums /stats
 *   shows, per complainant, per week (and platform or reviewer) and per status.
 * Triggers keep them exact in the same transaction as every change to a case
 * or its events; this migration fills them from the cases and events already
 * stored, with the tables locked on PostgreSQL so no change slips in between.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const q = keptStatsSql(pg);
  const run = (text: string) => sql.raw(text).execute(db);
  if (pg) await run('lock table cases, case_events in share row exclusive mode');

  await run(`create table notice_figures (
    case_id ${pg ? 'bigint' : 'integer'} primary key,
    complainant text, platform text, received_at text not null,
    decided_at text, reviewer text, decision_ms bigint,
    took_down integer not null default 0, undone integer not null default 0, false_info integer not null default 0)`);
  // The n-th fastest decision of one platform or reviewer in a period, found by walking an index in order.
  await run('create index notice_figures_platform_times on notice_figures (platform, decision_ms, decided_at) where decided_at is not null');
  await run('create index notice_figures_reviewer_times on notice_figures (reviewer, decision_ms, decided_at) where decided_at is not null');
  // Notices per complainant since a moment (the last three months).
  await run('create index notice_figures_received on notice_figures (received_at, complainant)');
  await run(`create table complainant_figures (
    complainant_key text primary key, complainant text,
    requests integer not null, decided integer not null, within_24h integer not null,
    successes integer not null, undone integer not null, false_info integer not null)`);
  await run('create table notice_weeks (week text primary key, received integer not null, decided integer not null, within_24h integer not null)');
  // First decisions per week and platform (key '' when the notice names none) or reviewer.
  await run(`create table decision_weeks (dimension text not null, week text not null, key text not null,
    decided integer not null, within_24h integer not null, primary key (dimension, week, key))`);
  await run('create table counter_outcome_weeks (week text not null, outcome text not null, n integer not null, primary key (week, outcome))');
  await run('create table notice_status_counts (status text primary key, n integer not null)');

  await backfill(run, q);
  if (pg) await postgresTriggers(run, q);
  else await sqliteTriggers(run, q);
  // Without statistics on the new tables the planner reads every notice row instead of the arrival index.
  if (pg) await run('analyze notice_figures, complainant_figures, notice_weeks, decision_weeks, counter_outcome_weeks, notice_status_counts');
}

async function backfill(run: (text: string) => Promise<unknown>, q: KeptStatsSql): Promise<void> {
  await run(`insert into notice_figures (case_id, complainant, platform, received_at) select id, complainant_email, platform, created_at from cases where kind = 'notice'`);
  await run(`update notice_figures set ${q.recountAssignments('notice_figures.case_id')} where exists (select 1 from case_events e where e.case_id = notice_figures.case_id and e.type in (${q.FIGURE_EVENTS}))`);
  const f = q.contributions('f');
  await run(`insert into complainant_figures (complainant_key, complainant, requests, decided, within_24h, successes, undone, false_info)
    select ${q.complainantKey('f.complainant')}, f.complainant, count(*), sum(${f.decided}), sum(${f.within}), sum(${f.success}), sum(${f.undone}), sum(${f.falseInfo})
    from notice_figures f group by f.complainant`);
  await run(`insert into notice_weeks (week, received, decided, within_24h) select ${q.week('received_at')}, count(*), 0, 0 from notice_figures group by ${q.week('received_at')}`);
  await run(`insert into notice_weeks (week, received, decided, within_24h)
    select ${q.week('f.decided_at')}, 0, count(*), sum(${f.within}) from notice_figures f where f.decided_at is not null group by ${q.week('f.decided_at')}
    on conflict (week) do update set decided = excluded.decided, within_24h = excluded.within_24h`);
  for (const [dimension, key] of [['platform', q.platformKey('f.platform')], ['reviewer', 'f.reviewer']] as const) {
    await run(`insert into decision_weeks (dimension, week, key, decided, within_24h)
      select '${dimension}', ${q.week('f.decided_at')}, ${key}, count(*), sum(${f.within}) from notice_figures f where f.decided_at is not null
      group by ${q.week('f.decided_at')}, ${key}`);
  }
  await run(`insert into counter_outcome_weeks (week, outcome, n)
    select ${q.week('e.at')}, ${q.counterOutcome('e')}, count(*) from case_events e join cases c on c.id = e.case_id and c.kind = 'notice'
    where e.type in (${q.COUNTER_EVENTS}) group by ${q.week('e.at')}, ${q.counterOutcome('e')}`);
  await run(`insert into notice_status_counts (status, n) select status, count(*) from cases where kind = 'notice' group by status`);
}

const SQLITE_TRIGGERS = [
  'cases_figures_insert',
  'cases_figures_delete',
  'cases_figures_update',
  'cases_figures_status',
  'cases_figures_kind_from_notice',
  'cases_figures_kind_to_notice',
  'case_events_figures_insert',
  'case_events_figures_delete',
  'case_events_figures_update',
  'notice_figures_insert',
  'notice_figures_delete',
  'notice_figures_update',
];

async function sqliteTriggers(run: (text: string) => Promise<unknown>, q: KeptStatsSql): Promise<void> {
  const trigger = (name: string, on: string, when: string | null, body: string[]) =>
    run(`create trigger ${name} ${on}${when ? ` when ${when}` : ''} begin ${body.map((s) => `${s};`).join(' ')} end`);
  // A notice's own row follows its case; the sums follow the row (below).
  const newRow = `insert into notice_figures (case_id, complainant, platform, received_at) values (new.id, new.complainant_email, new.platform, new.created_at)`;
  await trigger('cases_figures_insert', 'after insert on cases', `new.kind = 'notice'`, [newRow, q.statusAdd('new.status')]);
  await trigger('cases_figures_delete', 'after delete on cases', `old.kind = 'notice'`, [
    'delete from notice_figures where case_id = old.id',
    q.statusRemove('old.status'),
    ...q.counterOutcomesOfCase('old.id', '-'),
  ]);
  await trigger(
    'cases_figures_update',
    'after update of complainant_email, platform, created_at on cases',
    `old.kind = 'notice' and new.kind = 'notice' and (old.complainant_email is not new.complainant_email or old.platform is not new.platform or old.created_at is not new.created_at)`,
    [`update notice_figures set complainant = new.complainant_email, platform = new.platform, received_at = new.created_at, decision_ms = ${q.millisBetween('new.created_at', 'decided_at')} where case_id = new.id`],
  );
  await trigger('cases_figures_status', 'after update of status on cases', `old.kind = 'notice' and new.kind = 'notice' and old.status is not new.status`, [
    q.statusRemove('old.status'),
    q.statusAdd('new.status'),
  ]);
  await trigger('cases_figures_kind_from_notice', 'after update of kind on cases', `old.kind = 'notice' and new.kind is not 'notice'`, [
    'delete from notice_figures where case_id = old.id',
    q.statusRemove('old.status'),
    ...q.counterOutcomesOfCase('old.id', '-'),
  ]);
  await trigger('cases_figures_kind_to_notice', 'after update of kind on cases', `old.kind is not 'notice' and new.kind = 'notice'`, [
    newRow,
    `update notice_figures set ${q.recountAssignments('new.id')} where case_id = new.id`,
    q.statusAdd('new.status'),
    ...q.counterOutcomesOfCase('new.id', '+'),
  ]);

  const recount = (id: string) => `update notice_figures set ${q.recountAssignments(id)} where case_id = ${id}`;
  const figureEvent = (e: string) => `${e}.type in (${q.FIGURE_EVENTS})`;
  const counterEvent = (e: string) => `${e}.type in (${q.COUNTER_EVENTS})`;
  await trigger('case_events_figures_insert', 'after insert on case_events', `${figureEvent('new')} or ${counterEvent('new')}`, [
    recount('new.case_id'),
    q.counterOutcomeChange('new', '+'),
  ]);
  await trigger('case_events_figures_delete', 'after delete on case_events', `${figureEvent('old')} or ${counterEvent('old')}`, [
    recount('old.case_id'),
    q.counterOutcomeChange('old', '-'),
  ]);
  await trigger('case_events_figures_update', 'after update on case_events', `${figureEvent('old')} or ${counterEvent('old')} or ${figureEvent('new')} or ${counterEvent('new')}`, [
    recount('old.case_id'),
    recount('new.case_id'),
    q.counterOutcomeChange('old', '-'),
    q.counterOutcomeChange('new', '+'),
  ]);

  await trigger('notice_figures_insert', 'after insert on notice_figures', null, q.figuresAdd('new'));
  await trigger('notice_figures_delete', 'after delete on notice_figures', null, q.figuresRemove('old'));
  await trigger('notice_figures_update', 'after update on notice_figures', q.figuresMoved, [...q.figuresRemove('old'), ...q.figuresAdd('new')]);
}

async function postgresTriggers(run: (text: string) => Promise<unknown>, q: KeptStatsSql): Promise<void> {
  const fn = (name: string, body: string) => run(`create or replace function ${name}() returns trigger language plpgsql as $$\nbegin\n${body}\n  return null;\nend $$`);
  const lines = (list: string[]) => list.map((s) => `    ${s};`).join('\n');
  await fn(
    'cases_figures_track',
    `  if tg_op in ('UPDATE', 'DELETE') and old.kind = 'notice' and (tg_op = 'DELETE' or new.kind is distinct from 'notice') then
${lines(['delete from notice_figures where case_id = old.id', q.statusRemove('old.status'), ...q.counterOutcomesOfCase('old.id', '-')])}
  end if;
  if tg_op in ('UPDATE', 'INSERT') and new.kind = 'notice' and (tg_op = 'INSERT' or old.kind is distinct from 'notice') then
${lines([
  `insert into notice_figures (case_id, complainant, platform, received_at) values (new.id, new.complainant_email, new.platform, new.created_at)`,
  `update notice_figures set ${q.recountAssignments('new.id')} where case_id = new.id and exists (select 1 from case_events e where e.case_id = new.id)`,
  q.statusAdd('new.status'),
])}
    if tg_op = 'UPDATE' then
${lines(q.counterOutcomesOfCase('new.id', '+'))}
    end if;
  end if;
  if tg_op = 'UPDATE' and old.kind = 'notice' and new.kind = 'notice' then
    if old.status is distinct from new.status then
${lines([q.statusRemove('old.status'), q.statusAdd('new.status')])}
    end if;
    if old.complainant_email is distinct from new.complainant_email or old.platform is distinct from new.platform or old.created_at is distinct from new.created_at then
${lines([`update notice_figures set complainant = new.complainant_email, platform = new.platform, received_at = new.created_at, decision_ms = ${q.millisBetween('new.created_at', 'decided_at')} where case_id = new.id`])}
    end if;
  end if;`,
  );
  await run('create trigger cases_figures after insert or delete or update of kind, status, complainant_email, platform, created_at on cases for each row execute function cases_figures_track()');

  await fn(
    'case_events_figures_track',
    `  if tg_op in ('UPDATE', 'DELETE') then
${lines([`update notice_figures set ${q.recountAssignments('old.case_id')} where case_id = old.case_id and old.type in (${q.FIGURE_EVENTS})`, q.counterOutcomeChange('old', '-')])}
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
${lines([`update notice_figures set ${q.recountAssignments('new.case_id')} where case_id = new.case_id and (new.type in (${q.FIGURE_EVENTS}) or (tg_op = 'UPDATE' and old.type in (${q.FIGURE_EVENTS})))`, q.counterOutcomeChange('new', '+')])}
  end if;`,
  );
  await run('create trigger case_events_figures after insert or delete or update on case_events for each row execute function case_events_figures_track()');

  await fn(
    'notice_figures_track',
    `  if tg_op = 'UPDATE' and not (${q.figuresMoved}) then return null; end if;
  if tg_op in ('UPDATE', 'DELETE') then
${lines(q.figuresRemove('old'))}
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
${lines(q.figuresAdd('new'))}
  end if;`,
  );
  await run('create trigger notice_figures_sums after insert or delete or update on notice_figures for each row execute function notice_figures_track()');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (isPostgres(db)) {
    await run('drop trigger if exists cases_figures on cases');
    await run('drop trigger if exists case_events_figures on case_events');
    await run('drop trigger if exists notice_figures_sums on notice_figures');
    for (const f of ['cases_figures_track', 'case_events_figures_track', 'notice_figures_track']) await run(`drop function if exists ${f}()`);
  } else {
    for (const t of SQLITE_TRIGGERS) await run(`drop trigger if exists ${t}`);
  }
  for (const t of ['notice_status_counts', 'counter_outcome_weeks', 'decision_weeks', 'notice_weeks', 'complainant_figures', 'notice_figures']) await run(`drop table if exists ${t}`);
}
