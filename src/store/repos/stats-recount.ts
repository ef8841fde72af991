import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from '../migrations/column-types.js';
import { nearestRank, type ComplainantTotals, type CounterOutcome, type DecisionKey, type DecisionTimes, type Q, type StatsFigures, type WeekCounts } from './stats-figures.js';

interface FirstDecision {
  week: string;
  platform: string | null;
  reviewer: string;
  millis: number;
}

const DECISIONS = sql.join(['accepted', 'partially_accepted', 'rejected'].map((t) => sql.lit(t)));
const TAKEDOWNS = sql.join(['accepted', 'partially_accepted'].map((t) => sql.lit(t)));
const OUTCOME_EVENTS = sql.join(['accepted', 'partially_accepted', 'rejected', 'reinstated', 'dispute_decided', 'withdrawn'].map((t) => sql.lit(t)));
const COUNTER_OUTCOMES = sql.join(['reinstated', 'withdrawn', 'counter_notice_rejected', 'dispute_decided'].map((t) => sql.lit(t)));

/** The Monday (UTC) of the week an ISO timestamp falls in, as YYYY-MM-DD, in the dialect's own terms. */
function weekOf(db: Q, column: RawBuilder<unknown>): RawBuilder<string> {
  return isPostgres(db as Kysely<unknown>)
    ? sql<string>`to_char(date_trunc('week', (${column})::timestamptz at time zone 'UTC'), 'YYYY-MM-DD')`
    : sql<string>`date(${column}, '-6 days', 'weekday 1')`;
}

/** Whole milliseconds between two ISO timestamps. */
function millisBetween(db: Q, from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
  return isPostgres(db as Kysely<unknown>)
    ? sql<number>`round(extract(epoch from ((${to})::timestamptz - (${from})::timestamptz)) * 1000)`
    : sql<number>`round((julianday(${to}) - julianday(${from})) * 86400000)`;
}

/**
 * Per complainant: notices, notices since `since`, and of the decided ones
 * (a first accept or reject): those decided within 24 hours of arrival, those
 * taken down, those undone by a counter-notice (reinstated for want of an
 * answer, or a dispute decided for the merchant), and whether any was rejected
 * as false information. One pass over every notice and its outcome events.
 */
async function complainantTotals(db: Q, since: string): Promise<ComplainantTotals[]> {
  const { rows } = await sql<Record<string, unknown>>`
    with d as (
      select case_id,
        min(case when type in (${DECISIONS}) then at end) as first_at,
        max(case when type in (${TAKEDOWNS}) then 1 else 0 end) as took_down,
        max(case when type = 'rejected' and data like '%"reason":"false_information"%' then 1 else 0 end) as false_info,
        max(case when (type = 'reinstated' and data like '%"reason":"no_answer_in_time"%') or (type = 'dispute_decided' and data like '%"outcome":"reinstate"%') then 1 else 0 end) as undone
      from case_events where type in (${OUTCOME_EVENTS}) group by case_id
    )
    select c.complainant_email as complainant,
      count(*) as requests,
      sum(case when c.created_at >= ${since} then 1 else 0 end) as requests_since,
      sum(case when d.first_at is not null then 1 else 0 end) as decided,
      sum(case when d.first_at is not null and ${millisBetween(db, sql.ref('c.created_at'), sql.ref('d.first_at'))} <= 86400000 then 1 else 0 end) as within_24h,
      sum(case when d.first_at is not null and d.took_down = 1 then 1 else 0 end) as successes,
      sum(case when d.first_at is not null and d.took_down = 1 and d.undone = 1 then 1 else 0 end) as successful_counter_notices,
      max(case when d.first_at is not null and d.false_info = 1 then 1 else 0 end) as false_info
    from cases c left join d on d.case_id = c.id
    where c.kind = 'notice'
    group by c.complainant_email`.execute(db);
  return rows.map((r) => ({
    complainant: (r.complainant as string | null) ?? null,
    requests: Number(r.requests),
    requestsSince: Number(r.requests_since),
    decided: Number(r.decided),
    decidedWithin24h: Number(r.within_24h),
    successes: Number(r.successes),
    successfulCounterNotices: Number(r.successful_counter_notices),
    falseInformation: Number(r.false_info) === 1,
  }));
}

