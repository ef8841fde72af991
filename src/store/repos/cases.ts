import type { Kysely, Transaction } from 'kysely';
import { Case, CaseEvent, NEEDS_ACTION, type Actor, type CaseStatus, type Complaint } from '../../domain/schemas/index.js';
import type { CaseEventRow, CaseRow, CaseUpdate, Database, NewCaseRow } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

export function toCase(row: CaseRow): Case {
  return Case.parse({
    id: Number(row.id),
    number: row.number,
    status: row.status,
    kind: row.kind,
    platform: row.platform,
    assignee: row.assignee,
    complainantEmail: row.complainant_email,
    rightsOwner: row.rights_owner,
    parentCaseId: row.parent_case_id == null ? null : Number(row.parent_case_id),
    complaint: JSON.parse(row.complaint),
    findings: JSON.parse(row.findings),
    dueAt: row.due_at,
    slaDueAt: row.sla_due_at ?? null,
    trustedFlagger: Number(row.flag_rank ?? 1) === 0,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export function toCaseEvent(row: CaseEventRow): CaseEvent {
  return CaseEvent.parse({
    id: Number(row.id),
    caseId: Number(row.case_id),
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    type: row.type,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    data: JSON.parse(row.data),
  });
}

/** What the queue's search looks through: the parties, the subject, the listings and the registrations. */
export function searchTextOf(row: { number?: string | undefined; complainant_email?: string | null | undefined; rights_owner?: string | null | undefined; complaint: string }): string {
  const c = JSON.parse(row.complaint) as Partial<Complaint>;
  return [
    row.number,
    row.complainant_email,
    row.rights_owner,
    c.subject,
    c.complainant?.name,
    c.complainant?.organisation,
    c.complainant?.email,
    c.workDescription,
    ...(c.listings ?? []).map((l) => l.url),
    ...(c.iprs ?? []).map((i) => i.registrationNumber),
  ]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('\n');
}

/** The queue lists cases that need action (rank 0) before the rest (rank 1). */
export const queueRankOf = (status: string) => ((NEEDS_ACTION as readonly string[]).includes(status) ? 0 : 1);

export async function insertCase(db: Q, row: NewCaseRow): Promise<Case> {
  const values = { ...row, queue_rank: queueRankOf(row.status), search_text: searchTextOf(row) };
  const inserted = await db.insertInto('cases').values(values).returningAll().executeTakeFirstOrThrow();
  return toCase(inserted);
}

export async function findCaseById(db: Q, id: number): Promise<Case | null> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCase(row) : null;
}

export async function findCaseByNumber(db: Q, number: string): Promise<Case | null> {
  const row = await db.selectFrom('cases').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? toCase(row) : null;
}

/**
 * The one way a case changes: only when it is still at `expectedVersion`
 * (and, when given, in one of `fromStatuses`). Returns false when another
 * change got there first; the caller reports a conflict.
 */
export async function updateCaseIf(
  db: Q,
  id: number,
  expectedVersion: number,
  fromStatuses: readonly CaseStatus[] | null,
  changes: CaseUpdate,
): Promise<boolean> {
  const result = await (await conditionalUpdate(db, id, expectedVersion, fromStatuses, changes)).executeTakeFirst();
  // D1 counts the rows its triggers wrote (status counts, search index) with the case: any count means the case row changed.
  return Number(result.numUpdatedRows) > 0;
}

/**
 * `updateCaseIf`, answered with the case as changed, read by the same statement (no second query); null
 * when another change got there first.
 */
export async function updateCaseReturning(
  db: Q,
  id: number,
  expectedVersion: number,
  fromStatuses: readonly CaseStatus[] | null,
  changes: CaseUpdate,
): Promise<Case | null> {
  const row = await (await conditionalUpdate(db, id, expectedVersion, fromStatuses, changes)).returningAll().executeTakeFirst();
  return row ? toCase(row) : null;
}

async function conditionalUpdate(db: Q, id: number, expectedVersion: number, fromStatuses: readonly CaseStatus[] | null, changes: CaseUpdate) {
  const derived: CaseUpdate = {};
  if (changes.status) derived.queue_rank = queueRankOf(changes.status);
  if (changes.complaint) {
    const current = await db.selectFrom('cases').select(['number', 'complainant_email', 'rights_owner']).where('id', '=', id).executeTakeFirst();
    derived.search_text = searchTextOf({ ...current, ...changes, complaint: changes.complaint });
  }
  let query = db
    .updateTable('cases')
    .set({ ...changes, ...derived, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion);
  if (fromStatuses) query = query.where('status', 'in', [...fromStatuses]);
  return query;
}

export async function appendCaseEvent(
  db: Q,
  event: { caseId: number; at: string; actor: Actor; type: string; fromStatus: CaseStatus | null; toStatus: CaseStatus | null; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      at: event.at,
      actor_type: event.actor.type,
      actor_id: event.actor.id,
      actor_name: event.actor.name,
      type: event.type,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}

export async function listCaseEvents(db: Q, caseId: number): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(toCaseEvent);
}

/** Joins a message to a case; joining it again changes nothing. One statement (it runs for every message taken in). */
export async function linkMessageToCase(db: Q, caseId: number, messageId: number): Promise<void> {
  await db
    .insertInto('case_messages')
    .values({ case_id: caseId, message_id: messageId })
    .onConflict((oc) => oc.columns(['case_id', 'message_id']).doNothing())
    .execute();
}

export interface CaseListFilter {
  status?: CaseStatus | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listCases(db: Q, filter: CaseListFilter = {}): Promise<Case[]> {
  let query = db.selectFrom('cases').selectAll().orderBy('id', 'desc');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.limit) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  return (await query.execute()).map(toCase);
}

/**
 * Cases written before the queue's search column existed get it (and their
 * IPR type and queue rank) from their complaint, a batch at a time. Returns how many changed.
 */
export async function backfillQueueColumns(db: Kysely<Database>, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.selectFrom('cases').select(['id', 'number', 'status', 'complainant_email', 'rights_owner', 'complaint', 'ipr_type']).where('search_text', 'is', null).limit(batch).execute();
    if (!rows.length) return done;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const iprType = row.ipr_type ?? ((JSON.parse(row.complaint) as Partial<Complaint>).iprType ?? null);
        await trx.updateTable('cases').set({ search_text: searchTextOf(row), ipr_type: iprType, queue_rank: queueRankOf(row.status) }).where('id', '=', row.id).execute();
      }
    });
    done += rows.length;
  }
}

/** The newest notice whose complaint names `url` (a counter-notice or withdrawal names the listings of the notice it answers). */
export async function findLatestNoticeNaming(db: Q, url: string): Promise<number | null> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('kind', '=', 'notice')
    .where('complaint', 'like', `%${JSON.stringify(url).slice(1, -1).replace(/[%_]/g, '')}%`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** The data of a case's events of one type, oldest first. */
export async function listCaseEventData(db: Q, caseId: number, type: string): Promise<unknown[]> {
  const rows = await db.selectFrom('case_events').select('data').where('case_id', '=', caseId).where('type', '=', type).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.data) as unknown);
}

/** The cheapest read that proves the store answers (the health check). */
export async function pingStore(db: Q): Promise<void> {
  await db.selectFrom('cases').select('id').limit(1).execute();
}
