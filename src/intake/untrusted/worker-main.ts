import { parentPort, workerData } from 'node:worker_threads';
import type { ParseRequest, ReadOutcome, StoredBytes } from '../../domain/messages/untrusted-work.js';
import { pdfTextOf } from '../mime/pdf-text.js';
import { inlineWork, readAndParse } from './inline-work.js';
import { ownBuffer } from './pool.js';
import { nameThisThread } from '../../threads/name-thread.js';
import { createHeapBound } from '../../threads/heap-bound.js';
import type { PlatformProfile } from '../../rules/platform-profile.js';

// One thread of the pool: runs the steps on untrusted input that ./threaded-work.ts sends it, one at a time.
const { platforms, threadName } = workerData as { platforms: PlatformProfile[]; threadName: string };
nameThisThread(threadName);
const work = inlineWork(platforms, pdfTextOf);
// Reading and parsing make much short-lived garbage; left alone, V8 let this heap reach 32 MB over a backlog.
const heap = createHeapBound(24, 16);

type Task =
  | { kind: 'read'; payload: { message: StoredBytes; ownAddresses: string[] } }
  | { kind: 'pdf'; payload: { bytes: Uint8Array } }
  | { kind: 'parse'; payload: ParseRequest }
  | { kind: 'read-parse'; payload: { message: StoredBytes; ownAddresses: string[]; limits: { maxAttachmentBytes: number } } };

async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'read':
      return work.read(task.payload.message, task.payload.ownAddresses);
    case 'pdf':
      return work.pdfText(task.payload.bytes);
    case 'parse':
      return work.parse(task.payload);
    case 'read-parse':
      // The pool bounds reading and parsing each on its own: it hears when parsing starts.
      return readAndParse(task.payload.message, task.payload.ownAddresses, task.payload.limits, platforms, () => parentPort?.postMessage('next-step'));
  }
}

/** A read message's attachment bytes go back without a copy; each is given a buffer of its own first. */
function handOver(value: unknown): ArrayBuffer[] {
  const read = (value as Partial<ReadOutcome> | null)?.content?.read;
  if (!read) return [];
  return read.attachments.map((attachment) => {
    const own = ownBuffer(attachment.content);
    attachment.content = Buffer.from(own.bytes.buffer, 0, own.bytes.byteLength);
    return own.transfer;
  });
}

// One job at a time, in the order handed over: the pool may hand over the next before this one is done.
let running: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: Task) => {
  running = running.then(() =>
    run(task).then(
      (value) => parentPort?.postMessage({ ok: true, value }, handOver(value)),
      (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    ).then(() => heap.tick()),
  );
});
parentPort?.postMessage('ready');
