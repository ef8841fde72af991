import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import { actorLabel, threadOf } from '../cases/review-support.js';
import type { Ctx } from '../context.js';
import { ConflictError } from '../errors.js';
import { findCaseById } from '../../store/repos/cases.js';
import { listOverdueCases } from '../../store/repos/case-links.js';
import { reinstateListings } from '../../store/repos/listing-decisions.js';
import { settleCounterNotices } from './counter-notice-support.js';
import { recordRestoreEvents } from '../webhooks/record-events.js';

export interface ReinstateSummary {
  reinstated: string[];
  skipped: string[];
}

/**
 * The scheduler's tick: every notice whose complainant did not answer a
 * counter-notice in time is reinstated, its counter-notices are closed as
 * upheld, and both sides are told. One transaction per case, so one case
 * that fails or was handled by another instance does not hold back the rest.
 */
export async function reinstateOverdue(ctx: Ctx): Promise<ReinstateSummary> {
  const now = ctx.now().toISOString();
  const summary: ReinstateSummary = { reinstated: [], skipped: [] };
  for (const overdue of await listOverdueCases(ctx.db, 'awaiting_complainant', now)) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const current = await findCaseById(trx, overdue.id);
        if (!current || current.status !== 'awaiting_complainant' || !current.dueAt || current.dueAt > now) throw new ConflictError('already handled');
        const urls = await reinstateListings(trx, current.id, now, actorLabel(ctx));
        const reinstated = await changeCase(trx, ctx, current, {
          to: 'reinstated',
          from: ['awaiting_complainant'],
          fields: { due_at: null },
          event: { type: 'reinstated', data: { reason: 'no_answer_in_time', dueAt: current.dueAt, listings: urls } },
        });
        await recordRestoreEvents(trx, ctx, reinstated, urls, 'no_answer_in_time');
        const vars = { reason: 'no_answer_in_time', listings: urls };
        await queueReply(trx, ctx, reinstated, await threadOf(trx, reinstated), 'reinstated', { vars });
        await settleCounterNotices(trx, ctx, reinstated, ['awaiting_complainant'], 'closed', { type: 'counter_notice_upheld', data: vars }, 'reinstated', vars);
      });
      summary.reinstated.push(overdue.number);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      summary.skipped.push(overdue.number);
    }
  }
  return summary;
}
