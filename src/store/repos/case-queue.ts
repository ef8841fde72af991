import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Case, CaseStatus } from '../../domain/schemas/index.js';
import type { Database } from '../tables.js';
import { toCase } from './cases.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface QueueQuery {
  statuses: readonly CaseStatus[] | null;
  platform: string | null;
  kind: string | null;
  iprType: string | null;
  hasFindings: boolean | null;
  createdBefore: string | null;
  createdAfter: string | null;
  assignee: string | null;
  search: { caseNumber: string | null; text: string | null };
  /** Statuses listed first (cases that need action), then oldest first. */
  actionFirst: readonly CaseStatus[];
  limit: number;
  offset: number;
}

function likeText(value: string): string {
  return `%${value.replace(/[%_\\]/g, '')}%`;
}

function filtered<O>(query: SelectQueryBuilder<Database, 'cases', O>, q: QueueQuery): SelectQueryBuilder<Database, 'cases', O> {
  let out = query;
  if (q.statuses) out = out.where('status', 'in', [...q.statuses]);
  if (q.platform) out = out.where('platform', '=', q.platform);
  if (q.kind) out = out.where('kind', '=', q.kind);
  if (q.assignee) out = out.where('assignee', '=', q.assignee);
  // Cases older than the ipr_type column are found through the complaint JSON, on every dialect alike.
  if (q.iprType) {
    const iprType = q.iprType.replace(/[^a-z_]/g, '');
    out = out.where((eb) => eb.or([eb('ipr_type', '=', iprType), eb.and([eb('ipr_type', 'is', null), eb('complaint', 'like', `%"iprType":"${iprType}"%`)])]));
  }
  // A literal, not a parameter: only then can the planner use the partial index `cases_with_findings`.
  if (q.hasFindings === true) out = out.where('findings', '!=', sql.lit('[]'));
  if (q.hasFindings === false) out = out.where('findings', '=', sql.lit('[]'));
  if (q.createdBefore) out = out.where('created_at', '<', q.createdBefore);
  if (q.createdAfter) out = out.where('created_at', '>=', q.createdAfter);
  if (q.search.caseNumber) out = out.where('number', '=', q.search.caseNumber);
  const text = q.search.text;
  if (text) {
    out = out.where((eb) =>
      eb.or([eb('complainant_email', 'like', likeText(text.toLowerCase())), eb('rights_owner', 'like', likeText(text)), eb('complaint', 'like', likeText(text))]),
    );
  }
  return out;
}

export async function queryQueue(db: Q, q: QueueQuery): Promise<{ cases: Case[]; total: number }> {
  // Ids first: the sort then runs over index entries, not over the complaint JSON of every matching row.
  let rows = filtered(db.selectFrom('cases').select('id'), q);
  if (q.actionFirst.length && !q.statuses) {
    const first = sql.join(q.actionFirst.map((s) => sql.lit(s)));
    rows = rows.orderBy(sql`case when status in (${first}) then 0 else 1 end`);
  }
  rows = rows.orderBy('created_at').orderBy('id').limit(q.limit).offset(q.offset);
  const countAll = () => filtered(db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')), q).executeTakeFirstOrThrow();
  let page: { id: number }[];
  let total: number;
  if (q.search.text) {
    // A text search reads every candidate row whatever the page (LIKE over the complaint JSON): count in the same pass.
    const counted = await rows.select((eb) => eb.fn.countAll<number>().over().as('total')).execute();
    page = counted;
    total = counted.length ? Number(counted[0]!.total) : q.offset > 0 ? Number((await countAll()).n) : 0;
  } else {
    const [found, count] = await Promise.all([rows.execute(), countAll()]);
    page = found;
    total = Number(count.n);
  }
  const ids = page.map((r) => Number(r.id));
  const full = ids.length ? await db.selectFrom('cases').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(full.map((r) => [Number(r.id), r]));
  return { cases: ids.flatMap((id) => (byId.has(id) ? [toCase(byId.get(id)!)] : [])), total };
}

export async function countByStatus(db: Q): Promise<Record<string, number>> {
  const rows = await db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function countOlderThan(db: Q, statuses: readonly CaseStatus[], before: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...statuses])
    .where('created_at', '<', before)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listPlatformsInUse(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('cases').select('platform').distinct().where('platform', 'is not', null).orderBy('platform').execute();
  return rows.flatMap((r) => (r.platform ? [r.platform] : []));
}
