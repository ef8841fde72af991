import type { Context } from 'hono';
import { z } from 'zod';
import { acceptCase } from '../../src/domain/cases/accept-case.js';
import { rejectCase } from '../../src/domain/cases/reject-case.js';
import { RejectReason } from '../../src/domain/cases/listing-decision.js';
import { requestInfo } from '../../src/domain/cases/request-info.js';
import { forwardCounterNotice } from '../../src/domain/counter-notices/forward-counter-notice.js';
import { DomainError } from '../../src/domain/errors.js';
import { canReview, type User } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';

/** The reviewer decisions the API takes: the console's verbs, with the same rules and the same mails. */
export const DecisionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), listings: z.array(z.string().min(1)).min(1).optional(), keptReason: z.string().max(2000).optional(), note: z.string().max(5000).optional(), version: z.number().int().nonnegative().optional() }),
  z.object({
    action: z.literal('reject'),
    /** One of the reasons the console offers; free text goes in `note`. */
    reason: z.union([RejectReason, z.string().min(1).max(2000)]),
    note: z.string().max(5000).optional(),
    version: z.number().int().nonnegative().optional(),
  }),
  z.object({ action: z.literal('request_info'), items: z.array(z.string().trim().min(1).max(1000)).min(1).max(50), note: z.string().max(5000).optional(), version: z.number().int().nonnegative().optional() }),
  z.object({ action: z.literal('forward_counter_notice'), businessDays: z.number().int().positive().max(30).optional(), version: z.number().int().nonnegative().optional() }),
]);
export type DecisionRequest = z.infer<typeof DecisionRequest>;

/** POST /api/v1/cases/{caseNumber}/decision: {caseNumber, status}; 403 for a submitter; 409 when the case changed. */
export async function decideByApi(c: Context<ConsoleEnv & { Variables: { apiUser: User } }>, deps: ConsoleDeps, caseNumber: string, d: DecisionRequest) {
  const user = c.get('apiUser');
  if (!canReview(user)) throw new DomainError('forbidden', 'Only reviewer and admin tokens can decide cases.');
  const ctx = deps.ctx(actorOf(user), c.get('requestId'));
  const ref = { caseNumber, version: d.version };
  let status: string;
  switch (d.action) {
    case 'accept':
      status = (await acceptCase(ctx, { ...ref, listings: d.listings, keptReason: d.keptReason, note: d.note })).case.status;
      break;
    case 'reject': {
      const known = RejectReason.safeParse(d.reason);
      // A reason in words is kept whole, as the reviewer's note under "other".
      const input = known.success ? { reason: known.data, note: d.note } : { reason: 'other' as const, note: [d.reason, d.note].filter(Boolean).join('\n\n') };
      status = (await rejectCase(ctx, { ...ref, ...input })).case.status;
      break;
    }
    case 'request_info':
      status = (await requestInfo(ctx, { ...ref, requested: d.items, note: d.note })).case.status;
      break;
    case 'forward_counter_notice':
      status = (await forwardCounterNotice(ctx, { ...ref, businessDays: d.businessDays })).counterNotice.status;
      break;
  }
  return { caseNumber: ref.caseNumber, status };
}
