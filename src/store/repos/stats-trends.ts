import { sql } from 'kysely';
import { nearestRank, type CounterOutcome, type DecisionKey, type DecisionTimes, type Q, type WeekCounts } from './stats-figures.js';

const day = (iso: string) => iso.slice(0, 10);

/** Kept weekly counts of the weeks from `since` up to `until` (Mondays). */
export async function weekCounts(db: Q, since: string, until: string): Promise<Map<string, WeekCounts>> {
  const { rows } = await sql<{ week: string; received: number; decided: number; within_24h: number }>`
    select week, received, decided, within_24h from notice_weeks where week >= ${day(since)} and week < ${day(until)}`.execute(db);
  return new Map(rows.map((r) => [r.week, { received: Number(r.received), decided: Number(r.decided), decidedWithin24h: Number(r.within_24h) }]));
}

/**
 * Per platform or reviewer: the kept weekly counts give how many were decided
 * in the period; each quantile is then the value at its rank, found by walking
 * that key's decisions in order of time taken (an index) and skipping the
 * ones outside the period, so no decision is sent to the application.
 */
export async function decisionTimes(db: Q, since: string, until: string, by: DecisionKey, quantiles: readonly number[]): Promise<DecisionTimes[]> {
  const { rows } = await sql<{ key: string; decided: number; within_24h: number }>`
    select key, sum(decided) as decided, sum(within_24h) as within_24h from decision_weeks
    where dimension = ${by} and week >= ${day(since)} and week < ${day(until)}
    group by key having sum(decided) > 0`.execute(db);
  return Promise.all(
    rows.map(async (r) => {
      const decided = Number(r.decided);
      // The platform's key is '' for notices that name none.
      const key = by === 'platform' && r.key === '' ? null : r.key;
      const quantileMillis = await Promise.all(quantiles.map((p) => nthFastest(db, by, key, since, until, nearestRank(decided, p), decided)));
      return { key, decided, within24h: Number(r.within_24h), quantileMillis };
    }),
  );
}

/** The value at `rank` (from 0) of `count` in order, walked from whichever end is nearer. */
async function nthFastest(db: Q, by: DecisionKey, key: string | null, since: string, until: string, rank: number, count: number): Promise<number> {
  const column = sql.ref(by);
  const fromEnd = rank >= count / 2;
  const { rows } = await sql<{ ms: number }>`
    select decision_ms as ms from notice_figures
    where ${key === null ? sql`${column} is null` : sql`${column} = ${key}`} and decided_at is not null and decided_at >= ${since} and decided_at < ${until}
    order by decision_ms ${fromEnd ? sql`desc` : sql`asc`} limit 1 offset ${fromEnd ? count - 1 - rank : rank}`.execute(db);
  if (!rows[0]) throw new Error(`kept stats: no decision at rank ${rank} of ${count} for ${by} ${key}`);
  return Number(rows[0].ms);
}

export async function counterOutcomes(db: Q, since: string, until: string): Promise<{ week: string; outcome: CounterOutcome; n: number }[]> {
  const { rows } = await sql<{ week: string; outcome: CounterOutcome; n: number }>`
    select week, outcome, n from counter_outcome_weeks where week >= ${day(since)} and week < ${day(until)} and n > 0`.execute(db);
  return rows.map((r) => ({ week: r.week, outcome: r.outcome, n: Number(r.n) }));
}
