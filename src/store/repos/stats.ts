import type { Kysely, Transaction } from 'kysely';
import type { Case } from '../../domain/schemas/index.js';
import type { Database } from '../tables.js';
import { toCase } from './cases.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface DecisionEventRow {
  caseId: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

const OUTCOME_EVENTS = ['accepted', 'partially_accepted', 'rejected', 'reinstated', 'dispute_decided', 'withdrawn'];

export async function listNoticeCases(db: Q, since: string | null = null): Promise<Array<Pick<Case, 'id' | 'number' | 'status' | 'complainantEmail' | 'rightsOwner' | 'createdAt'>>> {
  let query = db.selectFrom('cases').select(['id', 'number', 'status', 'complainant_email', 'rights_owner', 'created_at']).where('kind', '=', 'notice');
  if (since) query = query.where('created_at', '>=', since);
  const rows = await query.execute();
  return rows.map((r) => ({ id: Number(r.id), number: r.number, status: r.status as Case['status'], complainantEmail: r.complainant_email, rightsOwner: r.rights_owner, createdAt: r.created_at }));
}

export async function listOutcomeEvents(db: Q): Promise<DecisionEventRow[]> {
  const rows = await db.selectFrom('case_events').select(['case_id', 'type', 'at', 'data']).where('type', 'in', OUTCOME_EVENTS).orderBy('id').execute();
  return rows.map((r) => ({ caseId: Number(r.case_id), type: r.type, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** Cases in pages, oldest first, for exports that must not hold everything in memory at once. */
export async function listCasesPage(db: Q, afterId: number, limit: number, statuses: readonly string[] | null = null): Promise<Case[]> {
  let query = db.selectFrom('cases').selectAll().where('id', '>', afterId).orderBy('id').limit(limit);
  if (statuses) query = query.where('status', 'in', [...statuses]);
  return (await query.execute()).map(toCase);
}
