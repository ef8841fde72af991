import { z } from 'zod';
import type { Ctx } from '../context.js';
import { ConflictError, DomainError } from '../errors.js';
import { CaseNumber } from '../schemas/index.js';
import { appendCaseEvent, listCaseEvents } from '../../store/repos/cases.js';
import { listListingDecisions } from '../../store/repos/listing-decisions.js';
import { queueReply } from '../cases/queue-reply.js';
import { loadCase, parseInput, threadOf } from '../cases/review-support.js';

export const ConfirmListingInput = z.object({
  caseNumber: CaseNumber,
  url: z.string().trim().min(1).max(2000),
  action: z.enum(['removed', 'restored']),
});
export type ConfirmListingInput = z.input<typeof ConfirmListingInput>;

/** The case event a platform's confirmation is recorded as. */
export const CONFIRMATION_EVENT = { removed: 'listing_removal_confirmed', restored: 'listing_restore_confirmed' } as const;
/** The listing decision a confirmation must match: only a listing we asked to remove can be confirmed removed. */
const EXPECTED_DECISION = { removed: 'removed', restored: 'reinstated' } as const;

/**
 * The platform says it carried out a decision on one listing. Recorded as a
 * case event, and only now is the complainant told the listing was removed
 * (or put back). A repeated confirmation changes nothing and says so.
 */
export async function confirmListing(ctx: Ctx, raw: ConfirmListingInput): Promise<{ caseNumber: string; url: string; action: 'removed' | 'restored'; alreadyConfirmed: boolean }> {
  const input = parseInput(ConfirmListingInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, { caseNumber: input.caseNumber });
    const decision = (await listListingDecisions(trx, c.id)).find((d) => d.url === input.url);
    if (!decision) {
      throw new DomainError('invalid_input', `Case ${c.number} has no decision on this listing.`, { fields: { url: 'not a decided listing of this case' } });
    }
    const expected = EXPECTED_DECISION[input.action];
    if (decision.decision !== expected) {
      throw new ConflictError(`The desk did not ask for this listing to be ${input.action}: its decision is "${decision.decision}".`, { caseNumber: c.number });
    }
    const type = CONFIRMATION_EVENT[input.action];
    const earlier = (await listCaseEvents(trx, c.id)).some((e) => e.type === type && e.data.url === input.url && e.at >= decision.decidedAt);
    if (earlier) return { caseNumber: c.number, url: input.url, action: input.action, alreadyConfirmed: true };
    await appendCaseEvent(trx, { caseId: c.id, at: ctx.now().toISOString(), actor: ctx.actor, type, fromStatus: null, toStatus: null, data: { url: input.url } });
    await queueReply(trx, ctx, c, await threadOf(trx, c), 'listing-confirmed', { vars: { url: input.url, action: input.action } });
    return { caseNumber: c.number, url: input.url, action: input.action, alreadyConfirmed: false };
  });
}
