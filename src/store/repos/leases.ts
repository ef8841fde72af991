import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Takes or renews a named lease for `holder` until `now + ttlMs`. Several
 * instances sharing one database (PostgreSQL) use it so that work which must
 * happen once, such as posting a case to Slack, is done by one of them.
 * Returns whether `holder` has the lease now.
 */
export async function tryAcquireLease(db: Q, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const nowIso = now.toISOString();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('leases.expires_at', '<', nowIso), eb('leases.holder', '=', holder)])),
    )
    .execute();
  const row = await db.selectFrom('leases').select('holder').where('name', '=', name).executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseLease(db: Q, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
