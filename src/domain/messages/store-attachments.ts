import type { Ctx } from '../context.js';
import type { EvidenceFile, StoredAttachment } from '../schemas/index.js';
import type { ReadAttachment } from './read-message.js';
import { WorkLimitError, type UntrustedWork } from './untrusted-work.js';

export interface KeptAttachments {
  records: Array<StoredAttachment & { stored: boolean }>;
  evidence: EvidenceFile[];
  /** Text per attachment for the parser (PDF text), with its stored hash. */
  forParser: Array<{ filename: string | null; contentType: string; size: number; sha256: string; text: string | null }>;
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
    if (!tooLarge && text === null && problem === null && isPdf(attachment)) ({ text, problem } = await pdfText(work, attachment, deadline));
    if (tooLarge) problem = `not kept: ${attachment.size} bytes is over the ${ctx.limits.maxAttachmentBytes}-byte limit`;
    const sha256 = tooLarge ? attachment.sha256 : await ctx.files.put(attachment.content);
    const meta = { sha256, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size };
    kept.records.push({ ...meta, text, problem, stored: !tooLarge });
    if (!tooLarge) kept.evidence.push(meta);
    kept.forParser.push({ ...meta, text });
  }
  return kept;
}
