import { z } from 'zod';
import { readMessage, type ReadMessage } from '../../intake/mime/read-message.js';
import { Complaint, type RawMessage } from '../schemas/index.js';

/**
 * Structured channels (form, API, Slack) store their submission as JSON: the
 * text the parser reads plus the fields the sender chose explicitly, which
 * win over anything parsed from the text.
 */
export const StructuredSubmission = z.object({
  subject: z.string().nullable().default(null),
  text: z.string(),
  from: z.object({ name: z.string().nullable(), address: z.string().nullable() }).nullable().default(null),
  platform: z.string().nullable().default(null),
  overrides: Complaint.partial().default({}),
  attachments: z
    .array(z.object({ filename: z.string().nullable(), contentType: z.string(), contentBase64: z.string() }))
    .default([]),
});
export type StructuredSubmission = z.infer<typeof StructuredSubmission>;

export interface MessageContent {
  read: ReadMessage;
  overrides: Partial<Complaint>;
  platformHint: string | null;
}

/** Turns stored bytes into what the parser and the threading rules need. */
export async function readContent(message: Pick<RawMessage, 'channel' | 'raw' | 'receivedAt'>): Promise<MessageContent> {
  const bytes = Buffer.from(message.raw);
  if (message.channel === 'email') {
    return { read: await readMessage(bytes), overrides: {}, platformHint: null };
  }
  const submission = StructuredSubmission.parse(JSON.parse(bytes.toString('utf8')));
  const attachments = submission.attachments.map((a) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    return { filename: a.filename, contentType: a.contentType, size: content.length, sha256: '', content, text: null, problem: null };
  });
  const read: ReadMessage = {
    messageId: null,
    inReplyTo: null,
    references: [],
    subject: submission.subject,
    date: message.receivedAt,
    from: submission.from,
    replyTo: null,
    returnPath: null,
    headers: {},
    text: submission.text,
    html: null,
    attachments,
    problems: [],
  };
  return { read, overrides: submission.overrides, platformHint: submission.platform };
}
