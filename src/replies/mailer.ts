/** One reply as it leaves: everything decided before sending, including its Message-ID. */
export interface OutgoingMail {
  from: string;
  /** Display name beside `from` in the From header. */
  fromName?: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** `<nd.…@our-domain>`, chosen and stored before the first attempt. */
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
  headers: Record<string, string>;
}

/**
 * Whether a failed send may be tried again. `retry`: the server refused
 * before taking the message (4xx, no connection). `permanent`: it refused it
 * for good (5xx). `unknown`: the connection broke while the message was on
 * the wire, so it may have been delivered: we do not risk a duplicate.
 */
export type SendFailure = 'retry' | 'permanent' | 'unknown';

export class SendError extends Error {
  constructor(message: string, readonly failure: SendFailure) {
    super(message);
  }
}

/** The one way mail leaves: SMTP, or `.eml` files when no SMTP server is configured. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Whether a message with this Message-ID is known to have left; null when the transport cannot tell. */
  wasSent(messageId: string): Promise<boolean | null>;
  close(): Promise<void>;
}
