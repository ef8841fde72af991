import { z } from 'zod';
import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { changeCase } from './change-case.js';
import { DomainError } from '../errors.js';
import { canReview, findUserByEmail } from '../../store/repos/users.js';
import { CaseRef, loadCase, parseInput, requireReviewer } from './review-support.js';

export const AssignCaseInput = CaseRef.extend({
  /** Who takes the case; omitted means the acting reviewer ("assign to me"); null releases it. */
  assignee: z.string().trim().min(1).max(200).nullable().optional(),
});
export type AssignCaseInput = z.input<typeof AssignCaseInput>;

/** Gives a case to a reviewer, or releases it. No status change and no reply. */
export async function assignCase(ctx: Ctx, raw: AssignCaseInput): Promise<{ case: Case }> {
  const input = parseInput(AssignCaseInput, raw);
  requireReviewer(ctx);
  const assignee = input.assignee === undefined ? ctx.actor.id : input.assignee?.toLowerCase() ?? null;
  if (assignee && assignee !== ctx.actor.id.toLowerCase()) await requireReviewerAccount(ctx, assignee);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, input);
    if (current.assignee === assignee) return { case: current };
    const changed = await changeCase(trx, ctx, current, {
      fields: { assignee },
      event: { type: assignee ? 'assigned' : 'unassigned', data: { assignee, previous: current.assignee } },
    });
    return { case: changed };
  });
}

/** A case goes to someone who can work it: an existing reviewer or admin account. */
async function requireReviewerAccount(ctx: Ctx, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || !canReview(user)) {
    throw new DomainError('invalid_input', `There is no reviewer account ${email}.`, { fields: { assignee: 'not a reviewer account' } });
  }
}
