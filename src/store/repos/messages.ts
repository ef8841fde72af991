import type { Kysely, Transaction } from 'kysely';
import { RawMessage, type MessageState, type StoredAttachment } from '../../domain/schemas/index.js';
import type { Database, RawMessageRow } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

export function toRawMessage(row: RawMessageRow): RawMessage {
  return RawMessage.parse({
    id: Number(row.id),
    channel: row.channel,
    receivedAt: row.received_at,
    sha256: row.sha256,
    messageId: row.message_id,
    origin: row.origin,
    raw: row.raw instanceof Uint8Array ? row.raw : new Uint8Array(row.raw as ArrayBuffer),
    state: row.state,
    error: row.error,
    caseId: row.case_id == null ? null : Number(row.case_id),
  });
}

export async function findMessageById(db: Q, id: number): Promise<RawMessage | null> {
  const row = await db.selectFrom('raw_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRawMessage(row) : null;
}

/**
 * A message already stored with the same bytes. A Message-ID alone proves
 * nothing: anyone can reuse one, and a different message under a known
 * Message-ID is a new message (see findOtherWithMessageId).
 */
export async function findDuplicateMessage(db: Q, sha256: string): Promise<RawMessage | null> {
  const row = await db.selectFrom('raw_messages').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? toRawMessage(row) : null;
}

/** The first other message stored under the same Message-ID (its bytes differ, or it would be a duplicate). */
export async function findOtherWithMessageId(db: Q, messageId: string, exceptId: number): Promise<{ id: number; caseId: number | null } | null> {
  const row = await db
    .selectFrom('raw_messages')
    .select(['id', 'case_id'])
    .where('message_id', '=', messageId)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .executeTakeFirst();
  return row ? { id: Number(row.id), caseId: row.case_id == null ? null : Number(row.case_id) } : null;
}

export async function insertMessage(
  db: Q,
  row: {
    channel: string;
    receivedAt: string;
    sha256: string;
    messageId: string | null;
    origin: string | null;
    raw: Uint8Array;
    /** A message that is kept but never processed (too large to read) is inserted already `failed`. */
    failed?: string;
  },
): Promise<RawMessage> {
  const inserted = await db
    .insertInto('raw_messages')
    .values({
      channel: row.channel,
      received_at: row.receivedAt,
      sha256: row.sha256,
      message_id: row.messageId,
      origin: row.origin,
      raw: row.raw,
      state: row.failed ? 'failed' : 'stored',
      error: row.failed ?? null,
      case_id: null,
    })
    // Everything but the bytes: reading them back would be a second copy of every message.
    .returning(['id', 'channel', 'received_at', 'sha256', 'message_id', 'origin', 'state', 'error', 'case_id'])
    .executeTakeFirstOrThrow();
  return toRawMessage({ ...inserted, raw: row.raw } as RawMessageRow);
}

/** Moves a message on from `stored`; false when someone else already did. */
export async function settleMessage(db: Q, id: number, state: Exclude<MessageState, 'stored'>, changes: { caseId?: number | null; error?: string | null }): Promise<boolean> {
  const result = await db
    .updateTable('raw_messages')
    .set({ state, case_id: changes.caseId ?? null, error: changes.error ?? null })
    .where('id', '=', id)
    .where('state', '=', 'stored')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listMessageIdsInState(db: Q, state: MessageState): Promise<number[]> {
  const rows = await db.selectFrom('raw_messages').select('id').where('state', '=', state).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

export async function insertAttachmentRecords(db: Q, messageId: number, attachments: Array<StoredAttachment & { stored: boolean }>): Promise<void> {
  if (attachments.length === 0) return;
  await db.deleteFrom('attachments').where('message_id', '=', messageId).execute();
  await db
    .insertInto('attachments')
    .values(
      attachments.map((a) => ({
        message_id: messageId,
        sha256: a.sha256,
        filename: a.filename,
        content_type: a.contentType,
        size: a.size,
        text: a.text,
        problem: a.problem,
        stored: a.stored ? 1 : 0,
      })),
    )
    .execute();
}

export async function listCaseMessages(db: Q, caseId: number): Promise<RawMessage[]> {
  const rows = await db
    .selectFrom('raw_messages')
    .innerJoin('case_messages', 'case_messages.message_id', 'raw_messages.id')
    .selectAll('raw_messages')
    .where('case_messages.case_id', '=', caseId)
    .orderBy('raw_messages.id')
    .execute();
  return rows.map(toRawMessage);
}

const INTERRUPTED = /^interrupted (\d+) time/;

/**
 * Counts one more run that ended (a stop, a crash) with the message still
 * `stored`, in its error column, and returns the count; the column is cleared
 * when the message is settled. Null when it is no longer `stored`.
 */
export async function countInterruptedRun(db: Q, id: number): Promise<number | null> {
  const row = await db.selectFrom('raw_messages').select(['state', 'error']).where('id', '=', id).executeTakeFirst();
  if (!row || row.state !== 'stored') return null;
  const count = Number(INTERRUPTED.exec(row.error ?? '')?.[1] ?? 0) + 1;
  const result = await db
    .updateTable('raw_messages')
    .set({ error: `interrupted ${count} time(s) before it was processed` })
    .where('id', '=', id)
    .where('state', '=', 'stored')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? count : null;
}

/** The case of the newest stored message carrying one of these Message-IDs (a reply's In-Reply-To/References). */
export async function findCaseIdOfMessageIds(db: Q, messageIds: string[]): Promise<number | null> {
  const row = await db
    .selectFrom('raw_messages')
    .select('case_id')
    .where('message_id', 'in', messageIds)
    .where('case_id', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.case_id == null ? null : Number(row.case_id);
}
