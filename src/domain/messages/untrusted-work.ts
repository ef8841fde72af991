import { classifyAutomated, type Automated } from '../../intake/automated.js';
import { extractPdfText } from '../../intake/mime/pdf-text.js';
import { stripOwnQuotedHistory } from '../../intake/mime/quoted-history.js';
import type { MailAddress } from '../../intake/mime/read-message.js';
import { parseNotice } from '../../parse/index.js';
import type { PlatformProfile } from '../../rules/platform-profile.js';
import type { Complaint, RawMessage } from '../schemas/index.js';
import { readContent, type MessageContent } from './read-content.js';

/** A step on untrusted input went over its time or memory bound; what it ran on is kept, not read. */
export class WorkLimitError extends Error {
  constructor(
    message: string,
    readonly limit: 'time' | 'memory' | 'crash',
  ) {
    super(message);
    this.name = 'WorkLimitError';
  }
}

export interface ReadOutcome {
  content: MessageContent;
  /** Only classified for email; structured channels are never automated mail. */
  automated: Automated;
}

export interface ParseRequest {
  text: string;
  html: string | null;
  subject: string | null;
  from: MailAddress | null;
  headers: Record<string, string>;
  attachments: Array<{ filename: string | null; contentType: string; size: number; sha256: string; text: string | null }>;
  platformHint: string | null;
  ownAddresses: readonly string[];
}

export type StoredBytes = Pick<RawMessage, 'channel' | 'raw' | 'receivedAt'>;

/**
 * Every step that reads what a sender controls: MIME, PDF text, the parser.
 * Under Node they run in worker threads with time and memory bounds
 * (src/intake/untrusted); elsewhere (tests of the pure steps, the Workers
 * deployment) they run inline.
 */
export interface UntrustedWork {
  read(message: StoredBytes, ownAddresses: readonly string[]): Promise<ReadOutcome>;
  pdfText(bytes: Uint8Array): Promise<{ text: string | null; problem: string | null }>;
  parse(request: ParseRequest): Promise<Complaint>;
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

/** The same steps on the calling thread, unbounded: for callers that have no threads. */
export function inlineWork(platforms: readonly PlatformProfile[]): UntrustedWork {
  return {
    read: readStored,
    pdfText: (bytes) => extractPdfText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    parse: async (request) => parseRequest(request, platforms),
  };
}
