import { createHash } from 'node:crypto';
import type { Attachment } from 'mailparser';
import type { ReadAttachment } from '../../domain/messages/read-message.js';

export type { ReadAttachment };

export function describeAttachment(content: Buffer, contentType: string, filename: string | null): Omit<ReadAttachment, 'text' | 'problem'> {
  return { filename, contentType, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content };
}

export function readAttachment(attachment: Attachment): ReadAttachment {
  const content = attachment.content;
  const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase();
  const base = describeAttachment(content, contentType, attachment.filename ?? null);
  if (contentType.startsWith('text/plain')) return { ...base, text: content.toString('utf8'), problem: null };
  return { ...base, text: null, problem: null };
}
