import type { ReadMessage } from '../../domain/messages/read-message.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { htmlToText } from '../../parse/html.js';
import { readAttachment, type ReadAttachment } from './attachments.js';
import { unknownCharsets } from './charsets.js';
import { findInlineForward } from './forwarded.js';
import { firstAddress, headerText, rawReturnPath, type MailAddress } from './headers.js';

export type { ReadAttachment } from './attachments.js';
export type { MailAddress } from './headers.js';

/** What the intake needs from one email: addressing, threading headers, text and attachments. */
export type { ReadMessage };

/** Bodies beyond this are cut: no notice is that long, and regexes downstream stay fast. */
export const MAX_TEXT_CHARS = 1_000_000;
const MAX_FORWARD_DEPTH = 3;

function bodyText(parsed: ParsedMail, problems: string[]): { text: string; html: string | null } {
  let html = typeof parsed.html === 'string' ? parsed.html : null;
  if (html && html.length > 4 * MAX_TEXT_CHARS) {
    problems.push(`HTML body of ${html.length} characters cut to ${4 * MAX_TEXT_CHARS}`);
    html = html.slice(0, 4 * MAX_TEXT_CHARS);
  }
  let text = parsed.text ?? '';
  // mailparser gives up on deeply nested or hostile HTML and leaves no text at all.
  if (!text.trim() && html) text = htmlToText(html);
  if (text.length > MAX_TEXT_CHARS) {
    problems.push(`text body of ${text.length} characters cut to ${MAX_TEXT_CHARS}`);
    text = text.slice(0, MAX_TEXT_CHARS);
  }
  return { text, html };
}

async function readParts(parsed: ParsedMail, problems: string[]): Promise<{ attachments: ReadAttachment[]; enclosed: Buffer[] }> {
  const attachments: ReadAttachment[] = [];
  const enclosed: Buffer[] = [];
  for (const attachment of parsed.attachments) {
    if ((attachment.contentType || '').toLowerCase() === 'message/rfc822') enclosed.push(attachment.content);
    try {
      attachments.push(readAttachment(attachment));
    } catch (error) {
      problems.push(`attachment ${attachment.filename ?? '(unnamed)'} could not be read: ${(error as Error).message}`);
    }
  }
  return { attachments, enclosed };
}

async function read(raw: Buffer, depth: number): Promise<ReadMessage> {
  const problems: string[] = unknownCharsets(raw).map((charset) => `unknown charset ${charset}: text read as UTF-8 and may be garbled`);
  const parsed = await simpleParser(raw, { skipImageLinks: true, keepCidLinks: false, maxHtmlLengthToParse: 4 * MAX_TEXT_CHARS });
  const headers: Record<string, string> = {};
  for (const [key, value] of parsed.headers) headers[key.toLowerCase()] = headerText(value);
  // mailparser folds List-* into one `list` object; the rules want each header as written.
  delete headers.list;
  for (const { key, line } of parsed.headerLines) {
    if (!(key in headers)) headers[key] = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  }
  const authResults = parsed.headerLines
    .filter(({ key }) => key === 'authentication-results')
    .map(({ line }) => line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  const { text, html } = bodyText(parsed, problems);
  const { attachments, enclosed } = await readParts(parsed, problems);
  const references = Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [];
  const message: ReadMessage = {
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references,
    subject: parsed.subject ?? null,
    date: parsed.date ? parsed.date.toISOString() : null,
    from: firstAddress(parsed.from),
    replyTo: firstAddress(parsed.replyTo)?.address ?? null,
    returnPath: rawReturnPath(raw),
    headers,
    authResults,
    text,
    html,
    attachments,
    problems,
    forwarded: null,
  };
  const [first] = enclosed;
  if (first && depth < MAX_FORWARD_DEPTH) return adoptEnclosed(message, await read(first, depth + 1));
  return adoptInline(message);
}

/** A notice forwarded as an attachment: its sender, text and files are the complaint. */
function adoptEnclosed(outer: ReadMessage, inner: ReadMessage): ReadMessage {
  const own = outer.attachments.filter((a) => a.contentType !== 'message/rfc822');
  return {
    ...outer,
    from: inner.from ?? outer.from,
    replyTo: inner.replyTo,
    text: inner.text,
    html: inner.html,
    attachments: [...own, ...inner.attachments],
    problems: [...outer.problems, ...inner.problems],
    forwarded: { by: outer.from, via: 'attachment', note: outer.text.trim() },
  };
}

function adoptInline(message: ReadMessage): ReadMessage {
  const original = findInlineForward(message.text, message.subject);
  if (!original) return message;
  return {
    ...message,
    from: original.from,
    replyTo: null,
    text: original.text,
    forwarded: { by: message.from, via: 'inline', note: original.note },
  };
}

/**
 * Reads a raw RFC 5322 message. Never throws on malformed input: what cannot
 * be read is listed in `problems` so the case can say what went wrong.
 */
export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  try {
    return await read(raw, 0);
  } catch (error) {
    const text = raw.subarray(0, MAX_TEXT_CHARS).toString('utf8');
    return {
      messageId: null, inReplyTo: null, references: [], subject: null, date: null, from: null, replyTo: null,
      returnPath: rawReturnPath(raw), headers: {}, text, html: null, attachments: [], forwarded: null,
      problems: [`message could not be parsed as MIME (${(error as Error).message}); kept as plain text`],
    };
  }
}
