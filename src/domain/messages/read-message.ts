/**
 * A message as the desk reads it, whatever the transport: the shape the MIME
 * reader (src/intake/mime) produces and the domain consumes. The reader, the PDF
 * text extractor and the automated-mail classifier are ports (`UntrustedWork`
 * on the context), so the domain never depends on how bytes become this.
 */

export interface MailAddress {
  name: string | null;
  address: string | null;
}

export interface ReadAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  text: string | null;
  /** Why the text could not be read (broken PDF...), kept for the case record. PDF text is read later, on a bounded thread. */
  problem: string | null;
}

export interface ReadMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  date: string | null;
  /** The complainant's address: for a forwarded notice, the original sender. */
  from: MailAddress | null;
  replyTo: string | null;
  returnPath: string | null;
  headers: Record<string, string>;
  /** Every Authentication-Results header, topmost (last added) first. */
  authResults?: string[];
  text: string;
  html: string | null;
  attachments: ReadAttachment[];
  /** Problems met while reading (unknown charset, truncated part...); the message is still kept. */
  problems: string[];
  /** Set when a colleague forwarded the notice: who forwarded it, how, and what they wrote. */
  forwarded?: { by: MailAddress | null; via: 'attachment' | 'inline'; note: string } | null;
}

export type AutomatedKind = 'auto_reply' | 'bounce' | 'list' | 'own';

/** Whether a message was sent by a machine (RFC 3834): such a message is never answered. */
export type Automated =
  | { automated: false }
  | { automated: true; kind: AutomatedKind; reason: string; bouncedMessageId: string | null };
