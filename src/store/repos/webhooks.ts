import type { Kysely, Transaction } from 'kysely';
import type { Database, WebhookDeliveryRow } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface NewWebhookDelivery {
  eventId: string;
  type: string;
  caseId: number | null;
  endpoint: string;
  body: string;
  at: string;
}

export async function insertWebhookDeliveries(db: Q, rows: NewWebhookDelivery[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((r) => ({
        event_id: r.eventId,
        type: r.type,
        case_id: r.caseId,
        endpoint: r.endpoint,
        body: r.body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: r.at,
        lease_holder: null,
        lease_until: null,
        last_error: null,
        created_at: r.at,
        delivered_at: null,
      })),
    )
    .execute();
}

/** Pending rows that are due and not held by a live lease, oldest first. */
export async function listDueDeliveries(db: Q, nowIso: string, limit: number): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes one row for `holder` until `leaseUntil`, counting the attempt. False
 * when another worker holds it: the update is conditional on the lease the
 * row had when it was read, so only one of two racing workers wins.
 */
export async function claimDelivery(db: Q, row: WebhookDeliveryRow, holder: string, nowIso: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ lease_holder: holder, lease_until: leaseUntil, attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the outcome of an attempt made under `holder`'s lease. */
export async function settleDelivery(
  db: Q,
  id: number,
  holder: string,
  to: { status: 'pending' | 'delivered' | 'failed'; error: string | null; nextAttemptAt?: string; deliveredAt?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: to.status,
      last_error: to.error,
      lease_holder: null,
      lease_until: null,
      ...(to.nextAttemptAt ? { next_attempt_at: to.nextAttemptAt } : {}),
      ...(to.deliveredAt ? { delivered_at: to.deliveredAt } : {}),
    })
    .where('id', '=', id)
    .where('lease_holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts a row back in line now, whatever its state short of delivered ("retry now"). */
export async function retryDeliveryNow(db: Q, id: number, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: nowIso })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listCaseDeliveries(db: Q, caseId: number): Promise<WebhookDeliveryRow[]> {
  return db.selectFrom('webhook_deliveries').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** Rows not delivered yet that have failed at least once, or gave up; newest first. */
export async function listTroubledDeliveries(db: Q, limit: number): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'pending'), eb('last_error', 'is not', null)])]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
