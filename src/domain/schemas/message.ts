import { z } from 'zod';

/** Where a message came in. Every channel goes through the same pipeline. */
export const Channel = z.enum(['email', 'form', 'slack', 'api']);
export type Channel = z.infer<typeof Channel>;

/** What happened to a stored message; `stored` means "kept, not yet handled". */
export const MessageState = z.enum(['stored', 'processed', 'failed', 'ignored']);
export type MessageState = z.infer<typeof MessageState>;

/**
 * A message exactly as it arrived. It is stored before anything parses it, so
 * a crash or a parser bug can never lose what a sender sent us.
 */
export const RawMessage = z.object({
  id: z.number().int().positive(),
  channel: Channel,
  receivedAt: z.string().datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  messageId: z.string().nullable(),
  /** Mailbox + UID, form submission id, Slack event id... where it came from. */
  origin: z.string().nullable(),
  raw: z.instanceof(Uint8Array),
  state: MessageState,
  error: z.string().nullable(),
  caseId: z.number().int().positive().nullable(),
});
export type RawMessage = z.infer<typeof RawMessage>;

export const NewRawMessage = RawMessage.pick({ channel: true, messageId: true, origin: true, raw: true }).extend({
  receivedAt: z.string().datetime().optional(),
});
export type NewRawMessage = z.infer<typeof NewRawMessage>;

/** A stored attachment; the bytes live content-addressed under data/attachments. */
export const StoredAttachment = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  /** Text extracted from it (PDF text), when any. */
  text: z.string().nullable(),
  /** Why it was not kept or read (too large, type not allowed, broken PDF...). */
  problem: z.string().nullable(),
});
export type StoredAttachment = z.infer<typeof StoredAttachment>;
