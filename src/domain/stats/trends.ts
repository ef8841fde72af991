import type { Ctx } from '../context.js';
import { counterOutcomesPerWeek, firstDecisionsSince, receivedPerWeek, type CounterOutcome } from '../../store/repos/stats-trends.js';

export const TREND_WEEKS = { default: 12, max: 104 } as const;
const DAY = 86_400;
const WEEK_MS = 7 * DAY * 1000;

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
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day;
}

function timesOf(groups: Map<string, number[]>): DecisionTimes[] {
  return [...groups]
    .map(([key, seconds]) => {
      seconds.sort((a, b) => a - b);
      return { key, decided: seconds.length, medianSeconds: percentile(seconds, 0.5), p90Seconds: percentile(seconds, 0.9), within24h: seconds.filter((s) => s <= DAY).length };
    })
    .sort((a, b) => b.decided - a.decided || a.key.localeCompare(b.key));
}

/**
 * The desk week by week over the last `weeks` weeks (this one included):
 * notices received and first decided, how many of those within 24 hours of
 * arrival, counter-notice outcomes; and time to decision per platform and per
 * reviewer over the same weeks.
 */
export async function computeTrends(ctx: Ctx, weeks: number = TREND_WEEKS.default): Promise<DeskTrends> {
  const count = Math.min(TREND_WEEKS.max, Math.max(1, Math.floor(weeks)));
  const first = weekStart(ctx.now()).getTime() - (count - 1) * WEEK_MS;
  const since = new Date(first).toISOString();
  const [received, decisions, outcomes] = await Promise.all([receivedPerWeek(ctx.db, since), firstDecisionsSince(ctx.db, since), counterOutcomesPerWeek(ctx.db, since)]);
  const table = new Map<string, WeekFigures>();
  for (let i = 0; i < count; i++) {
    const week = new Date(first + i * WEEK_MS).toISOString().slice(0, 10);
    table.set(week, { week, received: received.get(week) ?? 0, decided: 0, decidedWithin24h: 0, counterOutcomes: Object.fromEntries(COUNTER_OUTCOMES.map((o) => [o, 0])) as Record<CounterOutcome, number> });
  }
  const byPlatform = new Map<string, number[]>();
  const byReviewer = new Map<string, number[]>();
  let within = 0;
  for (const d of decisions) {
    const row = table.get(d.week);
    if (!row) continue;
    row.decided++;
    if (d.seconds <= DAY) {
      row.decidedWithin24h++;
      within++;
    }
    const platform = d.platform ?? '(no platform)';
    if (!byPlatform.has(platform)) byPlatform.set(platform, []);
    byPlatform.get(platform)!.push(d.seconds);
    if (!byReviewer.has(d.reviewer)) byReviewer.set(d.reviewer, []);
    byReviewer.get(d.reviewer)!.push(d.seconds);
  }
  for (const o of outcomes) {
    const row = table.get(o.week);
    if (row) row.counterOutcomes[o.outcome] += o.n;
  }
  const rows = [...table.values()];
  return { weeks: rows, byPlatform: timesOf(byPlatform), byReviewer: timesOf(byReviewer), decided: rows.reduce((n, r) => n + r.decided, 0), decidedWithin24h: within };
}
