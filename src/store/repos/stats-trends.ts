import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { isPostgres } from '../migrations/column-types.js';
import type { Database } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

const DECISIONS = sql.join(['accepted', 'partially_accepted', 'rejected'].map((t) => sql.lit(t)));
const COUNTER_OUTCOMES = sql.join(['reinstated', 'withdrawn', 'counter_notice_rejected', 'dispute_decided'].map((t) => sql.lit(t)));

/** The Monday (UTC) of the week an ISO timestamp falls in, as YYYY-MM-DD, in the dialect's own terms. */
function weekOf(db: Q, column: RawBuilder<unknown>): RawBuilder<string> {
  return isPostgres(db as Kysely<unknown>)
    ? sql<string>`to_char(date_trunc('week', (${column})::timestamptz at time zone 'UTC'), 'YYYY-MM-DD')`
    : sql<string>`date(${column}, '-6 days', 'weekday 1')`;
}

function secondsBetween(db: Q, from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
  return isPostgres(db as Kysely<unknown>)
    ? sql<number>`extract(epoch from ((${to})::timestamptz - (${from})::timestamptz))`
    : sql<number>`(julianday(${to}) - julianday(${from})) * 86400`;
}

/** Notices received per week since `since`, from the (kind, complainant, created_at) index. */
export async function receivedPerWeek(db: Q, since: string): Promise<Map<string, number>> {
  const week = weekOf(db, sql.ref('created_at'));
  const { rows } = await sql<{ week: string; n: number }>`
    select ${week} as week, count(*) as n from cases
    where kind = 'notice' and created_at >= ${since}
    group by ${week}`.execute(db);
  return new Map(rows.map((r) => [r.week, Number(r.n)]));
}

/** A notice's first decision (accept, partial accept or reject): when, by whom, and how long after arrival. */
export interface FirstDecision {
  week: string;
  platform: string | null;
  reviewer: string;
  seconds: number;
}

/**
 * Every notice first decided since `since`: its platform, the person who
 * decided it and the seconds from arrival to that decision. The decision
 * events are found through the (type, case_id, at) index.
 */
export async function firstDecisionsSince(db: Q, since: string): Promise<FirstDecision[]> {
  const { rows } = await sql<Record<string, unknown>>`
    with d as (
      select case_id, min(at) as first_at from case_events where type in (${DECISIONS}) group by case_id
    )
    select ${weekOf(db, sql.ref('d.first_at'))} as week, c.platform as platform,
      min(coalesce(e.actor_name, e.actor_id)) as reviewer,
      ${secondsBetween(db, sql.ref('c.created_at'), sql.ref('d.first_at'))} as seconds
    from d
    join cases c on c.id = d.case_id and c.kind = 'notice'
    join case_events e on e.case_id = d.case_id and e.at = d.first_at and e.type in (${DECISIONS})
    where d.first_at >= ${since}
    group by d.case_id, d.first_at, c.platform, c.created_at`.execute(db);
  return rows.map((r) => ({ week: String(r.week), platform: (r.platform as string | null) ?? null, reviewer: String(r.reviewer), seconds: Number(r.seconds) }));
}

/** What became of notices a merchant answered, per week of the step. */
export type CounterOutcome = 'reinstated_no_answer' | 'withdrawn' | 'dispute_opened' | 'dispute_reinstated' | 'dispute_upheld';

/**
 * Counter-notice outcomes on notices since `since`, per week: listings put
 * back because the complainant did not answer in time, complaints withdrawn,
 * disputes opened (the complainant rejected the counter-notice), and disputes
 * the platform decided either way. Counted on the notice only, so the copies
 * written to each counter-notice case are not counted twice.
 */
export async function counterOutcomesPerWeek(db: Q, since: string): Promise<{ week: string; outcome: CounterOutcome; n: number }[]> {
  const outcome = sql<string>`case
      when e.type = 'reinstated' then 'reinstated_no_answer'
      when e.type = 'withdrawn' then 'withdrawn'
      when e.type = 'counter_notice_rejected' then 'dispute_opened'
      when e.data like '%"outcome":"reinstate"%' then 'dispute_reinstated'
      else 'dispute_upheld' end`;
  const week = weekOf(db, sql.ref('e.at'));
  const { rows } = await sql<{ week: string; outcome: CounterOutcome; n: number }>`
    select ${week} as week, ${outcome} as outcome, count(*) as n
    from case_events e join cases c on c.id = e.case_id and c.kind = 'notice'
    where e.type in (${COUNTER_OUTCOMES}) and e.at >= ${since}
    group by ${week}, ${outcome}`.execute(db);
  return rows.map((r) => ({ week: String(r.week), outcome: r.outcome, n: Number(r.n) }));
}
