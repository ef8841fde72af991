import { z } from 'zod';
import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import { actorLabel, CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireStatus, threadOf } from '../cases/review-support.js';
import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { listListingDecisions, reinstateListings } from '../../store/repos/listing-decisions.js';
import { noticeOf, settleCounterNotices } from './counter-notice-support.js';
import { recordRestoreEvents } from '../webhooks/record-events.js';

export const DisputeOutcome = z.enum(['takedown_upheld', 'reinstate']);
export type DisputeOutcome = z.infer<typeof DisputeOutcome>;

export const DecideDisputeInput = CaseRef.extend({
  outcome: DisputeOutcome,
  note: z.string().trim().min(1, 'Give the grounds of the decision.').max(5000),
  reply: EditedReply.optional(),
});
export type DecideDisputeInput = z.input<typeof DecideDisputeInput>;

/** The platform's final decision on a disputed takedown; both sides are told. */
export async function decideDispute(ctx: Ctx, raw: DecideDisputeInput): Promise<{ case: Case; counterNotices: Case[] }> {
  const input = parseInput(DecideDisputeInput, raw);
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const notice = await noticeOf(trx, await loadCase(trx, input));
    requireStatus(notice, ['disputed'], 'decided as a dispute');
    const at = ctx.now().toISOString();
    let to: Case['status'] = 'reinstated';
    let listings: string[] = [];
    if (input.outcome === 'reinstate') listings = await reinstateListings(trx, notice.id, at, actorLabel(ctx));
    else to = (await listListingDecisions(trx, notice.id)).some((d) => d.decision === 'kept') ? 'partially_accepted' : 'accepted';
    const decided = await changeCase(trx, ctx, notice, {
      to,
      from: ['disputed'],
      event: { type: 'dispute_decided', data: { outcome: input.outcome, note: input.note, listings } },
    });
    await recordRestoreEvents(trx, ctx, decided, listings, 'dispute_decided');
    const vars = { outcome: input.outcome, note: input.note, listings };
    await queueReply(trx, ctx, decided, await threadOf(trx, decided), 'dispute-decided', { vars: { ...vars, side: 'complainant' }, rendered: input.reply });
    const counterNotices = await settleCounterNotices(trx, ctx, decided, ['disputed'], 'closed', { type: 'dispute_decided', data: vars }, 'dispute-decided', { ...vars, side: 'merchant' });
    return { case: decided, counterNotices };
  });
}
