import type { Kysely, Transaction } from 'kysely';
import { StatementOfReasons } from '../../domain/dsa/statement-of-reasons.js';
import type { Database } from '../tables.js';

/** Statements of reasons, added by the 20261129T1100 migration. */
export interface StatementsTable {
  puid: string;
  case_id: number;
  url: string;
  created_at: string;
  body: string;
  submitted_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
}

type Q = Kysely<Database> | Transaction<Database>;

function table(db: Q) {
  return db.withTables<{ statements_of_reasons: StatementsTable }>();
}

export interface StoredStatement {
  statement: StatementOfReasons;
  createdAt: string;
  submittedAt: string | null;
  attempts: number;
  lastError: string | null;
}

function toStored(r: StatementsTable): StoredStatement {
  return { statement: StatementOfReasons.parse(JSON.parse(r.body)), createdAt: r.created_at, submittedAt: r.submitted_at, attempts: r.attempts, lastError: r.last_error };
}

/** Stores statements; one already stored under the same puid is left as it was (decisions are not re-stated). */
export async function saveStatements(db: Q, caseId: number, statements: StatementOfReasons[], at: string): Promise<number> {
  let added = 0;
  for (const s of statements) {
    const result = await table(db)
      .insertInto('statements_of_reasons')
      .values({ puid: s.puid, case_id: caseId, url: s.listingUrl, created_at: at, body: JSON.stringify(s), submitted_at: null, attempts: 0, next_attempt_at: null, last_error: null })
      .onConflict((oc) => oc.column('puid').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

export async function listStatements(db: Q, options: { caseId?: number; since?: string } = {}): Promise<StoredStatement[]> {
  let q = table(db).selectFrom('statements_of_reasons').selectAll();
  if (options.caseId !== undefined) q = q.where('case_id', '=', options.caseId);
  if (options.since !== undefined) q = q.where('created_at', '>=', options.since);
  const rows = await q.orderBy('created_at').orderBy('puid').execute();
  return rows.map(toStored);
}

/** Statements not yet accepted by the Transparency Database whose next attempt is due. */
export async function listUnsubmitted(db: Q, now: string, limit: number): Promise<StoredStatement[]> {
  const rows = await table(db)
    .selectFrom('statements_of_reasons')
    .selectAll()
    .where('submitted_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('created_at')
    .orderBy('puid')
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

export async function markSubmitted(db: Q, puids: string[], at: string): Promise<void> {
  if (puids.length === 0) return;
  await table(db).updateTable('statements_of_reasons').set({ submitted_at: at, last_error: null }).where('puid', 'in', puids).where('submitted_at', 'is', null).execute();
}

export async function markFailed(db: Q, puid: string, error: string, nextAttemptAt: string): Promise<void> {
  await table(db)
    .updateTable('statements_of_reasons')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 1000), next_attempt_at: nextAttemptAt }))
    .where('puid', '=', puid)
    .where('submitted_at', 'is', null)
    .execute();
}

/** One statement with its case, by puid; null when the desk wrote none under it. */
export async function findStatement(db: Q, puid: string): Promise<(StoredStatement & { caseId: number }) | null> {
  const row = await table(db).selectFrom('statements_of_reasons').selectAll().where('puid', '=', puid).executeTakeFirst();
  return row ? { ...toStored(row), caseId: Number(row.case_id) } : null;
}
