import type { Ctx } from '../context.js';
import { listNoticeCases, listOutcomeEvents } from '../../store/repos/stats.js';

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
 * decided within 24 hours of arrival.
 */
export async function computeStats(ctx: Ctx): Promise<DeskStats> {
  const now = ctx.now();
  const since3m = new Date(now.getTime() - 91 * 24 * 3600_000).toISOString();
  const [cases, events] = await Promise.all([listNoticeCases(ctx.db), listOutcomeEvents(ctx.db)]);
  const byCase = new Map<number, typeof events>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const groups = new Map<string, ComplainantStats>();
  const byStatus: Record<string, number> = {};
  let decided = 0;
  let within24h = 0;
  for (const c of cases) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const key = c.complainantEmail ?? '(unknown sender)';
    const g = groups.get(key) ?? { complainant: key, requests: 0, requests3m: 0, decided: 0, successes: 0, successRate: null, successfulCounterNotices: 0, counterNoticeRate: null, falseInformation: false, goodFaithEligible: false };
    groups.set(key, g);
    g.requests += 1;
    if (c.createdAt >= since3m) g.requests3m += 1;
    const evs = byCase.get(c.id) ?? [];
    const first = evs.find((e) => ['accepted', 'partially_accepted', 'rejected'].includes(e.type));
    if (!first) continue;
    g.decided += 1;
    decided += 1;
    if (new Date(first.at).getTime() - new Date(c.createdAt).getTime() <= 24 * 3600_000) within24h += 1;
    const tookDown = evs.some((e) => e.type === 'accepted' || e.type === 'partially_accepted');
    if (tookDown) g.successes += 1;
    if (evs.some((e) => e.type === 'rejected' && e.data.reason === 'false_information')) g.falseInformation = true;
    const undone = evs.some((e) => (e.type === 'reinstated' && e.data.reason === 'no_answer_in_time') || (e.type === 'dispute_decided' && e.data.outcome === 'reinstate'));
    if (tookDown && undone) g.successfulCounterNotices += 1;
  }
  for (const g of groups.values()) {
    g.successRate = ratio(g.successes, g.decided);
    g.counterNoticeRate = ratio(g.successfulCounterNotices, g.successes);
    g.goodFaithEligible =
      g.requests3m >= GOOD_FAITH.minRequests3m && (g.successRate ?? 0) >= GOOD_FAITH.minSuccessRate && (g.counterNoticeRate ?? 0) <= GOOD_FAITH.maxCounterNoticeRate && !g.falseInformation;
  }
  const complainants = [...groups.values()].sort((a, b) => b.requests - a.requests || a.complainant.localeCompare(b.complainant));
  return { complainants, decided, decidedWithin24h: within24h, share24h: ratio(within24h, decided), byStatus };
}
