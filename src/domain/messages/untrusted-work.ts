import type { Complaint, RawMessage } from '../schemas/index.js';
import type { MessageContent } from './read-content.js';
import type { Automated, MailAddress } from './read-message.js';

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

/**
 * A message read and, where nothing in it needs the PDF thread, parsed in the same step: `complaint` is null
 * when the message is automated mail (never parsed) or has a PDF whose text must be read first.
 */
export interface ReadAndParseOutcome extends ReadOutcome {
  complaint: Complaint | null;
}

export type StoredBytes = Pick<RawMessage, 'channel' | 'raw' | 'receivedAt'>;

/**
 * The port for every step that reads what a sender controls: the message
 * reader (MIME -> ReadMessage, with the automated-mail classification), the
 * PDF text extractor and the parser. Under Node they run in worker threads
 * with time and memory bounds (src/intake/untrusted); the Workers deployment
 * and tests run them inline (src/intake/untrusted/inline-work.ts).
 */
export interface UntrustedWork {
  read(message: StoredBytes, ownAddresses: readonly string[]): Promise<ReadOutcome>;
  pdfText(bytes: Uint8Array): Promise<{ text: string | null; problem: string | null }>;
  parse(request: ParseRequest): Promise<Complaint>;
  /**
   * `read`, then `parse` on the same thread when no attachment needs the PDF thread: one hand-over of the
   * message instead of two. Attachments over `maxAttachmentBytes` are not opened, as when they are stored.
   */
  readAndParse?(message: StoredBytes, ownAddresses: readonly string[], options: { maxAttachmentBytes: number }): Promise<ReadAndParseOutcome>;
}
