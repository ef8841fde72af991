import type { Kysely, Transaction } from 'kysely';
import { MERCHANT_MAILED_EVENT, MERCHANT_TEMPLATE } from '../domain/dsa/mail-merchant.js';
import { SYSTEM } from '../domain/schemas/index.js';
import { appendCaseEvent } from '../store/repos/cases.js';
import type { Database, OutboxRow } from '../store/tables.js';
import { SendError, type Mailer, type OutgoingMail } from './mailer.js';
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
  /** Replies between claim and settlement at once (a round), sent side by side. */
  inFlight?: number;
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
/**
 * Replies claimed, sent and settled together: what a kill can leave `sending`
 * (failed as interrupted, never resent, possibly delivered) at most. One by
 * default, so a kill costs at most one reply a reviewer must check; more send
 * faster over the pooled connections.
 */
export const DEFAULT_IN_FLIGHT = 1;

/** 30 s, 2 min, 8 min, 32 min, then every 2 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 2 * HOUR);
}

async function record(db: Kysely<Database> | Transaction<Database>, row: OutboxRow, at: string, type: string, data: Record<string, unknown>): Promise<void> {
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

/** A claimed row, ready to leave. */
interface Claimed {
  row: OutboxRow;
  mail: OutgoingMail;
}

/** What happened to one send; written back with the others of its round. */
type Settlement = { row: OutboxRow; outcome: 'sent'; at: string } | { row: OutboxRow; outcome: 'retry' | 'failed'; at: string; error: string; attempts: number; nextAttemptAt?: string };

/**
 * Claims the round's rows in one transaction: each is counted against its
 * recipient's hourly limit (rows claimed before it in the round count, being
 * `sending`), then suppressed, failed (cannot render) or claimed with its
 * rendered text and Message-ID, so the Message-ID is stored before the first byte leaves.
 */
async function claimRound(db: Kysely<Database>, rows: readonly OutboxRow[], options: SendOptions, summary: SendSummary): Promise<Claimed[]> {
  const now = options.now ?? (() => new Date());
  const { maxPerRecipientPerHour = 10, leaseMs = 5 * 60_000 } = options;
  const deskName = options.fromName ?? DEFAULT_DESK_NAME;
  // Rendering reads templates and runs eta: done before the write lock is taken.
  const rendered = rows.map((row) => {
    try {
      return { row, prepared: prepare(row, deskName), error: null };
    } catch (error) {
      return { row, prepared: null, error: `cannot render: ${(error as Error).message}` };
    }
  });
  return db.transaction().execute(async (trx) => {
    const claimed: Claimed[] = [];
    for (const { row, prepared, error } of rendered) {
      const id = Number(row.id);
      const at = now().toISOString();
      if (!prepared) {
        if (await settleReply(trx, id, 'queued', { status: 'failed', error })) summary.failed++;
        continue;
      }
      if ((await countRecentReplies(trx, row.to_address, new Date(now().getTime() - HOUR).toISOString())) >= maxPerRecipientPerHour) {
        const reason = `rate limit: over ${maxPerRecipientPerHour} automated replies to ${row.to_address} in an hour`;
        if (await settleReply(trx, id, 'queued', { status: 'suppressed', error: reason })) {
          summary.suppressed++;
          await record(trx, row, at, 'reply_suppressed', { reason });
        }
        continue;
      }
      const { content, caseNumber } = prepared;
      const messageId = row.message_id ?? makeMessageId(options.from);
      if (!(await claimReply(trx, id, { ...content, messageId, leaseUntil: new Date(now().getTime() + leaseMs).toISOString() }))) continue;
      // RFC 3834: a reviewer's decision is a person writing; acknowledgements and deficiency replies are automatic.
      const headers: Record<string, string> = { 'Auto-Submitted': prepared.byReviewer ? 'no' : 'auto-replied', 'X-Auto-Response-Suppress': 'All' };
      if (caseNumber) headers['X-Noticedesk-Case'] = caseNumber;
      claimed.push({ row, mail: { from: options.from, fromName: deskName, to: row.to_address, ...content, messageId, inReplyTo: row.in_reply_to, references: row.references, headers } });
    }
    return claimed;
  });
}

