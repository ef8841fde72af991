import type { Ctx } from '../domain/context.js';
import { commitPrepared, prepareMessage, processMessage, type Prepared, type ProcessOutcome } from '../domain/messages/process-message.js';
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

export interface IntakePipeline {
  /**
   * Stores the message now and starts reading it on the work threads; its
   * case is written later, in the order pushed. Resolves when there is room
   * for another, so a caller streaming a mailbox never holds more than
   * `window` messages in memory.
   */
  push(raw: Uint8Array, origin: string, done: (result: TakeInResult) => void): Promise<void>;
  /** Writes everything pushed, in order. */
  drain(): Promise<void>;
}

interface InFlight {
  ctx: Ctx;
  messageId: number;
  duplicate: boolean;
  prepared: Promise<Prepared>;
  done: (result: TakeInResult) => void;
}

/**
 * The intake of a stream of emails: storing and the case writes stay on this
 * thread, in arrival order; reading and parsing of the next messages runs on
 * the work threads meanwhile. Crash safety is that of `takeInEmail`: each
 * message is stored before it is read and settled in the transaction that
 * writes its case.
 */
export function createIntakePipeline(ctx: () => Ctx, window = 4): IntakePipeline {
  const inFlight: InFlight[] = [];
  async function writeOldest(): Promise<void> {
    const head = inFlight.shift();
    if (!head) return;
    const outcome = await commitPrepared(head.ctx, await head.prepared);
    head.done({ messageId: head.messageId, duplicate: head.duplicate, outcome });
  }
  return {
    async push(raw, origin, done) {
      const each = ctx();
      const { message, duplicate } = await receiveMessage(each, { channel: 'email', raw, origin });
      const prepared = prepareMessage(each, message);
      inFlight.push({ ctx: each, messageId: message.id, duplicate, prepared, done });
      while (inFlight.length >= window) await writeOldest();
    },
    async drain() {
      while (inFlight.length) await writeOldest();
    },
  };
}
