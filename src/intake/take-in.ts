import type { Ctx } from '../domain/context.js';
import { processMessage, type ProcessOutcome } from '../domain/messages/process-message.js';
import { receiveMessage } from '../domain/messages/receive-message.js';

export interface TakeInResult {
  messageId: number;
  duplicate: boolean;
  outcome: ProcessOutcome;
}

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
