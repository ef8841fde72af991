import type { Ctx } from '../domain/context.js';
import { processMessage, type ProcessOutcome } from '../domain/messages/process-message.js';
import { receiveMessage } from '../domain/messages/receive-message.js';

export interface TakeInResult {
  messageId: number;
  duplicate: boolean;
  outcome: ProcessOutcome;
}

/** Whole messages above this are not read into memory (50 MB: more than mail servers usually accept). */
export const DEFAULT_MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

/**
 * The one path for every email, whatever brought it: keep the bytes first,
 * then process. Both steps are idempotent, so a message seen again after a
 * crash is finished, never doubled.
 */
export async function takeInEmail(ctx: Ctx, raw: Uint8Array, origin: string): Promise<TakeInResult> {
  const { message, duplicate } = await receiveMessage(ctx, { channel: 'email', raw, origin });
  const outcome = await processMessage(ctx, message.id);
  return { messageId: message.id, duplicate, outcome };
}

/**
 * A message over the size limit: its first bytes are kept as the record,
 * marked failed with the reason, and nothing else reads it. Seen again, the
 * same first bytes are recognised as a duplicate.
 */
export async function takeInOversizedEmail(ctx: Ctx, head: Uint8Array, oversized: { size: number; limit: number }, origin: string): Promise<TakeInResult> {
  const { message, duplicate } = await receiveMessage(ctx, { channel: 'email', raw: head, origin, oversized });
  return { messageId: message.id, duplicate, outcome: { status: 'failed', error: message.error ?? 'over the size limit' } };
}
