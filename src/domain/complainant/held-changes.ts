import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { checkComplaint } from '../../rules/index.js';
import { listCaseEvents, queueRankOf } from '../../store/repos/cases.js';
import type { Database } from '../../store/tables.js';
import { changeCase } from '../cases/change-case.js';
import { queueReply } from '../cases/queue-reply.js';
import { CaseRef, loadCase, parseInput, requireReviewer, requireReviewerOrComplainant, threadOf } from '../cases/review-support.js';
import type { Ctx } from '../context.js';
import { withdrawNotice } from '../counter-notices/withdraw-complaint.js';
import { rejectInTransaction } from '../counter-notices/reject-counter-notice.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { isBlocking, Listing, type Case, type CaseEvent, type CaseStatus } from '../schemas/index.js';
import { statusLinkFor } from './status-link.js';

/**
 * A change asked for by email that the desk did not apply because the sender
 * was not authenticated: it waits on the case until the complainant confirms
 * it through the link the desk mails to the address on the case.
 */
export const HeldChangeKind = z.enum(['withdrawal', 'added_listings', 'counter_notice_rejection']);
export type HeldChangeKind = z.infer<typeof HeldChangeKind>;

export interface HeldChange {
  holdId: string;
  at: string;
  change: HeldChangeKind;
  /** The address the message claimed to come from (not proof of anything). */
  sender: string | null;
  reason: string | null;
  listings: Listing[];
  /** The stored message that asked for the change. */
  messageId: number | null;
  /** The outbox row of the confirmation mail, when this hold sent one. */
  confirmationReply: number | null;
}

/** Statuses in which new listings may still join the complaint. */
const OPEN_FOR_LISTINGS: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'awaiting_complainant'];
/** Statuses in which the complainant's answer brings the case back to a reviewer. */
const WAITING: readonly CaseStatus[] = ['received', 'deficient', 'awaiting_complainant'];

function heldOf(event: CaseEvent): HeldChange | null {
  const d = event.data;
  const change = HeldChangeKind.safeParse(d.change);
  if (event.type !== 'change_held' || typeof d.holdId !== 'string' || !change.success) return null;
  const listings = z.array(Listing).safeParse(d.listings ?? []);
  return {
    holdId: d.holdId,
    at: event.at,
    change: change.data,
    sender: typeof d.sender === 'string' ? d.sender : null,
    reason: typeof d.reason === 'string' ? d.reason : null,
    listings: listings.success ? listings.data : [],
    confirmationReply: typeof d.confirmationReply === 'number' ? d.confirmationReply : null,
    messageId: typeof d.messageId === 'number' ? d.messageId : null,
  };
}

/** Held changes neither confirmed nor dismissed yet, oldest first. */
export function pendingHeldChanges(events: readonly CaseEvent[]): HeldChange[] {
  const settled = new Set(events.filter((e) => e.type === 'change_confirmed' || e.type === 'change_dismissed').map((e) => e.data.holdId));
  return events.map(heldOf).filter((h): h is HeldChange => h !== null && !settled.has(h.holdId));
}

/**
 * Keeps a change on the case without applying it, puts the case in front of
 * a reviewer, and mails the complainant (at the address on the case, never
 * the message's sender) a link to confirm it. A second held change of the
 * same kind while one waits sends no second mail: the status page lists all.
 */
export async function holdChange(
  trx: Transaction<Database>,
  ctx: Ctx,
  c: Case,
  held: { change: HeldChangeKind; messageId: number; sender: string | null; reason: string | null; via: string; listings?: Listing[] },
): Promise<Case> {
  const waiting = pendingHeldChanges(await listCaseEvents(trx, c.id));
  const holdId = randomUUID();
  const statusUrl = statusLinkFor(ctx, c);
  let confirmationReply: number | null = null;
  if (statusUrl && !waiting.some((w) => w.change === held.change)) {
    const heldListings = (held.listings ?? []).map((l) => l.url);
    confirmationReply = await queueReply(trx, ctx, c, await threadOf(trx, c), 'change-held', { vars: { change: held.change, heldListings, statusUrl } });
  }
  return changeCase(trx, ctx, c, {
    fields: { queue_rank: 0 },
    event: {
      type: 'change_held',
      data: {
        holdId,
        messageId: held.messageId,
        change: held.change,
        sender: held.sender,
        reason: held.reason,
        via: held.via,
        listings: held.listings ?? [],
        awaiting: 'complainant_confirmation',
        // The outbox row of the mail that asks the complainant to confirm; null when none was sent for this one.
        confirmationReply,
      },
    },
  });
}

