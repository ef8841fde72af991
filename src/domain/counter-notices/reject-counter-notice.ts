import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/tables.js';
import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import { CaseRef, loadCase, parseInput, requireReviewerOrComplainant, requireStatus, threadOf } from '../cases/review-support.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { Case } from '../schemas/index.js';
import { listChildCases } from '../../store/repos/case-links.js';
import { noticeOf, settleCounterNotices } from './counter-notice-support.js';

export const RejectCounterNoticeInput = CaseRef.extend({
  /** What the complainant said (or where: the message that carried the rejection). */
  note: z.string().trim().max(5000).optional(),
  /** How the complainant answered: rejected it in writing, or reported a court action (DMCA 512(g)). */
  answer: z.enum(['reject', 'court_action']).default('reject'),
});
export type RejectCounterNoticeInput = z.input<typeof RejectCounterNoticeInput>;

/**
 * Records the complainant's rejection of a counter-notice (given the notice
 * or the counter-notice): the notice and its counter-notices become
 * disputed, the deadline stops, and the merchant is told a decision follows.
 */
export async function rejectCounterNotice(ctx: Ctx, raw: RejectCounterNoticeInput): Promise<{ case: Case; counterNotices: Case[] }> {
  const input = parseInput(RejectCounterNoticeInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const named = await loadCase(trx, input);
    const notice = await noticeOf(trx, named);
    requireReviewerOrComplainant(ctx, notice);
    return rejectInTransaction(trx, ctx, notice, { note: input.note ?? null, answer: input.answer });
  });
}

/** The rejection itself, inside the caller's transaction (also used when a held rejection is confirmed). */
export async function rejectInTransaction(
  trx: Transaction<Database>,
  ctx: Ctx,
  notice: Case,
  options: { note: string | null; answer: 'reject' | 'court_action'; data?: Record<string, unknown> },
): Promise<{ case: Case; counterNotices: Case[] }> {
  requireStatus(notice, ['awaiting_complainant'], 'disputed');
  if ((await listChildCases(trx, notice.id, ['awaiting_complainant'])).length === 0) {
    throw new DomainError('invalid_input', `Case ${notice.number} has no counter-notice waiting for an answer.`);
  }
  const disputed = await changeCase(trx, ctx, notice, {
    to: 'disputed',
    from: ['awaiting_complainant'],
    fields: { due_at: null },
    event: { type: 'counter_notice_rejected', data: { note: options.note, answer: options.answer, ...options.data } },
  });
  await queueReply(trx, ctx, disputed, await threadOf(trx, disputed), 'dispute-opened', { vars: { side: 'complainant' } });
  const counterNotices = await settleCounterNotices(trx, ctx, disputed, ['awaiting_complainant'], 'disputed', { type: 'counter_notice_rejected', data: { notice: notice.number } }, 'dispute-opened', { side: 'merchant' });
  return { case: disputed, counterNotices };
}
