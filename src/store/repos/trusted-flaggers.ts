import type { Kysely, Transaction } from 'kysely';
import type { CaseStatus } from '../../domain/schemas/index.js';
import type { Database } from '../tables.js';

/** Trusted flaggers, added by the 20261129T1210 migration. */
export interface TrustedFlaggersTable {
  id: number;
  kind: 'account' | 'domain';
  value: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

type Q = Kysely<Database> | Transaction<Database>;

function table(db: Q) {
  return db.withTables<{ trusted_flaggers: TrustedFlaggersTable }>();
}

export interface TrustedFlagger {
  id: number;
  kind: 'account' | 'domain';
  value: string;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

export async function listTrustedFlaggers(db: Q): Promise<TrustedFlagger[]> {
  const rows = await table(db).selectFrom('trusted_flaggers').selectAll().orderBy('kind').orderBy('value').execute();
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, value: r.value, note: r.note, createdAt: r.created_at, createdBy: r.created_by }));
}

/** False when the same account or domain is already marked. */
export async function insertTrustedFlagger(db: Q, row: { kind: 'account' | 'domain'; value: string; note: string | null; at: string; by: string }): Promise<boolean> {
  const result = await table(db)
    .insertInto('trusted_flaggers')
    .values({ kind: row.kind, value: row.value, note: row.note, created_at: row.at, created_by: row.by } as never)
    .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function deleteTrustedFlagger(db: Q, id: number): Promise<TrustedFlagger | null> {
  const row = await table(db).selectFrom('trusted_flaggers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  await table(db).deleteFrom('trusted_flaggers').where('id', '=', id).execute();
  return { id: Number(row.id), kind: row.kind, value: row.value, note: row.note, createdAt: row.created_at, createdBy: row.created_by };
}

/** Whether an address, its domain or a filing account is marked. */
export async function isTrustedFlagger(db: Q, who: { address: string | null; account: string | null }): Promise<boolean> {
  const domain = who.address?.split('@')[1] ?? null;
  const accounts = [who.address, who.account].filter((v): v is string => !!v);
  if (!domain && accounts.length === 0) return false;
  const row = await table(db)
    .selectFrom('trusted_flaggers')
    .select('id')
    .where((eb) => eb.or([...(domain ? [eb.and([eb('kind', '=', 'domain'), eb('value', '=', domain)])] : []), ...(accounts.length ? [eb.and([eb('kind', '=', 'account'), eb('value', 'in', accounts)])] : [])]))
    .executeTakeFirst();
  return !!row;
}

/**
 * Puts the undecided cases of a newly marked (or unmarked) flagger in their
 * place in the queue: by the sender's address or domain, or the filing account.
 */
export async function setFlagRank(db: Q, who: { kind: 'account' | 'domain'; value: string }, rank: 0 | 1, statuses: readonly CaseStatus[]): Promise<number> {
  const result = await db
    .updateTable('cases')
    .set({ flag_rank: rank })
    .where('status', 'in', [...statuses])
    .where((eb) =>
      who.kind === 'domain'
        ? eb('complainant_email', 'like', `%@${who.value.replace(/[%_\\]/g, '')}`)
        : eb.or([eb('complainant_email', '=', who.value), eb('complainant_key', '=', `account:${who.value}`)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The account that filed a stored message through the API (`api:user:<id>:...`), by its email; null for other channels. */
export async function accountOfMessage(db: Q, messageId: number): Promise<string | null> {
  const message = await db.selectFrom('raw_messages').select('origin').where('id', '=', messageId).executeTakeFirst();
  const id = /^api:user:(\d+):/.exec(message?.origin ?? '')?.[1];
  if (!id) return null;
  const user = await db.selectFrom('users').select('email').where('id', '=', Number(id)).executeTakeFirst();
  return user?.email.toLowerCase() ?? null;
}
