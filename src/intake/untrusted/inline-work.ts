import type { ParseRequest, ReadAndParseOutcome, ReadOutcome, StoredBytes, UntrustedWork } from '../../domain/messages/untrusted-work.js';
import { parserAttachmentsBeforeStoring } from '../../domain/messages/store-attachments.js';
import type { Automated } from '../../domain/messages/read-message.js';
import { StructuredSubmission, type MessageContent } from '../../domain/messages/read-content.js';
import type { Complaint } from '../../domain/schemas/index.js';
import { parseNotice } from '../../parse/index.js';
import type { PlatformProfile } from '../../rules/platform-profile.js';
import { classifyAutomated } from '../automated.js';
import { readMessage } from '../mime/read-message.js';
import { stripOwnQuotedHistory } from '../mime/quoted-history.js';

/** Reads a PDF's text, or says why it was not read. */
export type PdfText = UntrustedWork['pdfText'];

/** Turns stored bytes into what the parser and the threading rules need: MIME for email, the stored JSON otherwise. */
export async function readContent(message: StoredBytes): Promise<MessageContent> {
  const bytes = Buffer.from(message.raw);
  if (message.channel === 'email') return { read: await readMessage(bytes), overrides: {}, platformHint: null };
  return readSubmission(bytes, message.receivedAt);
}

function readSubmission(bytes: Buffer, receivedAt: string): MessageContent {
  const submission = StructuredSubmission.parse(JSON.parse(bytes.toString('utf8')));
  const attachments = submission.attachments.map((a) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    return { filename: a.filename, contentType: a.contentType, size: content.length, sha256: '', content, text: null, problem: null };
  });
  return {
    read: {
      messageId: null,
      inReplyTo: null,
      references: [],
      subject: submission.subject,
      date: receivedAt,
      from: submission.from,
      replyTo: null,
      returnPath: null,
      headers: {},
      text: submission.text,
      html: null,
      attachments,
      problems: [],
    },
    overrides: submission.overrides,
    platformHint: submission.platform,
  };
}

export async function readStored(message: StoredBytes, ownAddresses: readonly string[]): Promise<ReadOutcome> {
  const content = await readContent(message);
  const automated: Automated = message.channel === 'email' ? classifyAutomated(content.read, [...ownAddresses]) : { automated: false };
  return { content, automated };
}

export function parseRequest(request: ParseRequest, platforms: readonly PlatformProfile[]): Complaint {
  // What the sender wrote, without a quotation of our own reply (which spells out the statements we asked for).
  const own = stripOwnQuotedHistory(request.text, request.ownAddresses);
  return parseNotice(
    {
      text: own.text,
      html: own.quoted === null ? request.html : null,
      subject: request.subject,
      from: request.from,
      headers: request.headers,
      attachments: request.attachments,
      platformHint: request.platformHint,
    },
    { platforms: [...platforms] },
  );
}

/**
 * The untrusted steps on the calling thread, unbounded: inside the bounded
 * threads themselves, in tests of the pure steps, and where there are no
 * threads (the Workers deployment, which brings its own PDF reader).
 */
export function inlineWork(platforms: readonly PlatformProfile[], pdfText: PdfText): UntrustedWork {
  return { read: readStored, pdfText, parse: async (request) => parseRequest(request, platforms), readAndParse: (message, own, limits) => readAndParse(message, own, limits, platforms) };
}

/** Reads the message and, unless it is automated mail or has a PDF to read first, parses it on this thread. */
export async function readAndParse(
  message: StoredBytes,
  ownAddresses: readonly string[],
  limits: { maxAttachmentBytes: number },
  platforms: readonly PlatformProfile[],
  /** Called as parsing starts (a thread tells its pool, which bounds parsing on its own). */
  parsing: () => void = () => undefined,
): Promise<ReadAndParseOutcome> {
  const outcome = await readStored(message, ownAddresses);
  const { read, platformHint } = outcome.content;
  const attachments = outcome.automated.automated ? null : parserAttachmentsBeforeStoring(read.attachments, limits.maxAttachmentBytes);
  if (!attachments) return { ...outcome, complaint: null };
  parsing();
  const complaint = parseRequest({ text: read.text, html: read.html, subject: read.subject, from: read.from, headers: read.headers, attachments, platformHint, ownAddresses }, platforms);
  return { ...outcome, complaint };
}
