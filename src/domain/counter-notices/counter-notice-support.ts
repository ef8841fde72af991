import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import { DomainError, NotFoundError } from '../errors.js';
import type { Case, CaseStatus } from '../schemas/index.js';
import { findCaseById } from '../../store/repos/cases.js';
import { listChildCases } from '../../store/repos/case-links.js';
import type { Database } from '../../store/tables.js';
import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import { threadOf } from '../cases/review-support.js';

/** The notice a counter-notice case answers. */
export async function parentNotice(trx: Transaction<Database>, counter: Case): Promise<Case> {
  if (counter.kind !== 'counter_notice') throw new DomainError('invalid_input', `Case ${counter.number} is not a counter-notice.`);
  if (!counter.parentCaseId) throw new DomainError('invalid_input', `Counter-notice ${counter.number} is not linked to a notice; give the notice's case number.`, { fields: { noticeCaseNumber: 'required' } });
  const parent = await findCaseById(trx, counter.parentCaseId);
  if (!parent) throw new NotFoundError(`The notice of counter-notice ${counter.number} is gone.`);
  return parent;
}

/** The notice case, whether the reviewer named the notice or its counter-notice. */
export async function noticeOf(trx: Transaction<Database>, c: Case): Promise<Case> {
  return c.kind === 'counter_notice' ? parentNotice(trx, c) : c;
}

/**
 * Moves every open counter-notice of a notice along with it (to `to`) and
 * tells each merchant with `template`; returns the reply ids.
 */
export async function settleCounterNotices(
  trx: Transaction<Database>,
  ctx: Ctx,
  notice: Case,
  from: readonly CaseStatus[],
  to: CaseStatus,
  event: { type: string; data?: Record<string, unknown> },
  template: string | null,
  vars: Record<string, unknown> = {},
): Promise<Case[]> {
  const children = await listChildCases(trx, notice.id, from);
  const settled: Case[] = [];
  for (const child of children) {
    const changed = await changeCase(trx, ctx, child, { to, from, fields: { due_at: null }, event });
    if (template) await queueReply(trx, ctx, changed, await threadOf(trx, changed), template, { vars: { noticeCase: notice.number, ...vars } });
    settled.push(changed);
  }
  return settled;
}