/** Sends one claimed row and says how it went; never throws. */
async function sendOne(mailer: Mailer, { row, mail }: Claimed, options: SendOptions): Promise<Settlement> {
  const now = options.now ?? (() => new Date());
  const { maxAttempts = 6 } = options;
  try {
    await mailer.send(mail);
    return { row, outcome: 'sent', at: now().toISOString() };
  } catch (error) {
    const failure = error instanceof SendError ? error.failure : 'retry';
    const message = (error as Error).message;
    const attempts = Number(row.attempts) + 1;
    const at = now().toISOString();
    if (failure === 'retry' && attempts < maxAttempts) return { row, outcome: 'retry', at, error: message, attempts, nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)).toISOString() };
    return { row, outcome: 'failed', at, attempts, error: failure === 'unknown' ? `${message} (may have been delivered; not resent)` : message };
  }
}

/** Writes back how several sends went, in one transaction. */
async function settleRound(db: Kysely<Database>, settlements: readonly Settlement[], summary: SendSummary): Promise<void> {
  if (!settlements.length) return;
  await db.transaction().execute(async (trx) => {
    for (const s of settlements) {
      const id = Number(s.row.id);
      if (s.outcome === 'sent') {
        await settleReply(trx, id, 'sending', { status: 'sent', sentAt: s.at });
        // The case says the merchant was mailed their statement of reasons only now that it has left.
        if (s.row.template === MERCHANT_TEMPLATE) await record(trx, s.row, s.at, MERCHANT_MAILED_EVENT, { url: (JSON.parse(s.row.vars || '{}') as { listingUrl?: string }).listingUrl ?? null });
        summary.sent++;
      } else if (s.outcome === 'retry') {
        await settleReply(trx, id, 'sending', { status: 'queued', error: s.error, nextAttemptAt: s.nextAttemptAt });
        summary.retried++;
      } else {
        await settleReply(trx, id, 'sending', { status: 'failed', error: s.error });
        await record(trx, s.row, s.at, 'reply_failed', { error: s.error, attempts: s.attempts });
        summary.failed++;
      }
    }
  });
}

/**
 * Sends a round: replies to different recipients leave side by side (over
 * the transport's connections), replies to one recipient one after another
 * in queue order. Settlements are written back in batches as sends finish,
 * one batch at a time, so a round costs a few commits instead of two per reply.
 */
async function sendRound(db: Kysely<Database>, mailer: Mailer, claimed: readonly Claimed[], options: SendOptions, summary: SendSummary): Promise<void> {
  const pending: Settlement[] = [];
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  const flush = () => {
    writing = writing.then(async () => {
      const batch = pending.splice(0);
      try {
        await settleRound(db, batch, summary);
      } catch (error) {
        writeError ??= error;
      }
    });
  };
  const byRecipient = new Map<string, Claimed[]>();
  for (const entry of claimed) byRecipient.set(entry.row.to_address, [...(byRecipient.get(entry.row.to_address) ?? []), entry]);
  await Promise.all(
    [...byRecipient.values()].map(async (queue) => {
      for (const entry of queue) {
        pending.push(await sendOne(mailer, entry, options));
        if (pending.length === 1) flush();
      }
    }),
  );
  flush();
  await writing;
  // A row whose settlement could not be written stays `sending` and is recovered after its lease, never resent blindly.
  if (writeError) throw writeError;
}

/**
 * Drains the reply queue once: claims due rows a round at a time (queued ->
 * sending, with the Message-ID stored before the first byte leaves), sends
 * each round's replies side by side, and settles them. Safe to run from
 * several processes: a row is only ever claimed once per attempt. At most a
 * round (`inFlight`) is between claim and settlement at any moment, which bounds
 * what a crash can leave `sending`.
 */
export async function sendQueuedReplies(db: Kysely<Database>, mailer: Mailer, options: SendOptions): Promise<SendSummary> {
  const now = options.now ?? (() => new Date());
  const { batchSize = DEFAULT_BATCH, inFlight = DEFAULT_IN_FLIGHT } = options;
  const summary: SendSummary = { sent: 0, retried: 0, failed: 0, suppressed: 0, recovered: 0 };
  const started = now().toISOString();
  await recoverInterrupted(db, mailer, started, options.settleAllClaims ? '9999-12-31T23:59:59.999Z' : started, summary);
  const due = await listDueReplies(db, now().toISOString(), batchSize);
  for (let i = 0; i < due.length; i += Math.max(1, inFlight)) {
    const claimed = await claimRound(db, due.slice(i, i + Math.max(1, inFlight)), options, summary);
    await sendRound(db, mailer, claimed, options, summary);
  }
  return summary;
}
