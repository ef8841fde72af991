import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
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

/** What the intake needs from one email: addressing, threading headers, text and attachments. */
export interface ReadMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  date: string | null;
  from: { name: string | null; address: string | null } | null;
  replyTo: string | null;
  returnPath: string | null;
  headers: Record<string, string>;
  text: string;
  html: string | null;
  attachments: ReadAttachment[];
  /** Problems met while reading (unknown charset, truncated part...); the message is still kept. */
  problems: string[];
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): { name: string | null; address: string | null } | null {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const entry = list.flatMap((item) => item.value)[0];
  if (!entry) return null;
  return { name: entry.name || null, address: entry.address?.toLowerCase() ?? null };
}

function headerText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  if (typeof value === 'object' && 'value' in value) {
    const params = (value as { params?: Record<string, string> }).params ?? {};
    const rest = Object.entries(params).map(([k, v]) => `; ${k}=${v}`).join('');
    return `${String((value as { value: unknown }).value)}${rest}`;
  }
  return String(value);
}

async function readAttachment(attachment: Attachment): Promise<ReadAttachment> {
  const content = attachment.content;
  const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase();
  const filename = attachment.filename ?? null;
  const base = {
    filename,
    contentType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
  const isPdf = contentType === 'application/pdf' || /\.pdf$/i.test(filename ?? '');
  if (isPdf) {
    const result = await extractPdfText(content);
    return { ...base, text: result.text, problem: result.problem };
  }
  if (contentType.startsWith('text/plain')) return { ...base, text: content.toString('utf8'), problem: null };
  return { ...base, text: null, problem: null };
}

/**
 * Reads a raw RFC 5322 message. Never throws on malformed input: what cannot
 * be read is listed in `problems` so the case can say what went wrong.
 */
export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  const problems: string[] = [];
  const parsed = await simpleParser(raw, { skipImageLinks: true, keepCidLinks: false });
  const headers: Record<string, string> = {};
  for (const [key, value] of parsed.headers) headers[key.toLowerCase()] = headerText(value);
  const attachments: ReadAttachment[] = [];
  for (const attachment of parsed.attachments) {
    try {
      attachments.push(await readAttachment(attachment));
    } catch (error) {
      problems.push(`attachment ${attachment.filename ?? '(unnamed)'} could not be read: ${(error as Error).message}`);
    }
  }
  const references = Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [];
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  return {
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references,
    subject: parsed.subject ?? null,
    date: parsed.date ? parsed.date.toISOString() : null,
    from: firstAddress(parsed.from),
    replyTo: firstAddress(parsed.replyTo)?.address ?? null,
    returnPath: headers['return-path'] ?? null,
    headers,
    text: parsed.text ?? (typeof parsed.textAsHtml === 'string' ? parsed.textAsHtml : ''),
    html,
    attachments,
    problems,
  };
}
