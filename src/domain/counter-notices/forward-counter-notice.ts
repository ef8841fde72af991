import type { Transaction } from 'kysely';
import { z } from 'zod';
import { listCaseMessages } from '../../store/repos/messages.js';
import type { Database } from '../../store/tables.js';
import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import { CaseRef, EditedReply, loadCase, parseInput, requireReviewer, requireStatus, threadOf } from '../cases/review-support.js';
import { DomainError, NotFoundError } from '../errors.js';
import { CaseNumber, type Case } from '../schemas/index.js';
import { findCaseByNumber } from '../../store/repos/cases.js';
import { addBusinessDays, counterNoticeSettings, type CounterNoticeCtx } from './business-days.js';
import { parentNotice } from './counter-notice-support.js';
import { recordCounterNoticeEvent } from '../webhooks/record-events.js';

export const ForwardCounterNoticeInput = CaseRef.extend({
  /** The notice this counter-notice answers, when intake could not link it. */
  noticeCaseNumber: CaseNumber.optional(),
  /** Overrides the configured number of business days for this one. */
  businessDays: z.number().int().positive().max(30).optional(),
  /** The reviewer's edit of the mail to the complainant. */
  reply: EditedReply.optional(),
});
export type ForwardCounterNoticeInput = z.input<typeof ForwardCounterNoticeInput>;

/** What the merchant wrote, every message of the counter-notice as received: the complainant gets it as a copy (DMCA 512(g)(2)(B)). */
async function counterNoticeText(ctx: CounterNoticeCtx, trx: Transaction<Database>, caseId: number): Promise<string | null> {
  const texts: string[] = [];
  for (const message of await listCaseMessages(trx, caseId)) {
    const { read } = (await ctx.work.read(message, ctx.ownAddresses)).content;
    if (read.text.trim()) texts.push(read.text.trim());
  }
  return texts.length ? texts.join('\n\n---\n\n').slice(0, 20_000) : null;
}

/**
 * Forwards a checked counter-notice (the case named) to the complainant of
 * the notice it answers, with a deadline in business days. Both cases wait
 * for the complainant; the scheduler reinstates the listings when the
 * deadline passes without an answer.
 */
export async function forwardCounterNotice(ctx: CounterNoticeCtx, raw: ForwardCounterNoticeInput): Promise<{ notice: Case; counterNotice: Case; dueAt: string }> {
  const input = parseInput(ForwardCounterNoticeInput, raw);
  requireReviewer(ctx);
  const settings = counterNoticeSettings(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    let counter = await loadCase(trx, input);
    requireStatus(counter, ['received', 'in_review', 'deficient'], 'forwarded');
    if (counter.kind !== 'counter_notice') throw new DomainError('invalid_input', `Case ${counter.number} is not a counter-notice.`);
    if (input.noticeCaseNumber) {
      const named = await findCaseByNumber(trx, input.noticeCaseNumber);
      if (!named || named.kind !== 'notice') throw new NotFoundError(`There is no notice ${input.noticeCaseNumber}.`, { fields: { noticeCaseNumber: 'no such notice' } });
      if (counter.parentCaseId !== named.id) {
        counter = await changeCase(trx, ctx, counter, { fields: { parent_case_id: named.id }, event: { type: 'linked_to_notice', data: { notice: named.number } } });
        // Joined to its notice only now: the platform hears of it in this transaction.
        await recordCounterNoticeEvent(trx, ctx, named, counter, 'linked_by_reviewer');
      }
    }
    const notice = await parentNotice(trx, counter);
    requireStatus(notice, ['accepted', 'partially_accepted', 'counter_noticed'], 'counter-noticed');
    // The platform's procedure decides the period and what the complainant may do; the desk's setting is the fallback.
    const procedure = ctx.platforms.find((p) => p.id === notice.platform)?.counterNotice;
    const minimum = procedure?.complainantMay === 'report_court_action' ? procedure.businessDays : 1;
    const days = input.businessDays ?? procedure?.businessDays ?? settings.businessDays;
    if (days < minimum) {
      throw new DomainError('invalid_input', `This platform's counter-notice procedure gives the complainant at least ${minimum} business days.`, { fields: { businessDays: `at least ${minimum}` } });
    }
    const dueAt = addBusinessDays(ctx.now(), days, settings.holidays).toISOString();
    const complainantMay = procedure?.complainantMay ?? 'reject';
    const copy = procedure?.copyToComplainant === false ? null : await counterNoticeText(ctx, trx, counter.id);
    const data = { counterNotice: counter.number, notice: notice.number, dueAt };
    const waitingNotice = await changeCase(trx, ctx, notice, {
      to: 'awaiting_complainant',
      from: ['accepted', 'partially_accepted', 'counter_noticed'],
      fields: { due_at: dueAt },
      event: { type: 'counter_notice_forwarded', data },
    });
    const waitingCounter = await changeCase(trx, ctx, counter, {
      to: 'awaiting_complainant',
      fields: { due_at: dueAt },
      event: { type: 'counter_notice_forwarded', data },
    });
    const merchant = counter.complaint.complainant;
    await queueReply(trx, ctx, waitingNotice, await threadOf(trx, waitingNotice), 'counter-notice-forwarded', {
      vars: {
        counterNoticeCase: counter.number,
        dueAt,
        complainantMay,
        counterNoticeText: copy,
        merchantName: merchant.name ?? merchant.organisation,
        listings: counter.complaint.listings.map((l) => l.url),
      },
      rendered: input.reply,
    });
    await queueReply(trx, ctx, waitingCounter, await threadOf(trx, waitingCounter), 'counter-notice-received', { vars: { noticeCase: notice.number, dueAt } });
    return { notice: waitingNotice, counterNotice: waitingCounter, dueAt };
  });
}
