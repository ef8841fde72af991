import { availableParallelism } from 'node:os';
import type { ReadAttachment } from '../mime/read-message.js';
import type { PlatformProfile } from '../../rules/platform-profile.js';
import type { Complaint } from '../../domain/schemas/index.js';
import type { ParseRequest, ReadAndParseOutcome, ReadOutcome, StoredBytes, UntrustedWork } from '../../domain/messages/untrusted-work.js';
import { WorkerPool } from './pool.js';

export interface ThreadedWorkOptions {
  platforms: readonly PlatformProfile[];
  /** Reading and parsing threads (default: one per core beside the main thread, at least one, at most four). */
  threads?: number;
  /** Resident memory of the whole process above which a PDF being read is given up (MB). */
  rssCeilingMb?: number;
  /** Bounds per step, in ms. */
  readMs?: number;
  pdfMs?: number;
  parseMs?: number;
}

export interface ThreadedWork extends UntrustedWork {
  readonly pool: WorkerPool;
  readonly pdfPool: WorkerPool;
  close(): Promise<void>;
}

/** Bytes come back from a thread as plain Uint8Arrays; the rest of the intake works on Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A read message's attachments as Buffers, as the rest of the intake works on them. */
function withBuffers<T extends ReadOutcome>(outcome: T): T {
  const attachments: ReadAttachment[] = outcome.content.read.attachments.map((a) => ({ ...a, content: asBuffer(a.content) }));
  return { ...outcome, content: { ...outcome.content, read: { ...outcome.content.read, attachments } } };
}

/** A copy of its own is moved to the thread (not cloned); the caller keeps its bytes for a second try. */
function handover(message: StoredBytes, rest: Record<string, unknown>) {
  return () => {
    const raw = Uint8Array.prototype.slice.call(message.raw);
    return { payload: { message: { channel: message.channel, raw, receivedAt: message.receivedAt }, ...rest }, transfer: [raw.buffer as ArrayBuffer] };
  };
}

/**
 * Untrusted work on the pool's threads: MIME reading, PDF text and parsing
 * each get a time bound and the thread's memory bound. A step over its bound
 * rejects with WorkLimitError and its thread is replaced.
 */
export function createThreadedWork(options: ThreadedWorkOptions): ThreadedWork {
  // The main thread (IMAP, case writes) keeps a core busy too: on two cores one thread reads and parses as
  // fast as the writes go, and a second would only add its memory (about 70 MB).
  // Two jobs per thread: the next message waits in the thread's port, not behind this thread's case writes.
  const pool = new WorkerPool({ size: options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1)), depth: 2, name: 'nd-read', workerData: { platforms: options.platforms } });
  // PDFs get their own thread: pdf.js is large, and a crafted file inflates into buffers the heap
  // limit does not see, so this thread is watched against the process's memory and ended when idle.
  const pdfPool = new WorkerPool({ size: 1, name: 'nd-pdf', entry: new URL('./pdf-worker.mjs', import.meta.url), idleMs: 15_000, rssCeilingMb: options.rssCeilingMb ?? 340 });
  const { readMs = 10_000, pdfMs = 8_000, parseMs = 10_000 } = options;
  return {
    pool,
    pdfPool,
    async read(message, ownAddresses) {
      return withBuffers(await pool.run<ReadOutcome>('read', handover(message, { ownAddresses: [...ownAddresses] }), readMs, 'reading the message'));
    },
    async readAndParse(message, ownAddresses, limits) {
      const payload = { ownAddresses: [...ownAddresses], limits };
      // One job, two bounds: reading's, then parsing's from the moment the thread starts parsing.
      const parsing = { timeoutMs: parseMs, label: 'parsing the notice' };
      return withBuffers(await pool.run<ReadAndParseOutcome>('read-parse', handover(message, payload), readMs, 'reading the message', [parsing]));
    },
    pdfText(bytes) {
      // A copy: the caller still stores these bytes.
      return pdfPool.run('pdf', { bytes: Uint8Array.prototype.slice.call(bytes) }, pdfMs, 'reading PDF text');
    },
    parse(request: ParseRequest) {
      return pool.run<Complaint>('parse', request, parseMs, 'parsing the notice');
    },
    close: async () => {
      await Promise.all([pool.close(), pdfPool.close()]);
    },
  };
}
