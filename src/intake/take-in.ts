import type { Ctx } from '../domain/context.js';
import { commitPreparedBatch, prepareMessage, processMessage, type Prepared, type ProcessOutcome } from '../domain/messages/process-message.js';
import { receiveMessage, type ReceiveMessageResult } from '../domain/messages/receive-message.js';

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
   * Stores the message (with the next few pushed, in one transaction) and
   * starts reading it on the work threads; its case is written later, in
   * the order pushed. Resolves when there is room
   * for another, so a caller streaming a mailbox never holds more than the
   * pipeline's window in memory.
   */
  push(raw: Uint8Array, origin: string, done: (result: TakeInResult) => void): Promise<void>;
  /** Stores and writes everything pushed, in order. */
  drain(): Promise<void>;
}

export interface PipelineOptions {
  /** Messages in hand at once (stored, being read, or waiting for their write). */
  window?: number;
  /** Bytes of messages in hand at once; a large message leaves room for fewer others. */
  windowBytes?: number;
  /** Messages written in one transaction at most. */
  maxBatch?: number;
  /** Messages stored in one transaction at most (as they stream in; what is pushed is stored by `drain` at the latest). */
  storeBatch?: number;
}

interface Unstored {
  ctx: Ctx;
  raw: Uint8Array;
  origin: string;
  done: (result: TakeInResult) => void;
}

/**
 * Stores messages as `receiveMessage` does, several in one transaction: on a busy intake each commit (and
 * the wait for the write lock the reply sender shares) costs more than the insert. When the transaction
 * fails (on PostgreSQL a duplicate stored by another intake meanwhile fails it whole), each is stored alone.
 */
async function receiveMessages(pending: readonly Unstored[]): Promise<ReceiveMessageResult[]> {
  const receive = (ctx: Ctx, p: Unstored) => receiveMessage(ctx, { channel: 'email', raw: p.raw, origin: p.origin });
  if (pending.length > 1) {
    try {
      return await pending[0]!.ctx.db.transaction().execute(async (trx) => {
        const results: ReceiveMessageResult[] = [];
        for (const p of pending) results.push(await receive({ ...p.ctx, db: trx }, p));
        return results;
      });
    } catch {
      // Rolled back whole: stored one by one below; what another intake stored meanwhile is a duplicate there.
    }
  }
  const results: ReceiveMessageResult[] = [];
  for (const p of pending) results.push(await receive(p.ctx, p));
  return results;
}

interface InFlight {
  ctx: Ctx;
  messageId: number;
  duplicate: boolean;
  bytes: number;
  prepared: Promise<Prepared>;
  ready: Prepared | null;
  done: (result: TakeInResult) => void;
}

/**
 * The intake of a stream of emails: storing and the case writes stay on this
 * thread, in arrival order; reading and parsing of the next messages runs on
 * the work threads meanwhile. A full window writes its older half, and
 * whatever else is ready, in one transaction, so a backlog pays for one
 * commit per batch instead of one per message. Crash safety is that of `takeInEmail`: each message is
 * stored before it is read, and settled in the transaction that writes its
 * case; a caller hears of a message (`done`) only once that has committed.
 */
export function createIntakePipeline(ctx: () => Ctx, options: PipelineOptions = {}): IntakePipeline {
  const { window = 32, windowBytes = 32 * 1024 * 1024, maxBatch = 32, storeBatch = 8 } = options;
  const inFlight: InFlight[] = [];
  let bytesInHand = 0;
  /**
   * Writes at least `least` messages from the head (waiting for them to be
   * read), and whatever else is ready behind them, in one transaction.
   */
  async function writeHead(least: number): Promise<void> {
    let count = Math.min(least, inFlight.length, maxBatch);
    for (let i = 0; i < count; i++) inFlight[i]!.ready = await inFlight[i]!.prepared;
    while (count < inFlight.length && count < maxBatch && inFlight[count]!.ready) count++;
    const batch = inFlight.splice(0, count);
    const outcomes = await commitPreparedBatch(batch.map((entry) => ({ ctx: entry.ctx, prepared: entry.ready! })));
    batch.forEach((entry, i) => {
      bytesInHand -= entry.bytes;
      entry.done({ messageId: entry.messageId, duplicate: entry.duplicate, outcome: outcomes[i]! });
    });
  }
  // A full window writes its older half while the threads read the newer half.
  const half = Math.max(1, Math.floor(window / 2));
  let unstored: Unstored[] = [];
  /** Stores what was pushed, in one transaction, and starts reading each on the work threads. */
  async function store(): Promise<void> {
    const pending = unstored;
    unstored = [];
    if (!pending.length) return;
    const results = await receiveMessages(pending);
    pending.forEach((p, i) => {
      const { message, duplicate } = results[i]!;
      const prepared = prepareMessage(p.ctx, message).catch((error: unknown): Prepared => ({ kind: 'failed', message, error: error instanceof Error ? error.message : String(error) }));
      const entry: InFlight = { ctx: p.ctx, messageId: message.id, duplicate, bytes: p.raw.byteLength, prepared, ready: null, done: p.done };
      void prepared.then((ready) => (entry.ready = ready));
      inFlight.push(entry);
    });
  }
  return {
    async push(raw, origin, done) {
      unstored.push({ ctx: ctx(), raw, origin, done });
      bytesInHand += raw.byteLength;
      // Stored in small batches, so the threads get the first messages while the next ones stream in.
      if (unstored.length >= storeBatch || bytesInHand > windowBytes) await store();
      if (inFlight.length >= window) await writeHead(half);
      // Large messages: write until the bytes in hand fit again.
      while (bytesInHand > windowBytes && inFlight.length > 0) await writeHead(1);
    },
    async drain() {
      await store();
      while (inFlight.length) await writeHead(inFlight.length);
    },
  };
}
