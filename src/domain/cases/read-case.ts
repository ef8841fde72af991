import { findSameListings, type SeenBefore } from './same-listings.js';
import { listRightsLibrary, type LibraryDocument } from './rights-library.js';
import type { Ctx } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { Case, CaseEvent, RawMessage } from '../schemas/index.js';
import { findCaseByNumber, listCaseEvents } from '../../store/repos/cases.js';
import { listCaseAttachments, listRelatedCases, type AttachmentInfo } from '../../store/repos/case-links.js';
import { listCaseMessages } from '../../store/repos/messages.js';
import { listListingDecisions } from '../../store/repos/listing-decisions.js';
import type { ListingDecision } from './listing-decision.js';

export interface CaseMessageView {
  id: number;
  channel: RawMessage['channel'];
  receivedAt: string;
  from: string | null;
  subject: string | null;
  text: string;
  /** The HTML part as sent; the console shows it only sanitised and sandboxed. */
  html: string | null;
}

export interface CaseFile {
  case: Case;
  events: CaseEvent[];
  messages: CaseMessageView[];
  attachments: AttachmentInfo[];
  decisions: Array<ListingDecision & { decidedAt: string; decidedBy: string }>;
  related: Array<{ case: Case; why: string }>;
  /** Listing URLs that other cases name too. */
  seenBefore: SeenBefore;
  /** Documents from the complainant's earlier cases that can be attached to this one. */
  library: LibraryDocument[];
}

async function viewMessage(ctx: Ctx, message: RawMessage): Promise<CaseMessageView> {
  try {
    const { read } = (await ctx.work.read(message, ctx.ownAddresses)).content;
    const from = read.from ? [read.from.name, read.from.address && `<${read.from.address}>`].filter(Boolean).join(' ') : null;
    return { id: message.id, channel: message.channel, receivedAt: message.receivedAt, from, subject: read.subject, text: read.text, html: read.html };
  } catch (error) {
    return { id: message.id, channel: message.channel, receivedAt: message.receivedAt, from: null, subject: null, text: `(could not be read: ${(error as Error).message})`, html: null };
  }
}

/** Everything a reviewer needs on one page: the case, its record, its messages and what is related. */
export async function readCase(ctx: Ctx, caseNumber: string): Promise<CaseFile> {
  const found = await findCaseByNumber(ctx.db, caseNumber);
  if (!found) throw new NotFoundError(`There is no case ${caseNumber}.`, { caseNumber });
  const [events, messages, attachments, decisions, related] = await Promise.all([
    listCaseEvents(ctx.db, found.id),
    listCaseMessages(ctx.db, found.id),
    listCaseAttachments(ctx.db, found.id),
    listListingDecisions(ctx.db, found.id),
    listRelatedCases(ctx.db, found),
  ]);
  const [seenBefore, library] = await Promise.all([findSameListings(ctx, found), listRightsLibrary(ctx, found, events)]);
  return { case: found, events, messages: await Promise.all(messages.map((m) => viewMessage(ctx, m))), attachments, decisions, related, seenBefore, library };
}

/** An attachment's bytes, only when it belongs to the case (no fishing by hash). */
export async function readCaseAttachment(ctx: Ctx, caseNumber: string, sha256: string): Promise<{ info: AttachmentInfo; bytes: Uint8Array }> {
  const found = await findCaseByNumber(ctx.db, caseNumber);
  const info = found ? (await listCaseAttachments(ctx.db, found.id)).find((a) => a.sha256 === sha256 && a.stored) : undefined;
  const bytes = info ? await ctx.files.get(sha256) : null;
  if (!info || !bytes) throw new NotFoundError('There is no such attachment on this case.');
  return { info, bytes };
}
