import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import { ConflictError } from '../errors.js';
import type { Case, CaseStatus } from '../schemas/index.js';
import { appendCaseEvent, updateCaseReturning } from '../../store/repos/cases.js';
import type { CaseUpdate, Database } from '../../store/tables.js';
import { slaDueOnEntering } from './sla-deadline.js';

export interface CaseChange {
  /** New status; omitted when only fields change. */
  to?: CaseStatus;
  /** Statuses the case must be in for the change to apply. */
  from?: readonly CaseStatus[];
  fields?: Omit<CaseUpdate, 'id' | 'version' | 'status' | 'updated_at'>;
  event: { type: string; data?: Record<string, unknown> };
}

/**
 * Applies one change to a case read at `current.version`, and records it in
 * the case's record in the same transaction. When another change won the
 * race, nothing is written and a ConflictError says so.
 */
export async function changeCase(trx: Transaction<Database>, ctx: Ctx, current: Case, change: CaseChange): Promise<Case> {
  const now = ctx.now();
  const at = now.toISOString();
  const slaDue = change.to && change.fields?.sla_due_at === undefined ? slaDueOnEntering(ctx, current.platform, current.status, change.to, now) : undefined;
  const updated = await updateCaseReturning(trx, current.id, current.version, change.from ?? null, {
    ...(slaDue !== undefined ? { sla_due_at: slaDue } : {}),
    ...change.fields,
    ...(change.to ? { status: change.to } : {}),
    updated_at: at,
  });
  if (!updated) {
    throw new ConflictError(`Case ${current.number} was changed by someone else; reload it and try again.`, {
      caseNumber: current.number,
    });
  }
  await appendCaseEvent(trx, {
    caseId: current.id,
    at,
    actor: ctx.actor,
    type: change.event.type,
    // A status set to the one the case already had is no step in its record.
    fromStatus: change.to && change.to !== current.status ? current.status : null,
    toStatus: change.to && change.to !== current.status ? change.to : null,
    data: change.event.data ?? {},
  });
  return updated;
}
