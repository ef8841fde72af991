import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { changeCase } from './change-case.js';
import { checkEditedReply } from './edited-reply.js';
import { queueReply } from './queue-reply.js';
import { CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireUndecided, threadOf, UNDECIDED } from './review-support.js';

export const RequestInfoInput = CaseRef.extend({
  /** `deficient`: required elements are missing; `awaiting_complainant`: a reviewer's question. */
  status: z.enum(['deficient', 'awaiting_complainant']).default('awaiting_complainant'),
  /** What the sender should send back, one item per line of the reply. */
  requested: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
  note: z.string().trim().max(5000).optional(),
  reply: EditedReply.optional(),
}).refine((v) => v.requested.length > 0 || !!v.note || !!v.reply, { path: ['requested'], message: 'Say what the sender should send.' });
export type RequestInfoInput = z.input<typeof RequestInfoInput>;

/** Asks the sender for more; their answer joins the case and it is checked again. */
export async function requestInfo(ctx: Ctx, raw: RequestInfoInput): Promise<{ case: Case; replyId: number | null }> {
  const input = parseInput(RequestInfoInput, raw);
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, input);
    requireUndecided(current, 'sent back to the sender');
    const changed = await changeCase(trx, ctx, current, {
      to: input.status,
      from: UNDECIDED,
      fields: { due_at: null },
      event: { type: 'information_requested', data: { requested: input.requested, note: input.note ?? null } },
    });
    // Exactly what the reviewer asked for: the request-info template lists their items, not the case's findings.
    const replyId = await queueReply(trx, ctx, changed, await threadOf(trx, changed), 'request-info', {
      vars: { requested: input.requested, note: input.note ?? null },
      rendered: checkEditedReply(input.reply, [...input.requested.map((text) => ({ what: 'requested item', text })), ...(input.note ? [{ what: 'your note', text: input.note }] : [])]),
    });
    return { case: changed, replyId };
  });
}
