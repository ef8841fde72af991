import type { Kysely } from 'kysely';
import { MERCHANT_MAILED_EVENT, MERCHANT_TEMPLATE } from '../domain/dsa/mail-merchant.js';
import { SYSTEM } from '../domain/schemas/index.js';
import { appendCaseEvent } from '../store/repos/cases.js';
import type { Database, OutboxRow } from '../store/tables.js';
import { SendError, type Mailer } from './mailer.js';
import { makeMessageId } from './message-id.js';
import { claimReply, countRecentReplies, listDueReplies, listExpiredClaims, settleReply } from '../store/repos/outbox.js';
import { renderReply, withCaseTag } from './render-reply.js';

/** Signs every mail when NOTICEDESK_FROM_NAME is not set. */
export const DEFAULT_DESK_NAME = 'IPR Desk';

export interface SendOptions {
  from: string;
  /** The desk's name: From display name and sign-off. */
  fromName?: string;
  now?: () => Date;
  /** Automated replies to one address per hour; the rest are suppressed, not delayed. */
  maxPerRecipientPerHour?: number;
  maxAttempts?: number;
  batchSize?: number;
  /** How long a claimed row may stay `sending` before it counts as interrupted. */
  leaseMs?: number;
  /**
   * Every row still `sending` counts as interrupted, whatever its lease: set on
   * the first pass of a process that is the only sender (SQLite), where such a
   * row can only be left over from a run that stopped or was killed.
   */
  settleAllClaims?: boolean;
}

export interface SendSummary {
  sent: number;
  retried: number;
  failed: number;
  suppressed: number;
  recovered: number;
}

const HOUR = 3_600_000;
/** Rows claimed per pass. */
export const DEFAULT_BATCH = 50;

/** 30 s, 2 min, 8 min, 32 min, then every 2 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 2 * HOUR);
}

async function record(db: Kysely<Database>, row: OutboxRow, at: string, type: string, data: Record<string, unknown>): Promise<void> {
  if (row.case_id == null) return;
  await appendCaseEvent(db, { caseId: Number(row.case_id), at, actor: SYSTEM, type, fromStatus: null, toStatus: null, data: { outboxId: Number(row.id), template: row.template, to: row.to_address, ...data } });
}

interface Prepared {
  content: { subject: string; text: string; html: string | null };
  caseNumber: string | null;
  /** A reviewer decided what this reply says (RFC 3834: not an automatic reply). */
  byReviewer: boolean;
}

/** The text to send: as a reviewer edited it (still with the case tag), or rendered from its template. */
function prepare(row: OutboxRow, deskName: string): Prepared {
  const vars: Record<string, unknown> = { ...(JSON.parse(row.vars || '{}') as Record<string, unknown>), deskName };
  const caseNumber = typeof vars.caseNumber === 'string' ? vars.caseNumber : null;
  const content =
    row.subject && row.text_body
      ? { subject: withCaseTag(row.subject, caseNumber), text: row.text_body, html: row.html_body }
      : renderReply(row.template ?? '', vars, row.language);
  return { content, caseNumber, byReviewer: vars.byReviewer === true };
}

/**
 * A row still `sending` after its lease belonged to a process that died
 * mid-send. Whether the server took the message cannot be known from SMTP,
 * so it is never resent blindly: a transport that can tell (the outbox
 * folder) settles it; otherwise it is marked failed, recorded on the case,
 * and a reviewer may resend it. A lost reply is visible; a duplicate is not undoable.
 */
async function recoverInterrupted(db: Kysely<Database>, mailer: Mailer, at: string, leaseBefore: string, summary: SendSummary): Promise<void> {
  for (const row of await listExpiredClaims(db, leaseBefore)) {
    const sent = row.message_id ? await mailer.wasSent(row.message_id) : false;
    const settled = sent
      ? await settleReply(db, Number(row.id), 'sending', { status: 'sent', sentAt: at })
      : await settleReply(db, Number(row.id), 'sending', { status: 'failed', error: 'interrupted while sending; not resent to avoid a duplicate' });
    if (!settled) continue;
    summary.recovered++;
    if (!sent) await record(db, row, at, 'reply_interrupted', { messageId: row.message_id });
    else if (row.template === MERCHANT_TEMPLATE) await record(db, row, at, MERCHANT_MAILED_EVENT, { url: (JSON.parse(row.vars || '{}') as { listingUrl?: string }).listingUrl ?? null });
  }
}

