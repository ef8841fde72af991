import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { NEEDS_ACTION, type CaseStatus, type CaseSummary, type Complaint, type Finding, type NoticeKind } from '../../domain/schemas/index.js';
import { isPostgres } from '../migrations/column-types.js';
import type { CaseRow, Database } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The assignee filter value for cases nobody holds (an account's email always has an @). */
export const UNASSIGNED = 'unassigned';

export interface QueueQuery {
  statuses: readonly CaseStatus[] | null;
  platform: string | null;
  kind: string | null;
  iprType: string | null;
  hasFindings: boolean | null;
  createdBefore: string | null;
  createdAfter: string | null;
  /** Only cases whose SLA clock ran out before this instant (the same `sla_due_at` the timers show). */
  slaDueBefore?: string | null;
  /** An account's email, `unassigned` for cases nobody holds, or null for anyone. */
  assignee: string | null;
  search: { caseNumber: string | null; text: string | null };
  /** `received`: oldest first; `sla`: soonest due first. */
  sort?: 'received' | 'sla';
  limit: number;
  offset: number;
}

function likeText(value: string): string {
  return `%${value.replace(/[%_\\]/g, '')}%`;
}

function sameStatuses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}

/** SQLite's FTS5 trigram index serves text of three characters or more. */
function usesTrigramIndex(db: Q, text: string): boolean {
  return !isPostgres(db as Kysely<unknown>) && [...text].length >= 3;
}

/** Trigram search needs three characters; shorter text is looked for with LIKE. */
function searchCondition(db: Q, text: string) {
  if (isPostgres(db as Kysely<unknown>)) return sql<boolean>`search_text ilike ${likeText(text)}`;
  if (!usesTrigramIndex(db, text)) return sql<boolean>`search_text like ${likeText(text)}`;
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return sql<boolean>`id in (select rowid from cases_search where cases_search match ${phrase})`;
}

function filtered<O>(db: Q, query: SelectQueryBuilder<Database, 'cases', O>, q: QueueQuery, purpose: 'page' | 'count' = 'page'): SelectQueryBuilder<Database, 'cases', O> {
  let out = query;
  // With a trigram search, SQLite read every case of the status through the queue index and probed the
  // search's matches for each (~20 ms at 100,000 cases); a unary plus keeps the status terms off the index,
  // so the search's matches are read first and looked up by id.
  const searchFirst = !!q.search.text && usesTrigramIndex(db, q.search.text);
  const rank = searchFirst ? sql<number>`+queue_rank` : sql<number>`queue_rank`;
  const status = searchFirst ? sql<string>`+status` : sql<string>`status`;
  if (q.statuses && sameStatuses(q.statuses, NEEDS_ACTION)) out = out.where(rank, '=', 0);
  else if (q.statuses) out = out.where(status, 'in', [...q.statuses]);
  if (q.platform) out = out.where('platform', '=', q.platform);
  if (q.kind) out = out.where('kind', '=', q.kind);
  if (q.assignee === UNASSIGNED) out = out.where('assignee', 'is', null);
  else if (q.assignee) out = out.where('assignee', '=', q.assignee);
  if (q.iprType) out = out.where('ipr_type', '=', q.iprType);
  // A literal, not a parameter: only then can the planner use the partial findings indexes.
  if (q.hasFindings === true) out = out.where('findings', '!=', sql.lit('[]'));
  if (q.hasFindings === true && purpose === 'count') {
    // SQLite does not know the partial findings indexes hold a fraction of the rows, and with another index
    // on queue_rank (cases_sla_queue) it counted "needs action with findings" by reading every such case
    // (~300 ms at 100,000 cases). A range on created_at, which every case satisfies, only the findings
    // indexes can serve, so the planner takes them. Not on the page itself: that reads the sort order's
    // index and stops after its rows, where this range would make it read and sort every match.
    out = out.where('created_at', '>', sql.lit(''));
  }
  if (q.hasFindings === false) out = out.where('findings', '=', sql.lit('[]'));
  if (q.createdBefore) out = out.where('created_at', '<', q.createdBefore);
  if (q.createdAfter) out = out.where('created_at', '>=', q.createdAfter);
  if (q.slaDueBefore) out = out.where('sla_due_at', '<', q.slaDueBefore);
  if (q.search.caseNumber) out = out.where('number', '=', q.search.caseNumber);
  if (q.search.text) out = out.where(searchCondition(db, q.search.text));
  return out;
}

