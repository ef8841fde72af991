import type { Kysely, Transaction } from 'kysely';
import type { Case, CaseStatus } from '../../domain/schemas/index.js';
import type { Database } from '../tables.js';
import { toCase } from './cases.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Message-IDs of the mail that made up a case, oldest first: the thread a reply continues. */
export async function listCaseMessageIds(db: Q, caseId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('case_messages')
    .innerJoin('raw_messages', 'raw_messages.id', 'case_messages.message_id')
    .select('raw_messages.message_id')
    .where('case_messages.case_id', '=', caseId)
    .where('raw_messages.message_id', 'is not', null)
    .orderBy('raw_messages.id')
    .execute();
  return rows.flatMap((r) => (r.message_id ? [r.message_id] : []));
}

/** Cases that answer this one (counter-notices), optionally only in some statuses. */
export async function listChildCases(db: Q, parentId: number, statuses?: readonly CaseStatus[]): Promise<Case[]> {
  let query = db.selectFrom('cases').selectAll().where('parent_case_id', '=', parentId);
  if (statuses) query = query.where('status', 'in', [...statuses]);
  return (await query.orderBy('id').execute()).map(toCase);
}

/** Notice cases whose deadline has passed while still in `status`. */
export async function listOverdueCases(db: Q, status: CaseStatus, nowIso: string, limit = 100): Promise<Case[]> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('status', '=', status)
    .where('kind', '=', 'notice')
    .where('due_at', 'is not', null)
    .where('due_at', '<=', nowIso)
    .orderBy('due_at')
    .limit(limit)
    .execute();
  return rows.map(toCase);
}
