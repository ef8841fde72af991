import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

/** Warnings and suspensions for misuse, added by the 20261129T1210 migration. */
export interface ComplainantMeasuresTable {
  id: number;
  complainant_key: string;
  kind: 'warning' | 'suspension';
  case_id: number;
  notices: number;
  unfounded: number;
  created_at: string;
  until: string | null;
}

type Q = Kysely<Database> | Transaction<Database>;

function table(db: Q) {
  return db.withTables<{ complainant_measures: ComplainantMeasuresTable }>();
}

export interface ComplainantMeasure {
  id: number;
  complainantKey: string;
  kind: 'warning' | 'suspension';
  caseId: number;
  caseNumber: string | null;
  notices: number;
  unfounded: number;
  createdAt: string;
  until: string | null;
}

/**
 * A complainant's decided notices in the window, and how many of those were
 * rejected as manifestly unfounded: read from the decision events of their cases.
 */
export async function misuseFigures(db: Q, complainantKey: string, sinceIso: string): Promise<{ notices: number; unfounded: number }> {
  const rows = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.case_id', 'e.type', 'e.data'])
    .where('c.complainant_key', '=', complainantKey)
    .where('c.kind', '=', 'notice')
    .where('e.at', '>=', sinceIso)
    .where('e.type', 'in', ['accepted', 'partially_accepted', 'rejected'])
    .execute();
  const decided = new Set<number>();
  const unfounded = new Set<number>();
  for (const r of rows) {
    decided.add(Number(r.case_id));
    if (r.type === 'rejected' && (JSON.parse(r.data) as { reason?: string }).reason === 'manifestly_unfounded') unfounded.add(Number(r.case_id));
  }
  return { notices: decided.size, unfounded: unfounded.size };
}

export async function insertMeasure(db: Q, m: { complainantKey: string; kind: 'warning' | 'suspension'; caseId: number; notices: number; unfounded: number; at: string; until: string | null }): Promise<void> {
  await table(db)
    .insertInto('complainant_measures')
    .values({ complainant_key: m.complainantKey, kind: m.kind, case_id: m.caseId, notices: m.notices, unfounded: m.unfounded, created_at: m.at, until: m.until } as never)
    .execute();
}

/** The latest measure of a kind given to a complainant since `sinceIso`; null when none. */
export async function latestMeasure(db: Q, complainantKey: string, kind: 'warning' | 'suspension', sinceIso: string): Promise<ComplainantMeasure | null> {
  const rows = await listMeasures(db, { complainantKey, kind, since: sinceIso, limit: 1 });
  return rows[0] ?? null;
}

/** The suspension in force for a complainant at `nowIso`, if any. */
export async function activeSuspension(db: Q, complainantKey: string, nowIso: string): Promise<ComplainantMeasure | null> {
  const row = await table(db)
    .selectFrom('complainant_measures')
    .selectAll()
    .where('complainant_key', '=', complainantKey)
    .where('kind', '=', 'suspension')
    .where('created_at', '<=', nowIso)
    .where('until', '>', nowIso)
    .orderBy('until', 'desc')
    .executeTakeFirst();
  return row ? toMeasure(row, null) : null;
}

function toMeasure(r: ComplainantMeasuresTable, caseNumber: string | null): ComplainantMeasure {
  return { id: Number(r.id), complainantKey: r.complainant_key, kind: r.kind, caseId: Number(r.case_id), caseNumber, notices: Number(r.notices), unfounded: Number(r.unfounded), createdAt: r.created_at, until: r.until };
}

/** Measures newest first, with the case each was given on. */
export async function listMeasures(db: Q, filter: { complainantKey?: string; kind?: 'warning' | 'suspension'; since?: string; limit: number }): Promise<ComplainantMeasure[]> {
  let q = table(db).selectFrom('complainant_measures as m').leftJoin('cases as c', 'c.id', 'm.case_id').selectAll('m').select('c.number as case_number');
  if (filter.complainantKey) q = q.where('m.complainant_key', '=', filter.complainantKey);
  if (filter.kind) q = q.where('m.kind', '=', filter.kind);
  if (filter.since) q = q.where('m.created_at', '>=', filter.since);
  const rows = await q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(filter.limit).execute();
  return rows.map((r) => toMeasure(r, r.case_number ?? null));
}

/** Who filed a case, as the misuse figures count it. */
export async function complainantKeyOfCase(db: Q, caseId: number): Promise<string | null> {
  const row = await db.selectFrom('cases').select('complainant_key').where('id', '=', caseId).executeTakeFirst();
  return row?.complainant_key ?? null;
}
