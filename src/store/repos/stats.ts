import { sql } from 'kysely';
import type { Case } from '../../domain/schemas/index.js';
import type { ComplainantTotals, Q, StatsFigures } from './stats-figures.js';
import { counterOutcomes, decisionTimes, weekCounts } from './stats-trends.js';
import { toCase } from './cases.js';

export { nearestRank, type ComplainantTotals, type CounterOutcome, type DecisionKey, type DecisionTimes, type StatsFigures, type WeekCounts } from './stats-figures.js';

/**
 * Per complainant, from the sums the store keeps (a row per complainant), and
 * the notices each sent since `since`, from the notices' arrival index: a
 * read of the recent notices, not of every one.
 */
async function complainantTotals(db: Q, since: string): Promise<ComplainantTotals[]> {
  const [totals, recent] = await Promise.all([
    sql<Record<string, unknown>>`
      select complainant, requests, decided, within_24h, successes, undone, false_info
      from complainant_figures where requests > 0`.execute(db),
    sql<{ complainant: string | null; n: number }>`
      select complainant, count(*) as n from notice_figures where received_at >= ${since} group by complainant`.execute(db),
  ]);
  const since3m = new Map(recent.rows.map((r) => [r.complainant ?? null, Number(r.n)]));
  return totals.rows.map((r) => {
    const complainant = (r.complainant as string | null) ?? null;
    return {
      complainant,
      requests: Number(r.requests),
      requestsSince: since3m.get(complainant) ?? 0,
      decided: Number(r.decided),
      decidedWithin24h: Number(r.within_24h),
      successes: Number(r.successes),
      successfulCounterNotices: Number(r.undone),
      falseInformation: Number(r.false_info) > 0,
    };
  });
}

async function noticesByStatus(db: Q): Promise<Record<string, number>> {
  const { rows } = await sql<{ status: string; n: number }>`select status, n from notice_status_counts where n > 0`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The /stats figures as the store keeps them (migration 20261129T1500):
 * triggers update them in the same transaction as every change to a case or
 * its events, so a read costs a few small tables, one index range and, per
 * quantile of each platform and reviewer, one walk along an index in order.
 */
export const keptFigures: StatsFigures = { complainantTotals, noticesByStatus, weekCounts, decisionTimes, counterOutcomes };

/** Cases in pages, oldest first, for exports that must not hold everything in memory at once. */
export async function listCasesPage(db: Q, afterId: number, limit: number, statuses: readonly string[] | null = null): Promise<Case[]> {
  let query = db.selectFrom('cases').selectAll().where('id', '>', afterId).orderBy('id').limit(limit);
  if (statuses) query = query.where('status', 'in', [...statuses]);
  return (await query.execute()).map(toCase);
}
