import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from '../store/tables.js';

type Db = Kysely<Database>;

/** Rows due for sending, oldest first. */
export async function listDueReplies(db: Db, nowIso: string, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', nowIso).orderBy('id').limit(limit).execute();
}

/** Automated replies that left (or are leaving) for one address since `sinceIso`. */
export async function countRecentReplies(db: Db, to: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('to_address', '=', to)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'sent'), eb('sent_at', '>=', sinceIso)]), eb('status', '=', 'sending')]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * queued -> sending, with the rendered text and the Message-ID stored in
 * the same statement. False when another worker claimed it first. While
 * `sending`, next_attempt_at holds the lease deadline.
 */
export async function claimReply(
  db: Db,
  id: number,
  claim: { subject: string; text: string; html: string | null; messageId: string; leaseUntil: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      subject: claim.subject,
      text_body: claim.text,
      html_body: claim.html,
      message_id: claim.messageId,
      next_attempt_at: claim.leaseUntil,
    }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a row on from `from`; false when it was not in that state. */
export async function settleReply(
  db: Db,
  id: number,
  from: 'queued' | 'sending',
  to: { status: 'sent' | 'queued' | 'failed' | 'suppressed'; error?: string | null; sentAt?: string | null; nextAttemptAt?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: to.status,
      last_error: to.error ?? null,
      ...(to.sentAt !== undefined ? { sent_at: to.sentAt } : {}),
      ...(to.nextAttemptAt !== undefined ? { next_attempt_at: to.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Rows left in `sending` by a process that died: their lease ran out. */
export async function listExpiredClaims(db: Db, nowIso: string): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('status', '=', 'sending').where('next_attempt_at', '<', nowIso).orderBy('id').execute();
}
