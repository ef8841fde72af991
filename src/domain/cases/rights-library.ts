import { z } from 'zod';
import type { Ctx } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { CaseNumber, type Case, type CaseEvent, type Complaint, type DocumentKind } from '../schemas/index.js';
import { appendCaseEvent, findCaseByNumber, listCaseEventData } from '../../store/repos/cases.js';
import { listCaseAttachments } from '../../store/repos/case-links.js';
import { listEarlierCasesOf } from '../../store/repos/case-queue.js';
import { loadCase, parseInput, requireReviewer } from './review-support.js';

/** Documents worth reusing: who the owner is, what right it holds, who may act for it. */
const REUSABLE: readonly DocumentKind[] = ['ipr_certificate', 'renewal_or_assignment', 'authorization', 'identity', 'business_licence', 'copyright_claim_statement'];

export interface LibraryDocument {
  fromCase: string;
  sha256: string;
  filename: string | null;
  kind: DocumentKind;
  expiresOn: string | null;
  expired: boolean;
  /** Already attached to this case by a reviewer. */
  attached: boolean;
}

/**
 * The complainant's rights library: certificates, authorizations and
 * identity documents found in attachments of their earlier cases, with
 * their expiry, newest case first. A document read from an attachment names
 * it in its evidence (`attachment:<file name or hash prefix>`).
 */
export async function listRightsLibrary(ctx: Ctx, c: Case, events: readonly CaseEvent[]): Promise<LibraryDocument[]> {
  if (!c.complainantEmail) return [];
  const attached = new Set(events.filter((e) => e.type === 'library_document_attached').map((e) => `${e.data.fromCase}/${e.data.sha256}`));
  const today = ctx.now().toISOString().slice(0, 10);
  const out: LibraryDocument[] = [];
  const seen = new Set<string>();
  for (const earlier of await listEarlierCasesOf(ctx.db, c.complainantEmail, c.id)) {
    const documents = (JSON.parse(earlier.complaint) as Pick<Complaint, 'documents'>).documents ?? [];
    const files = (await listCaseAttachments(ctx.db, earlier.id)).filter((a) => a.stored);
    for (const d of documents) {
      if (d.foundIn !== 'attachment' || !REUSABLE.includes(d.kind) || !d.evidence?.source.startsWith('attachment:')) continue;
      const name = d.evidence.source.slice('attachment:'.length);
      const file = files.find((a) => a.filename === name || a.sha256.startsWith(name));
      if (!file || seen.has(`${file.sha256}/${d.kind}`)) continue;
      seen.add(`${file.sha256}/${d.kind}`);
      out.push({
        fromCase: earlier.number,
        sha256: file.sha256,
        filename: file.filename,
        kind: d.kind,
        expiresOn: d.expiresOn,
        expired: d.expiresOn !== null && d.expiresOn < today,
        attached: attached.has(`${earlier.number}/${file.sha256}`),
      });
    }
  }
  return out;
}

export const AttachLibraryInput = z.object({ caseNumber: CaseNumber, fromCase: CaseNumber, sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type AttachLibraryInput = z.input<typeof AttachLibraryInput>;

/**
 * Attaches a document from the library to this case: recorded in the case's
 * record (kind, expiry, the case it came from) for the reviewer's decision.
 * Only a document of this complainant's library can be attached, once.
 */
export async function attachLibraryDocument(ctx: Ctx, raw: AttachLibraryInput): Promise<LibraryDocument> {
  const input = parseInput(AttachLibraryInput, raw);
  requireReviewer(ctx);
  const target = await findCaseByNumber(ctx.db, input.caseNumber);
  if (!target) throw new NotFoundError(`There is no case ${input.caseNumber}.`);
  const doc = (await listRightsLibrary(ctx, target, [])).find((d) => d.fromCase === input.fromCase && d.sha256 === input.sha256);
  if (!doc) throw new NotFoundError(`${input.fromCase} holds no such document of this complainant.`, { fields: { sha256: 'not in the library' } });
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, { caseNumber: input.caseNumber });
    const already = (await listCaseEventData(trx, current.id, 'library_document_attached')) as Array<{ fromCase?: string; sha256?: string }>;
    if (already.some((d) => d.fromCase === doc.fromCase && d.sha256 === doc.sha256)) {
      throw new ConflictError(`That document is already attached to ${current.number}.`);
    }
    await appendCaseEvent(trx, {
      caseId: current.id,
      at: ctx.now().toISOString(),
      actor: ctx.actor,
      type: 'library_document_attached',
      fromStatus: null,
      toStatus: null,
      data: { fromCase: doc.fromCase, sha256: doc.sha256, filename: doc.filename, kind: doc.kind, expiresOn: doc.expiresOn, expired: doc.expired },
    });
    return { ...doc, attached: true };
  });
}
