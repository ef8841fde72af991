import { z } from 'zod';
import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import type { Transaction } from 'kysely';
import { actorLabel, CaseRef, loadCase, parseInput, requireReviewerOrComplainant, requireStatus, threadOf } from '../cases/review-support.js';
import type { Database } from '../../store/tables.js';
import type { Ctx } from '../context.js';
import type { Case, CaseStatus } from '../schemas/index.js';
import { reinstateListings } from '../../store/repos/listing-decisions.js';
import { noticeOf, settleCounterNotices } from './counter-notice-support.js';
import { recordRestoreEvents } from '../webhooks/record-events.js';

export const WithdrawComplaintInput = CaseRef.extend({
  note: z.string().trim().max(5000).optional(),
  /** Confirm the withdrawal to the complainant. */
  notify: z.boolean().default(true),
});
export type WithdrawComplaintInput = z.input<typeof WithdrawComplaintInput>;

const WITHDRAWABLE: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'accepted', 'partially_accepted', 'counter_noticed', 'awaiting_complainant', 'disputed'];
const OPEN_COUNTER: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'awaiting_complainant', 'disputed'];

/**
 * The rights owner withdraws the complaint (recorded by a reviewer): the
 * removed listings are reinstated, open counter-notices are closed and their
 * merchants told.
 */
export async function withdrawComplaint(ctx: Ctx, raw: WithdrawComplaintInput): Promise<{ case: Case; reinstated: string[] }> {
  const input = parseInput(WithdrawComplaintInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const notice = await noticeOf(trx, await loadCase(trx, input));
    requireReviewerOrComplainant(ctx, notice);
    return withdrawNotice(trx, ctx, notice, { note: input.note ?? null, notify: input.notify });
  });
}

/** The withdrawal itself, inside the caller's transaction (also used when a held withdrawal is confirmed). */
export async function withdrawNotice(
  trx: Transaction<Database>,
  ctx: Ctx,
  notice: Case,
  options: { note: string | null; notify: boolean; data?: Record<string, unknown> },
): Promise<{ case: Case; reinstated: string[] }> {
  requireStatus(notice, WITHDRAWABLE, 'withdrawn');
  const at = ctx.now().toISOString();
  const reinstated = await reinstateListings(trx, notice.id, at, actorLabel(ctx));
  const withdrawn = await changeCase(trx, ctx, notice, {
    to: 'withdrawn',
    from: WITHDRAWABLE,
    fields: { due_at: null },
    event: { type: 'withdrawn', data: { note: options.note, listings: reinstated, ...options.data } },
  });
  await recordRestoreEvents(trx, ctx, withdrawn, reinstated, 'withdrawn');
  const vars = { listings: reinstated };
  if (options.notify) await queueReply(trx, ctx, withdrawn, await threadOf(trx, withdrawn), 'withdrawn', { vars: { ...vars, side: 'complainant' } });
  await settleCounterNotices(trx, ctx, withdrawn, OPEN_COUNTER, 'closed', { type: 'notice_withdrawn', data: vars }, 'withdrawn', { ...vars, side: 'merchant' });
  return { case: withdrawn, reinstated };
}
