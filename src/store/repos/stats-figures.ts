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

/** A notice's first decision (accept, partial accept or reject): its platform, who made it, and how long after arrival. */
export interface FirstDecision {
  platform: string | null;
  reviewer: string;
  millis: number;
}

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
  firstDecisions(db: Q, since: string, until: string): Promise<FirstDecision[]>;
  counterOutcomes(db: Q, since: string, until: string): Promise<{ week: string; outcome: CounterOutcome; n: number }[]>;
}
