import type { ReadAttachment } from '../mime/read-message.js';
import type { PlatformProfile } from '../../rules/platform-profile.js';
import type { Complaint } from '../../domain/schemas/index.js';
import type { ParseRequest, ReadOutcome, UntrustedWork } from '../../domain/messages/untrusted-work.js';
import { WorkerPool } from './pool.js';

export interface ThreadedWorkOptions {
  platforms: readonly PlatformProfile[];
  threads?: number;
  /** Bounds per step, in ms. */
  readMs?: number;
  pdfMs?: number;
  parseMs?: number;
}

export interface ThreadedWork extends UntrustedWork {
  readonly pool: WorkerPool;
  close(): Promise<void>;
}

/** Bytes come back from a thread as plain Uint8Arrays; the rest of the intake works on Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Untrusted work on the pool's threads: MIME reading, PDF text and parsing
 * each get a time bound and the thread's memory bound. A step over its bound
 * rejects with WorkLimitError and its thread is replaced.
 */
export function createThreadedWork(options: ThreadedWorkOptions): ThreadedWork {
  const pool = new WorkerPool({ size: options.threads, workerData: { platforms: options.platforms } });
  const { readMs = 10_000, pdfMs = 8_000, parseMs = 10_000 } = options;
  return {
    pool,
    async read(message, ownAddresses) {
      const outcome = await pool.run<ReadOutcome>('read', { message: { channel: message.channel, raw: message.raw, receivedAt: message.receivedAt }, ownAddresses: [...ownAddresses] }, readMs, 'reading the message');
      const attachments: ReadAttachment[] = outcome.content.read.attachments.map((a) => ({ ...a, content: asBuffer(a.content) }));
      return { ...outcome, content: { ...outcome.content, read: { ...outcome.content.read, attachments } } };
    },
    pdfText(bytes) {
      return pool.run('pdf', { bytes }, pdfMs, 'reading PDF text');
    },
    parse(request: ParseRequest) {
      return pool.run<Complaint>('parse', request, parseMs, 'parsing the notice');
    },
    close: () => pool.close(),
  };
}
