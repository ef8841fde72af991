import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';
import type { StatementsTable } from './statements.js';

/** Where the merchant's copy of one statement of reasons stands. */
export type MerchantNoticeStatus = 'lookup_failed' | 'no_merchant' | 'unusable_address' | 'queued';

/** Merchant notices, added by the 20261129T1200 migration. */
export interface MerchantNoticesTable {
  puid: string;
  case_id: number;
  url: string;
  status: MerchantNoticeStatus;
  merchant_email: string | null;
  merchant_name: string | null;
  source: string | null;
  outbox_id: number | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

type Q = Kysely<Database> | Transaction<Database>;

function table(db: Q) {
  return db.withTables<{ merchant_notices: MerchantNoticesTable; statements_of_reasons: StatementsTable }>();
}

export interface MerchantNotice {
  puid: string;
  caseId: number;
  url: string;
  status: MerchantNoticeStatus;
  merchantEmail: string | null;
  merchantName: string | null;
  source: string | null;
  outboxId: number | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  /** The reply queue's state of the mail, when one was queued: only `sent` means the merchant was mailed. */
  mailStatus: string | null;
  mailSentAt: string | null;
}

function toNotice(r: MerchantNoticesTable & { mail_status: string | null; mail_sent_at: string | null }): MerchantNotice {
  return {
    puid: r.puid,
    caseId: Number(r.case_id),
    url: r.url,
    status: r.status,
    merchantEmail: r.merchant_email,
    merchantName: r.merchant_name,
    source: r.source,
    outboxId: r.outbox_id == null ? null : Number(r.outbox_id),
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    mailStatus: r.mail_status,
    mailSentAt: r.mail_sent_at,
  };
}

function selectNotices(db: Q) {
  return table(db)
    .selectFrom('merchant_notices as m')
    .leftJoin('outbox as o', 'o.id', 'm.outbox_id')
    .selectAll('m')
    .select(['o.status as mail_status', 'o.sent_at as mail_sent_at']);
}

export async function findMerchantNotice(db: Q, puid: string): Promise<MerchantNotice | null> {
  const row = await selectNotices(db).where('m.puid', '=', puid).executeTakeFirst();
  return row ? toNotice(row) : null;
}

export async function listCaseMerchantNotices(db: Q, caseId: number): Promise<MerchantNotice[]> {
  const rows = await selectNotices(db).where('m.case_id', '=', caseId).orderBy('m.puid').execute();
  return rows.map(toNotice);
}

/**
 * Records the mail to the merchant. Conditional: only a statement whose
 * merchant was never mailed takes it, so of two answers racing (a retried
 * webhook, a lookup) exactly one wins; false for the loser.
 */
export async function claimMerchantMail(
  db: Q,
  row: { puid: string; caseId: number; url: string; email: string; name: string | null; source: string; outboxId: number; at: string },
): Promise<boolean> {
  const inserted = await table(db)
    .insertInto('merchant_notices')
    .values({
      puid: row.puid, case_id: row.caseId, url: row.url, status: 'queued', merchant_email: row.email, merchant_name: row.name, source: row.source,
      outbox_id: row.outboxId, attempts: 0, next_attempt_at: null, last_error: null, created_at: row.at, updated_at: row.at,
    })
    .onConflict((oc) => oc.column('puid').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
  const updated = await table(db)
    .updateTable('merchant_notices')
    .set({ status: 'queued', merchant_email: row.email, merchant_name: row.name, source: row.source, outbox_id: row.outboxId, last_error: null, next_attempt_at: null, updated_at: row.at })
    .where('puid', '=', row.puid)
    .where('outbox_id', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Notes an outcome that mailed no one (lookup failed, no merchant known, an address we will not write to). Never touches a mailed row. */
export async function noteMerchantOutcome(
  db: Q,
  row: { puid: string; caseId: number; url: string; status: Exclude<MerchantNoticeStatus, 'queued'>; error: string | null; nextAttemptAt: string | null; source: string; at: string },
): Promise<void> {
  const inserted = await table(db)
    .insertInto('merchant_notices')
    .values({
      puid: row.puid, case_id: row.caseId, url: row.url, status: row.status, merchant_email: null, merchant_name: null, source: row.source,
      outbox_id: null, attempts: 1, next_attempt_at: row.nextAttemptAt, last_error: row.error?.slice(0, 1000) ?? null, created_at: row.at, updated_at: row.at,
    })
    .onConflict((oc) => oc.column('puid').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return;
  await table(db)
    .updateTable('merchant_notices')
    .set((eb) => ({ status: row.status, source: row.source, attempts: eb('attempts', '+', 1), last_error: row.error?.slice(0, 1000) ?? null, next_attempt_at: row.nextAttemptAt, updated_at: row.at }))
    .where('puid', '=', row.puid)
    .where('outbox_id', 'is', null)
    .execute();
}

/**
 * Statements whose merchant is still to be looked up: never tried, or a
 * failed lookup whose next attempt is due. Statements already answered
 * (mailed, no merchant, unusable address) are not tried again.
 */
export async function listLookupsDue(db: Q, nowIso: string, limit: number): Promise<{ puid: string; caseId: number; url: string; attempts: number; createdAt: string }[]> {
  const rows = await table(db)
    .selectFrom('statements_of_reasons as s')
    .leftJoin('merchant_notices as m', 'm.puid', 's.puid')
    .select(['s.puid', 's.case_id', 's.url', 's.created_at', 'm.attempts'])
    .where((eb) => eb.or([eb('m.puid', 'is', null), eb.and([eb('m.status', '=', 'lookup_failed'), eb('m.next_attempt_at', '<=', nowIso)])]))
    .orderBy('s.created_at')
    .orderBy('s.puid')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ puid: r.puid, caseId: Number(r.case_id), url: r.url, attempts: Number(r.attempts ?? 0), createdAt: r.created_at }));
}
