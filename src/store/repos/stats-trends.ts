import { sql } from 'kysely';
import type { CounterOutcome, FirstDecision, Q, WeekCounts } from './stats-figures.js';

const day = (iso: string) => iso.slice(0, 10);

/** Kept weekly counts of the weeks from `since` up to `until` (Mondays). */
export async function weekCounts(db: Q, since: string, until: string): Promise<Map<string, WeekCounts>> {
  const { rows } = await sql<{ week: string; received: number; decided: number; within_24h: number }>`
    select week, received, decided, within_24h from notice_weeks where week >= ${day(since)} and week < ${day(until)}`.execute(db);
  return new Map(rows.map((r) => [r.week, { received: Number(r.received), decided: Number(r.decided), decidedWithin24h: Number(r.within_24h) }]));
}

/** First decisions in the period, from the covering index on the notices' kept rows. */
export async function firstDecisions(db: Q, since: string, until: string): Promise<FirstDecision[]> {
  const { rows } = await sql<{ platform: string | null; reviewer: string; decision_ms: number }>`
    select platform, reviewer, decision_ms from notice_figures where decided_at >= ${since} and decided_at < ${until}`.execute(db);
  return rows.map((r) => ({ platform: r.platform ?? null, reviewer: String(r.reviewer), millis: Number(r.decision_ms) }));
}

export async function counterOutcomes(db: Q, since: string, until: string): Promise<{ week: string; outcome: CounterOutcome; n: number }[]> {
  const { rows } = await sql<{ week: string; outcome: CounterOutcome; n: number }>`
    select week, outcome, n from counter_outcome_weeks where week >= ${day(since)} and week < ${day(until)} and n > 0`.execute(db);
  return rows.map((r) => ({ week: r.week, outcome: r.outcome, n: Number(r.n) }));
}
