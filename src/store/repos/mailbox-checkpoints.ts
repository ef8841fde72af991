import { sql, type Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface Checkpoint {
  uidValidity: string;
  lastUid: number;
}

export async function readCheckpoint(db: Kysely<Database>, mailbox: string): Promise<Checkpoint | null> {
  const row = await db.selectFrom('mailbox_checkpoints').selectAll().where('mailbox', '=', mailbox).executeTakeFirst();
  return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
}

/** Never moves backwards within one UIDVALIDITY, so a late writer cannot undo progress. */
export async function saveCheckpoint(db: Kysely<Database>, mailbox: string, checkpoint: Checkpoint, nowIso: string): Promise<void> {
  await db
    .insertInto('mailbox_checkpoints')
    .values({ mailbox, uid_validity: checkpoint.uidValidity, last_uid: checkpoint.lastUid, updated_at: nowIso })
    .onConflict((oc) =>
      oc
        .column('mailbox')
        .doUpdateSet({ uid_validity: checkpoint.uidValidity, last_uid: checkpoint.lastUid, updated_at: nowIso })
        .where(sql<boolean>`mailbox_checkpoints.uid_validity <> ${checkpoint.uidValidity} or mailbox_checkpoints.last_uid < ${checkpoint.lastUid}`),
    )
    .execute();
}
