import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import type { Case, CaseStatus, Complaint, Finding } from '../schemas/index.js';
import { appendCaseEvent, insertCase, linkMessageToCase } from '../../store/repos/cases.js';
import { nextCaseNumber } from '../../store/repos/counters.js';
import { slaDueOnEntering } from './sla-deadline.js';
import type { Database } from '../../store/tables.js';
import { recordWebhookEvents } from '../webhooks/record-events.js';
import { complainantOf } from '../trust/trusted-flaggers.js';

export interface OpenCaseInput {
  complaint: Complaint;
  findings: Finding[];
  messageId: number;
  parentCaseId?: number | null;
}

/** Issues a case number for a new complaint and records its receipt. */
export async function openCase(trx: Transaction<Database>, ctx: Ctx, input: OpenCaseInput): Promise<Case> {
  const now = ctx.now();
  const at = now.toISOString();
  const status: CaseStatus = 'received';
  const address = input.complaint.complainant.email?.toLowerCase() ?? null;
  const complainant = await complainantOf(trx, address, input.messageId);
  const created = await insertCase(trx, {
    number: await nextCaseNumber(trx, now),
    status,
    kind: input.complaint.kind,
    platform: input.complaint.platform,
    assignee: null,
    complainant_email: address,
    complainant_key: complainant.key,
    flag_rank: complainant.trusted ? 0 : 1,
    rights_owner: input.complaint.rightsOwner,
    ipr_type: input.complaint.iprType,
    parent_case_id: input.parentCaseId ?? null,
    complaint: JSON.stringify(input.complaint),
    findings: JSON.stringify(input.findings),
    due_at: null,
    sla_due_at: slaDueOnEntering(ctx, input.complaint.platform, null, status, now) ?? null,
    version: 0,
    created_at: at,
    updated_at: at,
  });
  await linkMessageToCase(trx, created.id, input.messageId);
  await appendCaseEvent(trx, {
    caseId: created.id,
    at,
    actor: ctx.actor,
    type: 'received',
    fromStatus: null,
    toStatus: status,
    data: { messageId: input.messageId, kind: input.complaint.kind, ...(complainant.trusted ? { trustedFlagger: true } : {}) },
  });
  await recordWebhookEvents(trx, ctx, created, [
    { type: 'case.opened', data: { listings: input.complaint.listings.map((l) => ({ url: l.url })), rights_owner: input.complaint.rightsOwner, ipr_type: input.complaint.iprType } },
  ]);
  return created;
}
