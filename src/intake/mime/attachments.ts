import { createHash } from 'node:crypto';
import type { Attachment } from 'mailparser';
import { extractPdfText } from './pdf-text.js';

/** One attachment as read from MIME, with its bytes and any text we could extract. */
export interface ReadAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  text: string | null;
  /** Why the text could not be read (broken PDF...), kept for the case record. */
  problem: string | null;
}

/** PDFs above this are kept but not opened: pdf.js on a huge or crafted file can take minutes. */
export const MAX_PDF_BYTES_TO_READ = 20 * 1024 * 1024;
const PDF_TIMEOUT_MS = 20_000;

function isPdf(contentType: string, filename: string | null, content: Buffer): boolean {
  return contentType === 'application/pdf' || /\.pdf$/i.test(filename ?? '') || content.subarray(0, 5).toString('latin1') === '%PDF-';
}

async function pdfText(content: Buffer): Promise<{ text: string | null; problem: string | null }> {
  if (content.length > MAX_PDF_BYTES_TO_READ) return { text: null, problem: `PDF of ${content.length} bytes not read: over ${MAX_PDF_BYTES_TO_READ} bytes` };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ text: null; problem: string }>((resolve) => {
    timer = setTimeout(() => resolve({ text: null, problem: `PDF text not read within ${PDF_TIMEOUT_MS / 1000} s` }), PDF_TIMEOUT_MS);
  });
  try {
    return await Promise.race([extractPdfText(content), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeAttachment(content: Buffer, contentType: string, filename: string | null): Omit<ReadAttachment, 'text' | 'problem'> {
  return { filename, contentType, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content };
}

export async function readAttachment(attachment: Attachment): Promise<ReadAttachment> {
  const content = attachment.content;
  const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase();
  const base = describeAttachment(content, contentType, attachment.filename ?? null);
  if (isPdf(contentType, base.filename, content)) return { ...base, ...(await pdfText(content)) };
  if (contentType.startsWith('text/plain')) return { ...base, text: content.toString('utf8'), problem: null };
  return { ...base, text: null, problem: null };
}
