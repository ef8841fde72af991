import type { Ctx } from '../context.js';
import { keptFigures, type StatsFigures } from '../../store/repos/stats.js';

/** The Good Faith Program's thresholds (domain.md), as data so an operator can change them. */
export const GOOD_FAITH = { minRequests3m: 100, minSuccessRate: 0.9, maxCounterNoticeRate: 0.05 } as const;

export interface ComplainantStats {
  complainant: string;
  requests: number;
  requests3m: number;
  decided: number;
  successes: number;
  successRate: number | null;
  successfulCounterNotices: number;
  counterNoticeRate: number | null;
  falseInformation: boolean;
  goodFaithEligible: boolean;
}

export interface DeskStats {
  complainants: ComplainantStats[];
  decided: number;
  decidedWithin24h: number;
  share24h: number | null;
  byStatus: Record<string, number>;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * Per complainant: takedown requests, success rate (accepted in whole or in
 * part, of those decided), share of takedowns undone by a successful
 * counter-notice, and Good Faith eligibility; plus the share of notices
 * decided within 24 hours of arrival. `figures` is where they are read:
 * the kept figures, or the full computation they must equal.
 */
export async function computeStats(ctx: Ctx, figures: StatsFigures = keptFigures): Promise<DeskStats> {
  const since3m = new Date(ctx.now().getTime() - 91 * 24 * 3600_000).toISOString();
  const [totals, byStatus] = await Promise.all([figures.complainantTotals(ctx.db, since3m), figures.noticesByStatus(ctx.db)]);
  let decided = 0;
  let within24h = 0;
  const complainants = totals.map((t): ComplainantStats => {
    decided += t.decided;
    within24h += t.decidedWithin24h;
    const successRate = ratio(t.successes, t.decided);
    const counterNoticeRate = ratio(t.successfulCounterNotices, t.successes);
    return {
      complainant: t.complainant ?? '(unknown sender)',
      requests: t.requests,
      requests3m: t.requestsSince,
      decided: t.decided,
      successes: t.successes,
      successRate,
      successfulCounterNotices: t.successfulCounterNotices,
      counterNoticeRate,
      falseInformation: t.falseInformation,
      goodFaithEligible:
        t.requestsSince >= GOOD_FAITH.minRequests3m && (successRate ?? 0) >= GOOD_FAITH.minSuccessRate && (counterNoticeRate ?? 0) <= GOOD_FAITH.maxCounterNoticeRate && !t.falseInformation,
    };
  });
  complainants.sort((a, b) => b.requests - a.requests || a.complainant.localeCompare(b.complainant));
  return { complainants, decided, decidedWithin24h: within24h, share24h: ratio(within24h, decided), byStatus };
}
