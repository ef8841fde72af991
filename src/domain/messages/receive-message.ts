import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { Channel, RawMessage } from '../schemas/index.js';
import { findDuplicateMessage, insertMessage } from '../../store/repos/messages.js';

export interface ReceiveMessageInput {
  channel: Channel;
  raw: Uint8Array;
  /** Where it came from: `imap:INBOX:uidvalidity:uid`, a file name, a form id... */
  origin: string | null;
  /** Known Message-ID; read from the headers of an email when not given. */
  messageId?: string | null;
  /**
   * Set when the message was over the size the intake reads: `raw` then holds
   * only its first bytes, which are kept as a record and never processed.
   */
  oversized?: { size: number; limit: number };
}

/** How much of an oversized message is kept: enough for its headers and the start of its text. */
export const OVERSIZED_HEAD_BYTES = 64 * 1024;

export function oversizedError(oversized: { size: number; limit: number }, kept: number): string {
  return `message of ${oversized.size} bytes is over the ${oversized.limit}-byte intake limit: only its first ${kept} bytes were kept, it was not read`;
}

export interface ReceiveMessageResult {
  message: RawMessage;
  duplicate: boolean;
}

/** Reads the Message-ID from the header block without a full MIME parse. */
export function peekMessageId(raw: Uint8Array): string | null {
  const head = Buffer.from(raw.subarray(0, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:\s*(<[^>\r\n]+>|\S+)/im.exec(unfolded);
  return match?.[1]?.trim() ?? null;
}

/**
 * Keeps a message exactly as it arrived, before anything reads it. The same
 * bytes delivered again are a duplicate and nothing new is stored; different
 * bytes under a Message-ID seen before are a new message, kept, and flagged
 * on its case when it is processed.
 */
export async function receiveMessage(ctx: Ctx, input: ReceiveMessageInput): Promise<ReceiveMessageResult> {
  const sha256 = createHash('sha256').update(input.raw).digest('hex');
  const messageId = input.messageId !== undefined ? input.messageId : input.channel === 'email' ? peekMessageId(input.raw) : null;
  const existing = await findDuplicateMessage(ctx.db, sha256);
  if (existing) return { message: existing, duplicate: true };
  try {
    const message = await insertMessage(ctx.db, {
      channel: input.channel,
      receivedAt: ctx.now().toISOString(),
      sha256,
      messageId,
      origin: input.origin,
      raw: input.raw,
      failed: input.oversized ? oversizedError(input.oversized, input.raw.length) : undefined,
    });
    return { message, duplicate: false };
  } catch (error) {
    // Another intake stored the same bytes between our look-up and insert.
    const raced = await findDuplicateMessage(ctx.db, sha256);
    if (raced) return { message: raced, duplicate: true };
    throw error;
  }
}
