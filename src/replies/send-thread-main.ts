import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/open.js';
import { createFolderMailer } from './folder-mailer.js';
import { startSendWorker } from './send-worker.js';
import { createSmtpMailer } from './smtp-mailer.js';
import { nameThisThread } from '../threads/name-thread.js';
import { createHeapBound } from '../threads/heap-bound.js';
import type { SendThreadData, SendThreadMessage } from './send-thread.js';
import { useTemplatesDir } from './render-reply.js';

// The reply sender on a thread of its own, with its own database connection: rendering, building the
// MIME and talking SMTP no longer take turns with the intake on the main thread.
const options = workerData as SendThreadData;
nameThisThread('nd-replies');
useTemplatesDir(options.templatesDir);
const port = parentPort!;
const db = openDatabase(options.database);
const mailer = options.smtpUrl ? createSmtpMailer(options.smtpUrl) : createFolderMailer(options.outboxDir);
const worker = startSendWorker(db, mailer, { ...options.send, log: (line) => port.postMessage({ kind: 'log', line } satisfies SendThreadMessage) });

// Building MIME and talking SMTP make much short-lived garbage; left alone, V8 let this heap reach 40 MB over a backlog.
const heap = createHeapBound(24, 16);

port.on('message', (message: 'nudge' | 'stop') => {
  if (message === 'nudge') {
    heap.tick();
    return worker.nudge();
  }
  void (async () => {
    // The send in hand is finished (and settled) before the connection closes.
    await worker.stop();
    await db.destroy();
    port.postMessage({ kind: 'stopped' } satisfies SendThreadMessage);
    port.close();
  })();
});
port.postMessage({ kind: 'ready' } satisfies SendThreadMessage);
