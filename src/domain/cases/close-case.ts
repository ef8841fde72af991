import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { Case, CaseStatus } from '../schemas/index.js';
import { changeCase } from './change-case.js';
import { queueReply } from './queue-reply.js';
import { recordWebhookEvents } from '../webhooks/record-events.js';
import { CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireStatus, threadOf } from './review-support.js';

export const CloseCaseInput = CaseRef.extend({
  note: z.string().trim().min(1, 'Say why the case is closed.').max(5000),
  notify: z.boolean().default(false),
  reply: EditedReply.optional(),
});
export type CloseCaseInput = z.input<typeof CloseCaseInput>;

const CLOSABLE: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'awaiting_complainant', 'accepted', 'partially_accepted', 'rejected', 'withdrawn', 'reinstated'];

/** Ends a case that needs nothing more (spam, a question, a finished dispute); optionally tells the sender. */
export async function closeCase(ctx: Ctx, raw: CloseCaseInput): Promise<{ case: Case; replyId: number | null }> {
  const input = parseInput(CloseCaseInput, raw);
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, input);
    requireStatus(current, CLOSABLE, 'closed');
    const changed = await changeCase(trx, ctx, current, {
      to: 'closed',
      from: CLOSABLE,
      fields: { due_at: null },
      event: { type: 'closed', data: { note: input.note } },
    });
    await recordWebhookEvents(trx, ctx, changed, [{ type: 'case.closed', data: { note: input.note } }]);
    const replyId = input.notify
      ? await queueReply(trx, ctx, changed, await threadOf(trx, changed), 'closed', { vars: { note: input.note }, rendered: input.reply })
      : null;
    return { case: changed, replyId };
  });
}