/** True when only the status narrows the query, so the kept counts answer how many match. */
function onlyByStatus(q: QueueQuery): boolean {
  return !q.platform && !q.kind && !q.assignee && !q.iprType && q.hasFindings === null && !q.createdBefore && !q.createdAfter && !q.slaDueBefore && !q.search.caseNumber && !q.search.text;
}

export async function queryQueue(db: Q, q: QueueQuery): Promise<{ cases: CaseSummary[]; total: number }> {
  // Ids first, in index order: cases that need action (queue_rank 0), then the rest; within each, trusted flaggers' cases
  // (flag_rank 0) first, then oldest first. A status tab keeps that order too (a case with a held change needs action
  // whatever its status), which is the order of every filter index.
  const ordered = <O>(query: SelectQueryBuilder<Database, 'cases', O>) => {
    const needsAction = q.statuses !== null && sameStatuses(q.statuses, NEEDS_ACTION);
    const ranked = (needsAction ? query : query.orderBy('queue_rank')).orderBy('flag_rank');
    return (q.sort === 'sla' ? ranked.orderBy('sla_due_at') : ranked.orderBy('created_at')).orderBy('id').limit(q.limit).offset(q.offset);
  };
  const countMatching = async () => {
    if (onlyByStatus(q)) {
      const counts = await countByStatus(db);
      return Object.entries(counts).reduce((n, [status, count]) => n + (!q.statuses || q.statuses.includes(status as CaseStatus) ? count : 0), 0);
    }
    const row = await filtered(db, db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')), q, 'count').executeTakeFirstOrThrow();
    return Number(row.n);
  };
  let page: Array<{ id: number | bigint }>;
  let total: number;
  if (q.search.text) {
    // A text search is the costly part of its query (the trigram index reads every case whose text shares
    // a common trigram): the page and the number of matches come from one evaluation of it, not two.
    const rows = await ordered(filtered(db, db.selectFrom('cases').select(['id', sql<number>`count(*) over ()`.as('matching')]), q)).execute();
    page = rows;
    total = rows.length ? Number(rows[0]!.matching) : q.offset > 0 ? await countMatching() : 0;
  } else {
    [page, total] = await Promise.all([ordered(filtered(db, db.selectFrom('cases').select('id'), q)).execute(), countMatching()]);
  }
  const ids = page.map((r) => Number(r.id));
  const full = ids.length ? await db.selectFrom('cases').select([...SUMMARY_COLUMNS, ...complaintSummary(db)]).where('id', 'in', ids).execute() : [];
  const byId = new Map(full.map((r) => [Number(r.id), r]));
  return { cases: ids.flatMap((id) => (byId.has(id) ? [toSummary(byId.get(id)!)] : [])), total };
}

const SUMMARY_COLUMNS = ['id', 'number', 'status', 'kind', 'platform', 'assignee', 'complainant_email', 'rights_owner', 'ipr_type', 'findings', 'due_at', 'sla_due_at', 'flag_rank', 'version', 'created_at', 'updated_at'] as const;

/** The two things a queue row shows of the complaint, read by the database rather than parsing each complaint here. */
function complaintSummary(db: Q) {
  if (isPostgres(db as Kysely<unknown>)) {
    return [
      sql<string | null>`(complaint::jsonb)->>'subject'`.as('subject'),
      sql<number>`coalesce(jsonb_array_length(case when jsonb_typeof((complaint::jsonb)->'listings') = 'array' then (complaint::jsonb)->'listings' end), 0)`.as('listing_count'),
    ];
  }
  return [sql<string | null>`json_extract(complaint, '$.subject')`.as('subject'), sql<number>`coalesce(json_array_length(complaint, '$.listings'), 0)`.as('listing_count')];
}

type SummaryRow = Pick<CaseRow, (typeof SUMMARY_COLUMNS)[number]> & { subject: string | null; listing_count: number | bigint };

/** The store's own rows were checked when written: a queue row's findings are read with JSON.parse, not the schema. */
function toSummary(row: SummaryRow): CaseSummary {
  return {
    id: Number(row.id),
    number: row.number,
    status: row.status as CaseStatus,
    kind: row.kind as NoticeKind,
    platform: row.platform,
    assignee: row.assignee,
    complainantEmail: row.complainant_email,
    rightsOwner: row.rights_owner,
    iprType: row.ipr_type,
    subject: row.subject ?? null,
    listingCount: Number(row.listing_count),
    findings: JSON.parse(row.findings) as Finding[],
    dueAt: row.due_at,
    slaDueAt: row.sla_due_at,
    trustedFlagger: Number(row.flag_rank) === 0,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Cases per status, from the counts the database keeps in step with every change. */
export async function countByStatus(db: Q): Promise<Record<string, number>> {
  const rows = await db.selectFrom('case_status_counts').select(['status', 'n']).where('n', '>', 0).execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Cases needing action whose SLA clock has run out by `now`: read from the (queue_rank, sla_due_at) index. */
export async function countPastSla(db: Q, now: string): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('queue_rank', '=', 0).where('sla_due_at', '<', now).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The soonest SLA deadline at or after `at` of a case needing action: until then, no such case passes its SLA. */
export async function nextSlaDeadline(db: Q, at: string): Promise<string | null> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.min('sla_due_at').as('at')).where('queue_rank', '=', 0).where('sla_due_at', '>=', at).executeTakeFirst();
  return row?.at ?? null;
}

/** When the first case created at or after `at` was created (through the created_at index). */
export async function firstCreatedFrom(db: Q, at: string): Promise<string | null> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.min('created_at').as('at')).where('created_at', '>=', at).executeTakeFirst();
  return row?.at ?? null;
}

