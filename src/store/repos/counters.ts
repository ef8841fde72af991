import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Next value of a named counter. Run inside the transaction that uses the
 * value, so a rolled-back case does not burn its number on SQLite, and the
 * row lock serialises writers on PostgreSQL.
 */
export async function nextCounterValue(db: Q, name: string): Promise<number> {
  const updated = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  if (updated) return Number(updated.value);
  await db.insertInto('counters').values({ name, value: 1 }).onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) }))).execute();
  const row = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Number(row.value);
}

/** `ND-2026-000123`: the reference senders quote in every follow-up. */
export async function nextCaseNumber(db: Q, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const value = await nextCounterValue(db, `case-number-${year}`);
  return `ND-${year}-${String(value).padStart(6, '0')}`;
}
