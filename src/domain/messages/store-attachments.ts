import type { Ctx } from '../context.js';
import type { EvidenceFile, StoredAttachment } from '../schemas/index.js';
import type { ReadAttachment } from '../../intake/mime/read-message.js';
import { extractPdfText } from '../../intake/mime/pdf-text.js';

export interface KeptAttachments {
  records: Array<StoredAttachment & { stored: boolean }>;
  evidence: EvidenceFile[];
  /** Text per attachment for the parser (PDF text), with its stored hash. */
  forParser: Array<{ filename: string | null; contentType: string; size: number; sha256: string; text: string | null }>;
}

function isPdf(a: ReadAttachment): boolean {
  return a.contentType === 'application/pdf' || /\.pdf$/i.test(a.filename ?? '');
}

/**
 * Keeps each attachment content-addressed. One that is too large is recorded
 * with the reason and not kept; one that cannot be read still counts as
 * evidence the sender gave us.
 */
export async function storeAttachments(ctx: Ctx, attachments: ReadAttachment[]): Promise<KeptAttachments> {
  const kept: KeptAttachments = { records: [], evidence: [], forParser: [] };
  for (const attachment of attachments) {
    const tooLarge = attachment.size > ctx.limits.maxAttachmentBytes;
    let { text, problem } = attachment;
    if (!tooLarge && text === null && problem === null && isPdf(attachment)) {
      ({ text, problem } = await extractPdfText(attachment.content));
    }
    if (tooLarge) problem = `not kept: ${attachment.size} bytes is over the ${ctx.limits.maxAttachmentBytes}-byte limit`;
    const sha256 = tooLarge ? attachment.sha256 : await ctx.files.put(attachment.content);
    const meta = { sha256, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size };
    kept.records.push({ ...meta, text, problem, stored: !tooLarge });
    if (!tooLarge) kept.evidence.push(meta);
    kept.forParser.push({ ...meta, text });
  }
  return kept;
}
