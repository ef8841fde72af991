import { submitStructured } from '../cases/submit-structured.js';
import type { Ctx } from '../context.js';
import { ConflictError, DomainError } from '../errors.js';
import { isBlocking } from '../schemas/index.js';
import { countOutbox } from '../../store/repos/outbox.js';
import type { CounterNoticeCtx } from './business-days.js';
import { formProblems, readCounterNoticeForm, toCounterNoticeSubmission, type FormLanguage } from './counter-notice-form.js';

/** What the merchant is told after filing: only what the desk did. */
export interface CounterNoticeReceipt {
  language: FormLanguage;
  noticeCase: string;
  /** The counter-notice's own case; null when it was stored but no case could be opened (then `reference` finds it). */
  counterNoticeCase: string | null;
  /** What the same checks as for an emailed counter-notice found missing, in the page's language. */
  missing: string[];
  email: string;
  /** A reply (acknowledgement or the list of what is missing) is on the mail queue for `email`. */
  mailQueued: boolean;
  /** The same counter-notice was filed before (a second press): nothing new was opened. */
  filedBefore: boolean;
  reference: string;
}

/**
 * Files a merchant's counter-notice from the form through the same pipeline
 * as an emailed one: stored first, then read, joined to the notice's case as
 * a counter-notice, checked, and answered with the same mails. Bad input is
 * refused before anything is stored, with the fields at fault.
 */
export async function fileCounterNotice(ctx: CounterNoticeCtx, caseId: number, raw: unknown, origin: string): Promise<CounterNoticeReceipt> {
  const view = await readCounterNoticeForm(ctx, caseId);
  if (view.removed.length === 0) throw new ConflictError(`No listing of case ${view.caseNumber} is to be removed any more: there is nothing to contest.`, { caseNumber: view.caseNumber });
  const { input, problems } = formProblems(view, raw);
  if (!input || Object.keys(problems).length > 0) throw new DomainError('invalid_input', 'Some fields are not valid.', { fields: problems });
  const bytes = new TextEncoder().encode(JSON.stringify(toCounterNoticeSubmission(view, input)));
  const sender: Ctx = { ...ctx, actor: { type: 'sender', id: input.email.toLowerCase(), name: input.name || null } };
  const result = await submitStructured(sender, bytes, 'form', origin);
  const counter = result.case;
  return {
    language: view.language,
    noticeCase: view.caseNumber,
    counterNoticeCase: counter?.kind === 'counter_notice' ? counter.number : null,
    missing: (counter?.findings ?? []).filter(isBlocking).map((f) => f.messages?.[view.language] ?? f.message),
    email: input.email,
    mailQueued: counter ? (await countOutbox(ctx.db, counter.id)) > 0 : false,
    filedBefore: result.filedBefore,
    reference: ctx.requestId,
  };
}
