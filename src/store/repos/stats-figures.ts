import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

export type Q = Kysely<Database> | Transaction<Database>;

/** One complainant's notices and what became of them. */
export interface ComplainantTotals {
  complainant: string | null;
  requests: number;
  requestsSince: number;
  decided: number;
  decidedWithin24h: number;
  successes: number;
  successfulCounterNotices: number;
  falseInformation: boolean;
}

/** Notices received, first decided, and first decided within 24 hours of arrival, in one week. */
export interface WeekCounts {
  received: number;
  decided: number;
  decidedWithin24h: number;
}

/** Time from arrival to first decision for the notices of one platform (null: none named) or one reviewer. */
export interface DecisionTimes {
  key: string | null;
  decided: number;
  within24h: number;
  /** Milliseconds at each quantile asked for, nearest rank. */
  quantileMillis: number[];
}

export type DecisionKey = 'platform' | 'reviewer';

/** Nearest rank: the place (from 0) of the smallest of `n` ascending values with at least a share `p` of them at or below it. */
export const nearestRank = (n: number, p: number) => Math.max(0, Math.ceil(p * n) - 1);

/** What became of notices a merchant answered. */
export type CounterOutcome = 'reinstated_no_answer' | 'withdrawn' | 'dispute_opened' | 'dispute_reinstated' | 'dispute_upheld';

/**
 * Where /stats reads its figures: the kept figures (`keptFigures`, what the
 * page uses) or the full computation over every case and event
 * (`recountFigures`), which defines them. Periods run from `since`
 * (inclusive) to `until` (exclusive), both Monday 00:00 UTC as ISO text.
 */
export interface StatsFigures {
  /** Per complainant over all time, with the notices received since `since`. */
  complainantTotals(db: Q, since: string): Promise<ComplainantTotals[]>;
  noticesByStatus(db: Q): Promise<Record<string, number>>;
  /** Keyed by the week's Monday, YYYY-MM-DD; weeks with nothing may be missing. */
  weekCounts(db: Q, since: string, until: string): Promise<Map<string, WeekCounts>>;
  /** Per platform or reviewer, over the notices first decided in the period. */
  decisionTimes(db: Q, since: string, until: string, by: DecisionKey, quantiles: readonly number[]): Promise<DecisionTimes[]>;
  counterOutcomes(db: Q, since: string, until: string): Promise<{ week: string; outcome: CounterOutcome; n: number }[]>;
}
