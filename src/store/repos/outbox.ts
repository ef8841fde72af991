import type { Kysely, Transaction } from 'kysely';
import type { Database, OutboxRow } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface QueuedReply {
  caseId: number | null;
  kind: string;
  to: string;
  template: string | null;
  vars: Record<string, unknown>;
  language: string;
  inReplyTo: string | null;
  references: string[];
  /** Set when a reviewer edited the text: it is sent as written. */
  rendered?: { subject: string; text: string; html: string | null } | undefined;
  at: string;
}

/** The reply queue is the only way mail leaves; the send worker drains it. */
export async function enqueueReply(db: Q, reply: QueuedReply): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      case_id: reply.caseId,
      kind: reply.kind,
      to_address: reply.to,
      subject: reply.rendered?.subject ?? null,
      text_body: reply.rendered?.text ?? null,
      html_body: reply.rendered?.html ?? null,
      template: reply.template,
      vars: JSON.stringify(reply.vars),
      language: reply.language,
      in_reply_to: reply.inReplyTo,
      references: reply.references.length ? reply.references.join(' ') : null,
      status: 'queued',
      attempts: 0,
      next_attempt_at: reply.at,
      last_error: null,
      message_id: null,
      created_at: reply.at,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The case one of our own replies belongs to, by the Message-ID we gave it. */
export async function findCaseIdByReplyMessageId(db: Q, messageIds: string[]): Promise<number | null> {
  if (messageIds.length === 0) return null;
  const row = await db
    .selectFrom('outbox')
    .select('case_id')
    .where('message_id', 'in', messageIds)
    .where('case_id', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.case_id == null ? null : Number(row.case_id);
}

export async function countOutbox(db: Q, caseId: number): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(row.n);
}


/** Rows due for sending, oldest first. */
export async function listDueReplies(db: Q, nowIso: string, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', nowIso).orderBy('id').limit(limit).execute();
}

/** Automated replies that left (or are leaving) for one address since `sinceIso`. */
export async function countRecentReplies(db: Q, to: string, sinceIso: string): Promise<number> {
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
  db: Q,
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
  db: Q,
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
export async function listExpiredClaims(db: Q, nowIso: string): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().where('status', '=', 'sending').where('next_attempt_at', '<', nowIso).orderBy('id').execute();
}
