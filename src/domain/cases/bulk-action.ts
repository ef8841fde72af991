import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { CaseNumber, type CaseStatus } from '../schemas/index.js';
import { acceptCase } from './accept-case.js';
import { assignCase } from './assign-case.js';
import { closeCase } from './close-case.js';
import { RejectReason } from './listing-decision.js';
import { markDuplicate } from './mark-duplicate.js';
import { rejectCase } from './reject-case.js';
import { requestInfo } from './request-info.js';
import { parseInput } from './review-support.js';

/** Most cases one action may touch; "select all matching" beyond this is refused, not cut short. */
export const BULK_LIMIT = 500;

const Target = z.object({ caseNumber: CaseNumber, version: z.number().int().nonnegative().optional() });
const note = z.string().trim().max(5000).optional();

export const BulkActionInput = z.object({
  cases: z.array(Target).min(1, 'Select at least one case.').max(BULK_LIMIT, `Select at most ${BULK_LIMIT} cases.`),
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('assign'), assignee: z.string().trim().min(1).max(200).nullable() }),
    z.object({ type: z.literal('accept'), note }),
    z.object({ type: z.literal('reject'), reason: RejectReason, note }),
    z.object({ type: z.literal('request_info'), requested: z.array(z.string().trim().min(1).max(1000)).min(1, 'Name at least one item to send.').max(50), note }),
    z.object({ type: z.literal('duplicate'), duplicateOf: CaseNumber }),
    z.object({ type: z.literal('close'), note: z.string().trim().min(1, 'Say why the cases are closed.').max(5000) }),
  ]),
});
export type BulkActionInput = z.input<typeof BulkActionInput>;
export type BulkActionType = BulkActionInput['action']['type'];

/** What became of one case: done (with its new status) or left as it was, and why. */
export interface BulkOutcome {
  caseNumber: string;
  done: boolean;
  status: CaseStatus | null;
  message: string;
}

/**
 * Runs one decision on many cases: the same verb a reviewer runs on one case,
 * once per case in its own transaction, so a conflict or a refusal on one
 * case leaves the others to go ahead and is reported beside them.
 */
export async function runBulkAction(ctx: Ctx, raw: BulkActionInput): Promise<BulkOutcome[]> {
  const input = parseInput(BulkActionInput, raw);
  const action = input.action;
  const outcomes: BulkOutcome[] = [];
  for (const ref of input.cases) {
    try {
      const { case: after } = await runOne(ctx, ref, action);
      outcomes.push({ caseNumber: ref.caseNumber, done: true, status: after.status, message: DONE[action.type] });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = error.details.fields as Record<string, string> | undefined;
      const detail = fields ? ` (${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
      outcomes.push({ caseNumber: ref.caseNumber, done: false, status: null, message: error.message + detail });
    }
  }
  return outcomes;
}

const DONE: Record<BulkActionType, string> = {
  assign: 'assignment saved',
  accept: 'accepted; the reply is queued',
  reject: 'rejected; the reply is queued',
  request_info: 'request queued; the case waits for the sender',
  duplicate: 'closed as a duplicate; the sender is told',
  close: 'closed',
};

type Action = z.infer<typeof BulkActionInput>['action'];

function runOne(ctx: Ctx, ref: z.infer<typeof Target>, action: Action) {
  switch (action.type) {
    case 'assign':
      return assignCase(ctx, { ...ref, assignee: action.assignee });
    case 'accept':
      return acceptCase(ctx, { ...ref, note: action.note });
    case 'reject':
      return rejectCase(ctx, { ...ref, reason: action.reason, note: action.note });
    case 'request_info':
      return requestInfo(ctx, { ...ref, requested: action.requested, note: action.note });
    case 'duplicate':
      return markDuplicate(ctx, { ...ref, duplicateOf: action.duplicateOf });
    case 'close':
      return closeCase(ctx, { ...ref, note: action.note });
  }
}
