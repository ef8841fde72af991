import type { Ctx } from '../context.js';
import { ConflictError } from '../errors.js';
import { findCaseById } from '../../store/repos/cases.js';
import { listUnansweredPastDue } from '../../store/repos/case-queue.js';
import { changeCase } from './change-case.js';
import { WAITING_FOR_SENDER } from './sla-deadline.js';

/**
 * The scheduler's tick for requests nobody answered: a case that waited for
 * the sender past its answer window comes back to reviewers (in review,
 * with a fresh review target) so someone decides it. No mail is sent; the
 * case record says why it came back. One transaction per case.
 */
export async function returnUnanswered(ctx: Ctx, limit = 200): Promise<string[]> {
  const now = ctx.now().toISOString();
  const returned: string[] = [];
  for (const { id } of await listUnansweredPastDue(ctx.db, WAITING_FOR_SENDER, now, limit)) {
    try {
      const number = await ctx.db.transaction().execute(async (trx) => {
        const current = await findCaseById(trx, id);
        if (!current || !WAITING_FOR_SENDER.includes(current.status) || current.dueAt || !current.slaDueAt || current.slaDueAt >= now) throw new ConflictError('already handled');
        await changeCase(trx, ctx, current, {
          to: 'in_review',
          from: [current.status],
          event: { type: 'answer_overdue', data: { waitedSince: current.updatedAt, answerDueAt: current.slaDueAt } },
        });
        return current.number;
      });
      returned.push(number);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return returned;
}
