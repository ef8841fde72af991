import { z } from 'zod';
import { Complaint } from '../schemas/index.js';
import type { ReadMessage } from './read-message.js';

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
