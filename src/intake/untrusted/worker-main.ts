import { parentPort, workerData } from 'node:worker_threads';
import { inlineWork, type ParseRequest, type StoredBytes } from '../../domain/messages/untrusted-work.js';
import type { PlatformProfile } from '../../rules/platform-profile.js';

// One thread of the pool: runs the steps on untrusted input that ./threaded-work.ts sends it, one at a time.
const { platforms } = workerData as { platforms: PlatformProfile[] };
const work = inlineWork(platforms);

type Task =
  | { kind: 'read'; payload: { message: StoredBytes; ownAddresses: string[] } }
  | { kind: 'pdf'; payload: { bytes: Uint8Array } }
  | { kind: 'parse'; payload: ParseRequest };

async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'read':
      return work.read(task.payload.message, task.payload.ownAddresses);
    case 'pdf':
      return work.pdfText(task.payload.bytes);
    case 'parse':
      return work.parse(task.payload);
  }
}

parentPort?.on('message', (task: Task) => {
  run(task).then(
    (value) => parentPort?.postMessage({ ok: true, value }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage('ready');