/**
 * Cases that need action held by `assignee`, through the assignee index; for
 * UNASSIGNED, from the per-status counts of cases nobody holds that the
 * database keeps in step with every change (the open backlog may be large).
 */
export async function countNeedingActionFor(db: Q, assignee: string): Promise<number> {
  if (assignee === UNASSIGNED) {
    const rows = await db.selectFrom('case_unassigned_counts').select(['status', 'n']).where('status', 'in', [...NEEDS_ACTION]).execute();
    return rows.reduce((n, r) => n + Number(r.n), 0);
  }
  const query = db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('queue_rank', '=', 0).where('assignee', '=', assignee);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function listPlatformsInUse(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('cases').select('platform').distinct().where('platform', 'is not', null).orderBy('platform').execute();
  return rows.flatMap((r) => (r.platform ? [r.platform] : []));
}

/** Cases waiting for the sender's answer to a request (no counter-notice deadline) whose answer window has passed. */
export async function listUnansweredPastDue(db: Q, statuses: readonly CaseStatus[], now: string, limit: number): Promise<Array<{ id: number }>> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('status', 'in', [...statuses])
    .where('due_at', 'is', null)
    .where('sla_due_at', '<', now)
    .orderBy('sla_due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id) }));
}

/**
 * Other cases whose listings include `url`: the search index narrows them
 * down (a URL is in every case's search text), then the listings are
 * compared exactly, so a longer URL that merely contains this one is not taken.
 */
export async function findCasesWithListing(db: Q, url: string, excludeId: number, limit = 10): Promise<Array<{ number: string; status: CaseStatus }>> {
  const rows = await db
    .selectFrom('cases')
    .select(['number', 'status', 'complaint'])
    .where(searchCondition(db, url))
    .where('id', '!=', excludeId)
    .orderBy('created_at', 'desc')
    .limit(limit * 5)
    .execute();
  return rows
    .filter((r) => ((JSON.parse(r.complaint) as Pick<Complaint, 'listings'>).listings ?? []).some((l) => l.url === url))
    .slice(0, limit)
    .map((r) => ({ number: r.number, status: r.status as CaseStatus }));
}

/** The sender's other cases, newest first: where the rights library looks for documents already received. */
export async function listEarlierCasesOf(db: Q, complainantEmail: string, excludeId: number, limit = 20): Promise<Array<{ id: number; number: string; complaint: string }>> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'number', 'complaint'])
    .where('complainant_email', '=', complainantEmail)
    .where('id', '!=', excludeId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), number: r.number, complaint: r.complaint }));
}
