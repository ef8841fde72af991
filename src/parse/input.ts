import { z } from 'zod';

/** An attachment as the intake hands it over: bytes are stored elsewhere, text was extracted upstream. */
export const NoticeAttachment = z.object({
  filename: z.string().nullable().default(null),
  contentType: z.string().default('application/octet-stream'),
  size: z.number().int().nonnegative().default(0),
  sha256: z.string().default(''),
  text: z.string().nullable().default(null),
});
export type NoticeAttachment = z.infer<typeof NoticeAttachment>;

export const NoticeSender = z.object({
  name: z.string().nullable().default(null),
  address: z.string().nullable().default(null),
});
export type NoticeSender = z.infer<typeof NoticeSender>;

/**
 * Everything the parser may look at. Channels (email, form, Slack) fill what
 * they have; the rest defaults so a bare `{ text }` is a valid input.
 */
export const NoticeInput = z.object({
  text: z.string(),
  html: z.string().nullable().default(null),
  subject: z.string().nullable().default(null),
  from: NoticeSender.nullable().default(null),
  /** Header names are matched case-insensitively. */
  headers: z.record(z.string(), z.string()).default({}),
  attachments: z.array(NoticeAttachment).default([]),
  /** Platform id chosen by the sender (form dropdown) or the mailbox it came to. */
  platformHint: z.string().nullable().default(null),
});
export type NoticeInput = z.infer<typeof NoticeInput>;
export type NoticeInputLike = z.input<typeof NoticeInput>;
