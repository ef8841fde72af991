import type { Ctx } from '../context.js';
import { keptFigures, nearestRank, type CounterOutcome, type DecisionTimes as KeyTimes, type StatsFigures } from '../../store/repos/stats.js';

export const TREND_WEEKS = { default: 12, max: 104 } as const;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface WeekFigures {
  /** The Monday (UTC) the week starts on, YYYY-MM-DD. */
  week: string;
  received: number;
  decided: number;
  decidedWithin24h: number;
  counterOutcomes: Record<CounterOutcome, number>;
}

/** Time from arrival to first decision for one platform or one reviewer. */
export interface DecisionTimes {
  key: string;
  decided: number;
  medianSeconds: number;
  p90Seconds: number;
  within24h: number;
}

export interface DeskTrends {
  weeks: WeekFigures[];
  byPlatform: DecisionTimes[];
  byReviewer: DecisionTimes[];
  decided: number;
  decidedWithin24h: number;
}

export const COUNTER_OUTCOMES: readonly CounterOutcome[] = ['reinstated_no_answer', 'withdrawn', 'dispute_opened', 'dispute_reinstated', 'dispute_upheld'];

/** Nearest-rank percentile of ascending values: the smallest value with at least p of them at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of nothing');
  return sorted[nearestRank(sorted.length, p)]!;
}

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day;
}

function timesOf(list: readonly KeyTimes[], none: string): DecisionTimes[] {
  return list
    .map((t) => ({ key: t.key ?? none, decided: t.decided, medianSeconds: t.quantileMillis[0]! / 1000, p90Seconds: t.quantileMillis[1]! / 1000, within24h: t.within24h }))
    .sort((a, b) => b.decided - a.decided || a.key.localeCompare(b.key));
}

/**
 * The desk week by week over the last `weeks` weeks (this one included):
 * notices received and first decided, how many of those within 24 hours of
 * arrival, counter-notice outcomes; and time to decision per platform and per
 * reviewer over the same weeks. `figures` is where they are read: the kept
 * figures, or the full computation they must equal.
 */
export async function computeTrends(ctx: Ctx, weeks: number = TREND_WEEKS.default, figures: StatsFigures = keptFigures): Promise<DeskTrends> {
  const count = Math.min(TREND_WEEKS.max, Math.max(1, Math.floor(weeks)));
  const first = weekStart(ctx.now()).getTime() - (count - 1) * WEEK_MS;
  const since = new Date(first).toISOString();
  const until = new Date(first + count * WEEK_MS).toISOString();
  const quantiles = [0.5, 0.9];
  const [counts, byPlatform, byReviewer, outcomes] = await Promise.all([
    figures.weekCounts(ctx.db, since, until),
    figures.decisionTimes(ctx.db, since, until, 'platform', quantiles),
    figures.decisionTimes(ctx.db, since, until, 'reviewer', quantiles),
    figures.counterOutcomes(ctx.db, since, until),
  ]);
  const table = new Map<string, WeekFigures>();
  for (let i = 0; i < count; i++) {
    const week = new Date(first + i * WEEK_MS).toISOString().slice(0, 10);
    const c = counts.get(week);
    table.set(week, { week, received: c?.received ?? 0, decided: c?.decided ?? 0, decidedWithin24h: c?.decidedWithin24h ?? 0, counterOutcomes: Object.fromEntries(COUNTER_OUTCOMES.map((o) => [o, 0])) as Record<CounterOutcome, number> });
  }
  for (const o of outcomes) {
    const row = table.get(o.week);
    if (row) row.counterOutcomes[o.outcome] += o.n;
  }
  const rows = [...table.values()];
  return { weeks: rows, byPlatform: timesOf(byPlatform, '(no platform)'), byReviewer: timesOf(byReviewer, '(unknown)'), decided: rows.reduce((n, r) => n + r.decided, 0), decidedWithin24h: rows.reduce((n, r) => n + r.decidedWithin24h, 0) };
}
