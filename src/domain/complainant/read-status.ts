import { findCaseById, listCaseEvents } from '../../store/repos/cases.js';
import { listChildCases } from '../../store/repos/case-links.js';
import { listListingDecisions } from '../../store/repos/listing-decisions.js';
import { awaitsCounterNoticeAnswer } from '../cases/review-support.js';
import type { Ctx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { isBlocking, type CaseStatus } from '../schemas/index.js';
import { pendingHeldChanges, type HeldChangeKind } from './held-changes.js';

/** How each listing stands, as the status page words it. */
export type ListingOutcome = 'removed' | 'kept' | 'reinstated' | 'undecided' | 'not_a_listing';

/** The languages the status page is written in; a case is shown in its sender's. */
export type StatusLanguage = 'en' | 'zh';

/** Statuses from which the complainant may withdraw (as by email or a reviewer). */
const WITHDRAWABLE: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'accepted', 'partially_accepted', 'counter_noticed', 'awaiting_complainant', 'disputed'];

export interface StatusView {
  caseNumber: string;
  status: CaseStatus;
  language: StatusLanguage;
  subject: string | null;
  platform: string | null;
  filedAt: string;
  missing: string[];
  listings: Array<{ url: string; outcome: ListingOutcome; reason: string | null; problem: string | null }>;
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
  const language: StatusLanguage = c.complaint.language.startsWith('zh') ? 'zh' : 'en';
  return {
    caseNumber: c.number,
    status: c.status,
    language,
    subject: c.complaint.subject,
    platform: c.platform,
    filedAt: c.createdAt,
    missing: c.status === 'deficient' || c.status === 'received' ? c.findings.filter(isBlocking).map((f) => f.messages?.[language] ?? f.message) : [],
    listings: c.complaint.listings.map((l) => {
      const d = decided.get(l.url);
      const outcome: ListingOutcome = d ? d.decision : l.valid ? 'undecided' : 'not_a_listing';
      return { url: l.url, outcome, reason: d?.reason ?? null, problem: l.valid ? null : l.problem };
    }),
    counterNotice: answering ? { dueAt: c.dueAt!, complainantMay: procedure?.complainantMay ?? 'reject' } : null,
    canWithdraw: open,
    held: open ? pendingHeldChanges(events).map((h) => ({ holdId: h.holdId, at: h.at, change: h.change, listings: h.listings.map((l) => l.url) })) : [],
    version: c.version,
  };
}
