import type { Ctx } from '../context.js';
import type { EvidenceFile, StoredAttachment } from '../schemas/index.js';
import type { ReadAttachment } from './read-message.js';
import { WorkLimitError, type UntrustedWork } from './untrusted-work.js';

/** What the parser is told of an attachment: its text (PDF text) and its stored hash. */
export type ParserAttachment = { filename: string | null; contentType: string; size: number; sha256: string; text: string | null };

export interface KeptAttachments {
  records: Array<StoredAttachment & { stored: boolean }>;
  evidence: EvidenceFile[];
  forParser: ParserAttachment[];
}

/** PDFs above this are kept but not opened. */
export const MAX_PDF_BYTES_TO_READ = 20 * 1024 * 1024;
/** Time for the PDF text of one message, all files together; what is left over is kept unread. */
export const PDF_BUDGET_MS = 15_000;
/** Recorded on a file whose text was not read because of a bound; the file itself is kept. */
export const PDF_NOT_READ = 'text not read: too large or too slow';

function isPdf(a: ReadAttachment): boolean {
  return a.contentType === 'application/pdf' || /\.pdf$/i.test(a.filename ?? '') || a.content.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** Storing this attachment reads its PDF text first (on the PDF thread): it is within the size limit, a PDF, and not read yet. */
export function needsPdfText(attachment: ReadAttachment, maxAttachmentBytes: number): boolean {
  return attachment.size <= maxAttachmentBytes && attachment.text === null && attachment.problem === null && isPdf(attachment);
}

/**
 * What `storeAttachments` will tell the parser of attachments none of which needs PDF text (null when one
 * does), known before they are stored: the store keeps each under its SHA-256, which the reader computed.
 */
export function parserAttachmentsBeforeStoring(attachments: readonly ReadAttachment[], maxAttachmentBytes: number): ParserAttachment[] | null {
  if (attachments.some((a) => needsPdfText(a, maxAttachmentBytes))) return null;
  return attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, text: a.text }));
}

async function pdfText(work: UntrustedWork, attachment: ReadAttachment, deadline: number): Promise<{ text: string | null; problem: string | null }> {
  if (attachment.size > MAX_PDF_BYTES_TO_READ || Date.now() >= deadline) return { text: null, problem: PDF_NOT_READ };
  try {
    return await work.pdfText(attachment.content);
  } catch (error) {
    if (error instanceof WorkLimitError) return { text: null, problem: `${PDF_NOT_READ} (${error.message})` };
    return { text: null, problem: `PDF text could not be read: ${(error as Error).message}` };
  }
}

/**
 * Keeps each attachment content-addressed. One that is too large is recorded
 * with the reason and not kept; one that cannot be read (or not within its
 * bounds) is kept, marked, and still counts as evidence the sender gave us.
 */
export async function storeAttachments(ctx: Ctx, attachments: ReadAttachment[], work: UntrustedWork): Promise<KeptAttachments> {
  const kept: KeptAttachments = { records: [], evidence: [], forParser: [] };
  const deadline = Date.now() + PDF_BUDGET_MS;
  for (const attachment of attachments) {
    const tooLarge = attachment.size > ctx.limits.maxAttachmentBytes;
    let { text, problem } = attachment;
    if (needsPdfText(attachment, ctx.limits.maxAttachmentBytes)) ({ text, problem } = await pdfText(work, attachment, deadline));
    if (tooLarge) problem = `not kept: ${attachment.size} bytes is over the ${ctx.limits.maxAttachmentBytes}-byte limit`;
    const sha256 = tooLarge ? attachment.sha256 : await ctx.files.put(attachment.content);
    const meta = { sha256, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size };
    kept.records.push({ ...meta, text, problem, stored: !tooLarge });
    if (!tooLarge) kept.evidence.push(meta);
    kept.forParser.push({ ...meta, text });
  }
  return kept;
}