async function noticesByStatus(db: Q): Promise<Record<string, number>> {
  const rows = await db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('kind', '=', 'notice').groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Every notice first decided in the period, with the week of that decision. */
async function firstDecisionsWithWeek(db: Q, since: string, until: string): Promise<FirstDecision[]> {
  const { rows } = await sql<Record<string, unknown>>`
    with d as (
      select case_id, min(at) as first_at from case_events where type in (${DECISIONS}) group by case_id
    )
    select ${weekOf(db, sql.ref('d.first_at'))} as week, c.platform as platform,
      min(coalesce(e.actor_name, e.actor_id)) as reviewer,
      ${millisBetween(db, sql.ref('c.created_at'), sql.ref('d.first_at'))} as millis
    from d
    join cases c on c.id = d.case_id and c.kind = 'notice'
    join case_events e on e.case_id = d.case_id and e.at = d.first_at and e.type in (${DECISIONS})
    where d.first_at >= ${since} and d.first_at < ${until}
    group by d.case_id, d.first_at, c.platform, c.created_at`.execute(db);
  return rows.map((r) => ({ week: String(r.week), platform: (r.platform as string | null) ?? null, reviewer: String(r.reviewer), millis: Number(r.millis) }));
}

async function weekCounts(db: Q, since: string, until: string): Promise<Map<string, WeekCounts>> {
  const week = weekOf(db, sql.ref('created_at'));
  const { rows } = await sql<{ week: string; n: number }>`
    select ${week} as week, count(*) as n from cases
    where kind = 'notice' and created_at >= ${since} and created_at < ${until}
    group by ${week}`.execute(db);
  const weeks = new Map<string, WeekCounts>();
  const of = (week: string) => weeks.get(week) ?? weeks.set(week, { received: 0, decided: 0, decidedWithin24h: 0 }).get(week)!;
  for (const r of rows) of(String(r.week)).received = Number(r.n);
  for (const d of await firstDecisionsWithWeek(db, since, until)) {
    const w = of(d.week);
    w.decided++;
    if (d.millis <= 86_400_000) w.decidedWithin24h++;
  }
  return weeks;
}

async function decisionTimes(db: Q, since: string, until: string, by: DecisionKey, quantiles: readonly number[]): Promise<DecisionTimes[]> {
  const groups = new Map<string | null, number[]>();
  for (const d of await firstDecisionsWithWeek(db, since, until)) {
    const key = d[by];
    groups.set(key, [...(groups.get(key) ?? []), d.millis]);
  }
  return [...groups].map(([key, millis]) => {
    millis.sort((a, b) => a - b);
    return { key, decided: millis.length, within24h: millis.filter((ms) => ms <= 86_400_000).length, quantileMillis: quantiles.map((p) => millis[nearestRank(millis.length, p)]!) };
  });
}

/**
 * Counter-notice outcomes on notices in the period, per week: listings put
 * back because the complainant did not answer in time, complaints withdrawn,
 * disputes opened (the complainant rejected the counter-notice), and disputes
 * the platform decided either way. Counted on the notice only, so the copies
 * written to each counter-notice case are not counted twice.
 */
async function counterOutcomes(db: Q, since: string, until: string): Promise<{ week: string; outcome: CounterOutcome; n: number }[]> {
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
    where e.type in (${COUNTER_OUTCOMES}) and e.at >= ${since} and e.at < ${until}
    group by ${week}, ${outcome}`.execute(db);
  return rows.map((r) => ({ week: String(r.week), outcome: r.outcome, n: Number(r.n) }));
}

/**
 * The /stats figures computed from every notice and its events: slow at
 * 100,000 cases, and the definition the kept figures must equal.
 */
export const recountFigures: StatsFigures = { complainantTotals, noticesByStatus, weekCounts, decisionTimes, counterOutcomes };