export const DismissHeldChangeInput = CaseRef.extend({ holdId: z.string().uuid(), note: z.string().trim().max(5000).optional() });
export type DismissHeldChangeInput = z.input<typeof DismissHeldChangeInput>;

/**
 * A reviewer sets a held change aside (the complainant says they never asked
 * for it, or it no longer applies): the case leaves Needs action when nothing
 * else waits, and the change can no longer be confirmed.
 */
export async function dismissHeldChange(ctx: Ctx, raw: DismissHeldChangeInput): Promise<Case> {
  const input = parseInput(DismissHeldChangeInput, raw);
  requireReviewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, input);
    const pending = pendingHeldChanges(await listCaseEvents(trx, c.id));
    const held = pending.find((h) => h.holdId === input.holdId);
    if (!held) throw new NotFoundError('There is no such held change waiting on this case.', { caseNumber: c.number });
    return changeCase(trx, ctx, c, {
      fields: { queue_rank: pending.length > 1 ? 0 : queueRankOf(c.status) },
      event: { type: 'change_dismissed', data: { holdId: held.holdId, change: held.change, note: input.note ?? null } },
    });
  });
}

export const ConfirmHeldChangeInput = CaseRef.extend({ holdId: z.string().uuid() });
export type ConfirmHeldChangeInput = z.input<typeof ConfirmHeldChangeInput>;

/**
 * Applies a held change, exactly once: the confirmation and the change are
 * one conditional update on the case's version, so a second confirmation
 * (or two at once) finds it done and changes nothing.
 */
export async function confirmHeldChange(ctx: Ctx, raw: ConfirmHeldChangeInput): Promise<{ case: Case; change: HeldChangeKind }> {
  const input = parseInput(ConfirmHeldChangeInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await loadCase(trx, input);
    requireReviewerOrComplainant(ctx, c);
    const events = await listCaseEvents(trx, c.id);
    const pending = pendingHeldChanges(events);
    const held = pending.find((h) => h.holdId === input.holdId);
    if (!held) {
      if (events.some((e) => e.type === 'change_confirmed' && e.data.holdId === input.holdId)) {
        throw new ConflictError('This change was already confirmed; nothing more to do.', { caseNumber: c.number });
      }
      if (events.some((e) => e.type === 'change_dismissed' && e.data.holdId === input.holdId)) {
        throw new ConflictError('A reviewer set this change aside; write to us if you still want it.', { caseNumber: c.number });
      }
      throw new NotFoundError('There is no such held change on this case.', { caseNumber: c.number });
    }
    const stillHeld = pending.length > 1;
    const marked = await changeCase(trx, ctx, c, {
      fields: { queue_rank: stillHeld ? 0 : queueRankOf(c.status) },
      event: { type: 'change_confirmed', data: { holdId: held.holdId, change: held.change } },
    });
    if (held.change === 'withdrawal') {
      return { case: (await withdrawNotice(trx, ctx, marked, { note: null, notify: true, data: { holdId: held.holdId } })).case, change: held.change };
    }
    if (held.change === 'counter_notice_rejection') {
      // The platform's procedure says what the answer is: a rejection, or a reported court action.
      const answer = ctx.platforms.find((p) => p.id === marked.platform)?.counterNotice?.complainantMay === 'report_court_action' ? 'court_action' : 'reject';
      return { case: (await rejectInTransaction(trx, ctx, marked, { note: null, answer, data: { holdId: held.holdId, messageId: held.messageId } })).case, change: held.change };
    }
    if (!OPEN_FOR_LISTINGS.includes(marked.status)) {
      throw new ConflictError(`Case ${c.number} is ${c.status.replace(/_/g, ' ')}; listings can no longer be added to it.`, { caseNumber: c.number, status: c.status });
    }
    const known = new Set(marked.complaint.listings.map((l) => l.url));
    const added = held.listings.filter((l) => !known.has(l.url));
    const complaint = { ...marked.complaint, listings: [...marked.complaint.listings, ...added] };
    const findings = checkComplaint(complaint, { platforms: ctx.platforms, now: ctx.now() }).findings;
    const extended = await changeCase(trx, ctx, marked, {
      ...(WAITING.includes(marked.status) ? { to: 'in_review' as const } : {}),
      fields: { complaint: JSON.stringify(complaint), findings: JSON.stringify(findings) },
      event: { type: 'listings_added', data: { holdId: held.holdId, listings: added.map((l) => l.url), stillMissing: findings.filter(isBlocking).map((f) => f.code) } },
    });
    return { case: extended, change: held.change };
  });
}
