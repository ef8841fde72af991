import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

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
