import type { Ctx } from '../context.js';
import { NEEDS_ACTION, type CaseStatus } from '../schemas/index.js';
import { addWorkingHours, DEFAULT_SLA, type SlaPolicy } from '../../rules/sla.js';

/** Statuses in which the case waits for the sender's answer to a request. */
export const WAITING_FOR_SENDER: readonly CaseStatus[] = ['deficient', 'awaiting_complainant'];

export function slaPolicyFor(ctx: Pick<Ctx, 'platforms'>, platform: string | null): SlaPolicy {
  return ctx.platforms.find((p) => p.id === platform)?.sla ?? DEFAULT_SLA;
}

function category(status: CaseStatus): 'review' | 'waiting' | 'done' {
  return NEEDS_ACTION.includes(status) ? 'review' : WAITING_FOR_SENDER.includes(status) ? 'waiting' : 'done';
}

/**
 * The SLA deadline a case gets on entering `to` from `from` at `at`: the
 * platform's review target when it comes (back) to reviewers, the sender's
 * answer window when it starts to wait, none once decided. Undefined when
 * the case stays on the same side, so a running clock is not restarted.
 */
export function slaDueOnEntering(ctx: Pick<Ctx, 'platforms'>, platform: string | null, from: CaseStatus | null, to: CaseStatus, at: Date): string | null | undefined {
  const next = category(to);
  if (from && category(from) === next) return undefined;
  const policy = slaPolicyFor(ctx, platform);
  if (next === 'review') return addWorkingHours(at, policy.hours, policy).toISOString();
  if (next === 'waiting') return addWorkingHours(at, policy.answerHours, policy).toISOString();
  return null;
}
