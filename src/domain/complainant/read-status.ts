import { findCaseById, listCaseEvents } from '../../store/repos/cases.js';
import { listChildCases } from '../../store/repos/case-links.js';
import { listListingDecisions } from '../../store/repos/listing-decisions.js';
import { awaitsCounterNoticeAnswer } from '../cases/review-support.js';
import type { Ctx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { isBlocking, type CaseStatus } from '../schemas/index.js';
import { pendingHeldChanges, type HeldChangeKind } from './held-changes.js';

/** What the status page tells the complainant, in the complainant's terms. */
const STATUS_WORDS: Record<CaseStatus, string> = {
  received: 'Received; it is being checked.',
  deficient: 'Waiting for information from you (see what is missing below).',
  in_review: 'Waiting for a reviewer.',
  accepted: 'Decided: your complaint was accepted.',
  partially_accepted: 'Decided: your complaint was accepted for some listings.',
  rejected: 'Decided: your complaint was rejected.',
  withdrawn: 'Withdrawn.',
  counter_noticed: 'The merchant sent a counter-notice; a reviewer is checking it.',
  awaiting_complainant: 'Waiting for your answer.',
  disputed: 'Disputed: the platform decides between your complaint and the counter-notice.',
  reinstated: 'Closed: the listings were put back.',
  closed: 'Closed.',
  suspended: 'Kept but not reviewed: notices from you are suspended for a period (see the acknowledgement).',
};

const OUTCOME_WORDS = {
  removed: 'decided: remove',
  kept: 'decided: not removed',
  reinstated: 'decided: put back',
} as const;

/** Statuses from which the complainant may withdraw (as by email or a reviewer). */
const WITHDRAWABLE: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'accepted', 'partially_accepted', 'counter_noticed', 'awaiting_complainant', 'disputed'];

export interface StatusView {
  caseNumber: string;
  status: CaseStatus;
  statusWords: string;
  subject: string | null;
  platform: string | null;
  filedAt: string;
  missing: string[];
  listings: Array<{ url: string; outcome: string; reason: string | null; problem: string | null }>;
  /** The complainant's deadline to answer a counter-notice, and how they may answer. */
  counterNotice: { dueAt: string; complainantMay: 'reject' | 'report_court_action' } | null;
  canWithdraw: boolean;
  held: Array<{ holdId: string; at: string; change: HeldChangeKind; listings: string[] }>;
  version: number;
}

/** The status page of one notice case; other kinds have none. */
export async function readStatus(ctx: Ctx, caseId: number): Promise<StatusView> {
  const c = await findCaseById(ctx.db, caseId);
  if (!c || c.kind !== 'notice') throw new NotFoundError('There is no such case.');
  const [decisions, events, waitingCounter] = await Promise.all([
    listListingDecisions(ctx.db, c.id),
    listCaseEvents(ctx.db, c.id),
    listChildCases(ctx.db, c.id, ['awaiting_complainant']),
  ]);
  const decided = new Map(decisions.map((d) => [d.url, d]));
  const answering = awaitsCounterNoticeAnswer(c) && waitingCounter.length > 0 && c.dueAt !== null;
  const procedure = ctx.platforms.find((p) => p.id === c.platform)?.counterNotice;
  const open = WITHDRAWABLE.includes(c.status);
  return {
    caseNumber: c.number,
    status: c.status,
    statusWords: STATUS_WORDS[c.status],
    subject: c.complaint.subject,
    platform: c.platform,
    filedAt: c.createdAt,
    missing: c.status === 'deficient' || c.status === 'received' ? c.findings.filter(isBlocking).map((f) => f.message) : [],
    listings: c.complaint.listings.map((l) => {
      const d = decided.get(l.url);
      return { url: l.url, outcome: d ? OUTCOME_WORDS[d.decision] : l.valid ? 'not decided yet' : 'not accepted as a listing', reason: d?.reason ?? null, problem: l.valid ? null : l.problem };
    }),
    counterNotice: answering ? { dueAt: c.dueAt!, complainantMay: procedure?.complainantMay ?? 'reject' } : null,
    canWithdraw: open,
    held: open ? pendingHeldChanges(events).map((h) => ({ holdId: h.holdId, at: h.at, change: h.change, listings: h.listings.map((l) => l.url) })) : [],
    version: c.version,
  };
}