/**
 * Drains the reply queue once: claims each due row (queued -> sending, with
 * its Message-ID stored before the first byte leaves), sends it, and settles
 * it. Safe to run from several processes: a row is only ever claimed once per attempt.
 */
export async function sendQueuedReplies(db: Kysely<Database>, mailer: Mailer, options: SendOptions): Promise<SendSummary> {
  const now = options.now ?? (() => new Date());
  const { maxPerRecipientPerHour = 10, maxAttempts = 6, batchSize = DEFAULT_BATCH, leaseMs = 5 * 60_000 } = options;
  const summary: SendSummary = { sent: 0, retried: 0, failed: 0, suppressed: 0, recovered: 0 };
  const started = now().toISOString();
  await recoverInterrupted(db, mailer, started, options.settleAllClaims ? '9999-12-31T23:59:59.999Z' : started, summary);
  for (const row of await listDueReplies(db, now().toISOString(), batchSize)) {
    const id = Number(row.id);
    const at = now().toISOString();
    if ((await countRecentReplies(db, row.to_address, new Date(now().getTime() - HOUR).toISOString())) >= maxPerRecipientPerHour) {
      const error = `rate limit: over ${maxPerRecipientPerHour} automated replies to ${row.to_address} in an hour`;
      if (await settleReply(db, id, 'queued', { status: 'suppressed', error })) {
        summary.suppressed++;
        await record(db, row, at, 'reply_suppressed', { reason: error });
      }
      continue;
    }
    let prepared: Prepared;
    try {
      prepared = prepare(row, options.fromName ?? DEFAULT_DESK_NAME);
    } catch (error) {
      if (await settleReply(db, id, 'queued', { status: 'failed', error: `cannot render: ${(error as Error).message}` })) summary.failed++;
      continue;
    }
    const { content, caseNumber } = prepared;
    const messageId = row.message_id ?? makeMessageId(options.from);
    if (!(await claimReply(db, id, { ...content, messageId, leaseUntil: new Date(now().getTime() + leaseMs).toISOString() }))) continue;
    // RFC 3834: a reviewer's decision is a person writing; acknowledgements and deficiency replies are automatic.
    const headers: Record<string, string> = { 'Auto-Submitted': prepared.byReviewer ? 'no' : 'auto-replied', 'X-Auto-Response-Suppress': 'All' };
    if (caseNumber) headers['X-Noticedesk-Case'] = caseNumber;
    try {
      await mailer.send({ from: options.from, fromName: options.fromName ?? DEFAULT_DESK_NAME, to: row.to_address, ...content, messageId, inReplyTo: row.in_reply_to, references: row.references, headers });
      const sentAt = now().toISOString();
      await settleReply(db, id, 'sending', { status: 'sent', sentAt });
      // The case says the merchant was mailed their statement of reasons only now that it has left.
      if (row.template === MERCHANT_TEMPLATE) await record(db, row, sentAt, MERCHANT_MAILED_EVENT, { url: (JSON.parse(row.vars || '{}') as { listingUrl?: string }).listingUrl ?? null });
      summary.sent++;
    } catch (error) {
      const failure = error instanceof SendError ? error.failure : 'retry';
      const message = (error as Error).message;
      const attempts = Number(row.attempts) + 1;
      if (failure === 'retry' && attempts < maxAttempts) {
        await settleReply(db, id, 'sending', { status: 'queued', error: message, nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)).toISOString() });
        summary.retried++;
      } else {
        await settleReply(db, id, 'sending', { status: 'failed', error: failure === 'unknown' ? `${message} (may have been delivered; not resent)` : message });
        await record(db, row, now().toISOString(), 'reply_failed', { error: message, attempts });
        summary.failed++;
      }
    }
  }
  return summary;
}
