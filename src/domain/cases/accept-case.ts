import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { Case } from '../schemas/index.js';
import { saveListingDecisions } from '../../store/repos/listing-decisions.js';
import { changeCase } from './change-case.js';
import type { ListingDecision } from './listing-decision.js';
import { checkEditedReply } from './edited-reply.js';
import { recordStatements } from '../dsa/record-statements.js';
import { queueReply } from './queue-reply.js';
import { recordDecisionEvents } from '../webhooks/record-events.js';
import { actorLabel, CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireUndecided, threadOf, UNDECIDED } from './review-support.js';

export const AcceptCaseInput = CaseRef.extend({
  /** URLs of the listings to take down; omitted means every valid listing of the case. */
  listings: z.array(z.string().min(1)).optional(),
  /** Why the other listings stay up; told to the sender. */
  keptReason: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(5000).optional(),
  reply: EditedReply.optional(),
});
export type AcceptCaseInput = z.input<typeof AcceptCaseInput>;

/**
 * Accepts a complaint for all or some of its listings: each listing gets a
 * decision (removed or kept), the case becomes accepted or partially
 * accepted, and the sender is told which listings were taken down.
 */
export async function acceptCase(ctx: Ctx, raw: AcceptCaseInput): Promise<{ case: Case; decisions: ListingDecision[]; replyId: number | null }> {
  const input = parseInput(AcceptCaseInput, raw);
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, input);
    requireUndecided(current, 'accepted');
    if (current.kind !== 'notice') throw new DomainError('invalid_input', `Case ${current.number} is a ${current.kind.replace(/_/g, ' ')}, not a notice.`);
    const urls = current.complaint.listings.map((l) => l.url);
    const chosen = input.listings ?? current.complaint.listings.filter((l) => l.valid).map((l) => l.url);
    const unknown = chosen.filter((u) => !urls.includes(u));
    if (unknown.length) throw new DomainError('invalid_input', 'Some listings are not part of this case.', { fields: { listings: `not in the case: ${unknown.join(', ')}` } });
    if (urls.length > 0 && chosen.length === 0) {
      throw new DomainError('invalid_input', 'Choose at least one listing to take down, or reject the complaint.', { fields: { listings: 'none chosen' } });
    }
    const decisions: ListingDecision[] = urls.map((url) =>
      chosen.includes(url) ? { url, decision: 'removed', reason: null } : { url, decision: 'kept', reason: input.keptReason ?? null },
    );
    const partial = decisions.some((d) => d.decision === 'kept');
    const at = ctx.now().toISOString();
    await saveListingDecisions(trx, current.id, decisions, at, actorLabel(ctx));
    const removed = decisions.filter((d) => d.decision === 'removed').map((d) => d.url);
    const statements = await recordStatements(trx, ctx, current, removed, { decidedAt: at });
    const changed = await changeCase(trx, ctx, current, {
      to: partial ? 'partially_accepted' : 'accepted',
      from: UNDECIDED,
      fields: { due_at: null },
      event: { type: partial ? 'partially_accepted' : 'accepted', data: { listings: decisions, note: input.note ?? null, statementsOfReasons: statements.map((s) => s.puid) } },
    });
    await recordDecisionEvents(trx, ctx, changed, decisions, statements);
    const kept = decisions.filter((d) => d.decision === 'kept').map((d) => d.url);
    const rendered = checkEditedReply(input.reply, [
      ...removed.map((url) => ({ what: 'listing to remove', text: url })),
      ...kept.map((url) => ({ what: 'listing kept', text: url })),
      ...(input.keptReason ? [{ what: 'why listings are kept', text: input.keptReason }] : []),
      ...(input.note ? [{ what: 'your note', text: input.note }] : []),
    ]);
    const replyId = await queueReply(trx, ctx, changed, await threadOf(trx, changed), partial ? 'partially-accepted' : 'accepted', {
      vars: { removed, kept, keptReason: input.keptReason ?? null, note: input.note ?? null },
      rendered,
    });
    return { case: changed, decisions, replyId };
  });
}
