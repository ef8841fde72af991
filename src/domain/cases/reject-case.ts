import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { saveListingDecisions } from '../../store/repos/listing-decisions.js';
import { recordDecisionEvents } from '../webhooks/record-events.js';
import { changeCase } from './change-case.js';
import { REJECT_REASON_LABELS, RejectReason } from './listing-decision.js';
import { checkEditedReply } from './edited-reply.js';
import { queueReply } from './queue-reply.js';
import { assessMisuse } from '../trust/misuse.js';
import { actorLabel, CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireUndecided, threadOf, UNDECIDED } from './review-support.js';

export const RejectCaseInput = CaseRef.extend({
  reason: RejectReason,
  /** Said to the sender after the reason; required for `other`. */
  note: z.string().trim().max(5000).optional(),
  reply: EditedReply.optional(),
}).refine((v) => v.reason !== 'other' || !!v.note, { path: ['note'], message: 'Say why when the reason is "other".' });
export type RejectCaseInput = z.input<typeof RejectCaseInput>;

/** Rejects a complaint with a reason from the list; every listing stays up. */
export async function rejectCase(ctx: Ctx, raw: RejectCaseInput): Promise<{ case: Case; replyId: number | null }> {
  const input = parseInput(RejectCaseInput, raw);
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, input);
    requireUndecided(current, 'rejected');
    const at = ctx.now().toISOString();
    const kept = current.complaint.listings.map((l) => ({ url: l.url, decision: 'kept' as const, reason: REJECT_REASON_LABELS[input.reason] }));
    await saveListingDecisions(trx, current.id, kept, at, actorLabel(ctx));
    const changed = await changeCase(trx, ctx, current, {
      to: 'rejected',
      from: UNDECIDED,
      fields: { due_at: null },
      event: { type: 'rejected', data: { reason: input.reason, note: input.note ?? null } },
    });
    await recordDecisionEvents(trx, ctx, changed, kept);
    const replyId = await queueReply(trx, ctx, changed, await threadOf(trx, changed), 'rejected', {
      vars: { reason: input.reason, reasonText: REJECT_REASON_LABELS[input.reason], note: input.note ?? null },
      rendered: checkEditedReply(input.reply, [{ what: 'the reason', text: REJECT_REASON_LABELS[input.reason] }, ...(input.note ? [{ what: 'your note', text: input.note }] : [])]),
    });
    // Repeated manifestly unfounded notices lead to a warning, then a suspension (DSA Art. 23).
    if (input.reason === 'manifestly_unfounded') await assessMisuse(trx, ctx, changed);
    return { case: changed, replyId };
  });
}
