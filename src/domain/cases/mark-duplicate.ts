import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError, NotFoundError } from '../errors.js';
import { CaseNumber, type Case } from '../schemas/index.js';
import { appendCaseEvent, findCaseByNumber } from '../../store/repos/cases.js';
import { changeCase } from './change-case.js';
import { queueReply } from './queue-reply.js';
import { CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireStatus, threadOf, UNDECIDED } from './review-support.js';

export const MarkDuplicateInput = CaseRef.extend({
  duplicateOf: CaseNumber,
  /** Tell the sender which case carries their complaint. */
  notify: z.boolean().default(true),
  reply: EditedReply.optional(),
});
export type MarkDuplicateInput = z.input<typeof MarkDuplicateInput>;

/** Closes a case that repeats another; both records point at each other. */
export async function markDuplicate(ctx: Ctx, raw: MarkDuplicateInput): Promise<{ case: Case; replyId: number | null }> {
  const input = parseInput(MarkDuplicateInput, raw);
  requireReviewer(ctx);
  if (input.duplicateOf === input.caseNumber) throw new DomainError('invalid_input', 'A case cannot duplicate itself.', { fields: { duplicateOf: 'same case' } });
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, input);
    requireStatus(current, UNDECIDED, 'marked as a duplicate');
    const original = await findCaseByNumber(trx, input.duplicateOf);
    if (!original) throw new NotFoundError(`There is no case ${input.duplicateOf}.`, { fields: { duplicateOf: 'no such case' } });
    const changed = await changeCase(trx, ctx, current, {
      to: 'closed',
      from: UNDECIDED,
      fields: { due_at: null },
      event: { type: 'marked_duplicate', data: { duplicateOf: original.number } },
    });
    await appendCaseEvent(trx, {
      caseId: original.id,
      at: ctx.now().toISOString(),
      actor: ctx.actor,
      type: 'duplicate_linked',
      fromStatus: null,
      toStatus: null,
      data: { duplicate: current.number },
    });
    const replyId = input.notify
      ? await queueReply(trx, ctx, changed, await threadOf(trx, changed), 'duplicate', { vars: { duplicateOf: original.number }, rendered: input.reply })
      : null;
    return { case: changed, replyId };
  });
}
