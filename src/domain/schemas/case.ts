import { z } from 'zod';
import { Complaint, NoticeKind } from './complaint.js';
import { Finding } from './finding.js';

/** The workflow of domain.md; see src/domain/README.md for the transitions. */
export const CaseStatus = z.enum([
  'received',
  'deficient',
  'in_review',
  'accepted',
  'partially_accepted',
  'rejected',
  'withdrawn',
  'counter_noticed',
  'awaiting_complainant',
  'disputed',
  'reinstated',
  'closed',
  /** Kept but not reviewed: the complainant's notices are suspended for misuse (DSA Art. 23). */
  'suspended',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Cases a reviewer has to act on; everything else waits for someone else or is done. */
export const NEEDS_ACTION: readonly CaseStatus[] = ['in_review', 'received', 'counter_noticed', 'disputed'];

/** `ND-2026-000123`: prefix, year of filing, six-digit sequence. */
export const CaseNumber = z.string().regex(/^ND-\d{4}-\d{6,}$/);
export type CaseNumber = z.infer<typeof CaseNumber>;

/**
 * Who did something: a reviewer, a Slack user mapped to one, the system itself,
 * a sender, or the complainant acting on their own case through its status page
 * (`id` is then the case number).
 */
export const Actor = z.object({
  type: z.enum(['user', 'slack', 'system', 'sender', 'complainant']),
  id: z.string(),
  name: z.string().nullable(),
});
export type Actor = z.infer<typeof Actor>;

export const SYSTEM: Actor = { type: 'system', id: 'noticedesk', name: 'Noticedesk' };

export const CaseEvent = z.object({
  id: z.number().int().positive(),
  caseId: z.number().int().positive(),
  at: z.string().datetime(),
  actor: Actor,
  /** Stable verb-like type: `received`, `checked`, `reply_queued`, `accepted`... */
  type: z.string(),
  fromStatus: CaseStatus.nullable(),
  toStatus: CaseStatus.nullable(),
  /** Free-form detail: findings, reason, listing decisions, message id... */
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const Case = z.object({
  id: z.number().int().positive(),
  number: CaseNumber,
  status: CaseStatus,
  kind: NoticeKind,
  platform: z.string().nullable(),
  assignee: z.string().nullable(),
  complainantEmail: z.string().nullable(),
  rightsOwner: z.string().nullable(),
  /** The case this one answers (a counter-notice or withdrawal joins its notice's case). */
  parentCaseId: z.number().int().positive().nullable(),
  /** The latest complaint, merged from every message of the case. */
  complaint: Complaint,
  findings: z.array(Finding),
  /** Deadline of the current step (counter-notice answer...), ISO time. */
  dueAt: z.string().datetime().nullable(),
  /** The review target (needs action) or the sender's answer deadline (waiting); null on cases older than the SLA. */
  slaDueAt: z.string().datetime().nullable().default(null),
  /** Filed by an account or sender domain marked as a trusted flagger (DSA Art. 22): reviewed first. */
  trustedFlagger: z.boolean().default(false),
  /** Optimistic-lock counter: every state change increments it. */
  version: z.number().int().nonnegative(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type Case = z.infer<typeof Case>;

/** What a queue row shows of a case: read from the store without the whole complaint. */
export interface CaseSummary {
  id: number;
  number: string;
  status: CaseStatus;
  kind: NoticeKind;
  platform: string | null;
  assignee: string | null;
  complainantEmail: string | null;
  rightsOwner: string | null;
  iprType: string | null;
  subject: string | null;
  listingCount: number;
  findings: Finding[];
  dueAt: string | null;
  slaDueAt: string | null;
  /** Filed by a trusted flagger: sorted first, with a badge. */
  trustedFlagger: boolean;
  /** The version the reader saw; a decision sent with it conflicts when the case changed meanwhile. */
  version: number;
  createdAt: string;
  updatedAt: string;
}
