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

export interface AttachmentInfo {
  messageId: number;
  sha256: string;
  filename: string | null;
  contentType: string;
  size: number;
  text: string | null;
  problem: string | null;
  stored: boolean;
}

export async function listCaseAttachments(db: Q, caseId: number): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachments')
    .innerJoin('case_messages', 'case_messages.message_id', 'attachments.message_id')
    .selectAll('attachments')
    .where('case_messages.case_id', '=', caseId)
    .orderBy('attachments.id')
    .execute();
  return rows.map((r) => ({
    messageId: Number(r.message_id),
    sha256: r.sha256,
    filename: r.filename,
    contentType: r.content_type,
    size: Number(r.size),
    text: r.text,
    problem: r.problem,
    stored: !!r.stored,
  }));
}

/** Cases that share the sender, the rights owner or a listing URL with this one. */
export async function listRelatedCases(db: Q, c: Case, limit = 20): Promise<Array<{ case: Case; why: string }>> {
  const found = new Map<number, { case: Case; why: string }>();
  const add = (rows: Parameters<typeof toCase>[0][], why: string) => {
    for (const row of rows) if (Number(row.id) !== c.id && !found.has(Number(row.id))) found.set(Number(row.id), { case: toCase(row), why });
  };
  const base = () => db.selectFrom('cases').selectAll().orderBy('id', 'desc').limit(limit);
  if (c.parentCaseId) add(await base().where('id', '=', c.parentCaseId).execute(), 'answers');
  add(await base().where('parent_case_id', '=', c.id).execute(), 'counter-notice');
  if (c.complainantEmail) add(await base().where('complainant_email', '=', c.complainantEmail).execute(), 'same sender');
  if (c.rightsOwner) add(await base().where('rights_owner', '=', c.rightsOwner).execute(), 'same rights owner');
  for (const listing of c.complaint.listings.slice(0, 3)) {
    const needle = `%${JSON.stringify(listing.url).slice(1, -1).replace(/[%_\\]/g, '')}%`;
    add(await base().where('complaint', 'like', needle).execute(), 'same listing URL');
  }
  return [...found.values()].slice(0, limit);
}

/**
 * Whether the message that opened the case came from `origin` or an origin
 * starting with it followed by `:`. Later messages do not count: anyone can
 * add a message to a case by quoting its number.
 */
export async function caseOpenedFrom(db: Q, caseId: number, origin: string): Promise<boolean> {
  const first = await db
    .selectFrom('case_messages')
    .innerJoin('raw_messages', 'raw_messages.id', 'case_messages.message_id')
    .select('raw_messages.origin')
    .where('case_messages.case_id', '=', caseId)
    .orderBy('raw_messages.id')
    .limit(1)
    .executeTakeFirst();
  return !!first?.origin && (first.origin === origin || first.origin.startsWith(`${origin}:`));
}
