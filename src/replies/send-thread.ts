import { Worker } from 'node:worker_threads';
import { threadEntry } from '../threads/thread-entry.js';
import { TEMPLATES_DIR } from './render-reply.js';
import type { SendOptions } from './send-queued-replies.js';
import type { SendWorker } from './send-worker.js';

export interface SendThreadOptions {
  /** Where the thread opens its own connection: a SQLite file or a `postgres://` URL (never `:memory:`). */
  database: string;
  smtpUrl: string | null;
  /** The outbox folder, when there is no SMTP URL. */
  outboxDir: string;
  send: SendOptions & { intervalMs?: number };
}

/** What the thread is handed: its options, and where the reply templates are. */
export interface SendThreadData extends SendThreadOptions {
  templatesDir: string;
}

export type SendThreadMessage = { kind: 'ready' } | { kind: 'log'; line: string } | { kind: 'stopped' };

/** A database another thread can open: not a private in-memory one. */
export function canSendFromThread(database: string | undefined): database is string {
  return !!database && !/^(sqlite:)?:memory:$/.test(database);
}

/**
 * The reply worker (`startSendWorker`) on a thread of its own with its own
 * database connection, so sending replies never holds up the intake. Sending
 * is the same code, so delivery stays at most once: a row is claimed before
 * it is sent, and a thread that dies mid-send leaves it `sending` for the
 * lease recovery to settle.
 */
export function startSendThread(options: SendThreadOptions, log: (line: string) => void): SendWorker {
  let stopped: Promise<void> | null = null;
  let nudged = false;
  let worker: Worker;
  let ended: Promise<void>;
  const spawn = () => {
    // A small young generation: this thread makes little garbage, and a large one is resident memory.
    // The thread runs a bundle of send-thread-main.ts from elsewhere on disk: it is told where the templates are.
    const entry = threadEntry(new URL('./send-thread-main.ts', import.meta.url), new URL('./send-thread-boot.mjs', import.meta.url));
    const workerData: SendThreadData = { ...options, templatesDir: TEMPLATES_DIR };
    worker = new Worker(entry, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    ended = new Promise<void>((resolve) => {
      worker.on('message', (message: SendThreadMessage) => {
        if (message.kind === 'log') log(message.line);
      });
      worker.on('error', (error) => log(`reply sender thread: ${error.message}`));
      worker.on('exit', () => {
        resolve();
        if (stopped) return;
        // Replies wait in the queue meanwhile; a row it left `sending` is settled by the lease recovery.
        log('reply sender thread stopped; starting it again in 5 s');
        setTimeout(() => {
          if (!stopped) spawn();
        }, 5_000).unref();
      });
    });
  };
  spawn();
  return {
    nudge() {
      // Many messages processed in one turn ask for one drain.
      if (nudged || stopped) return;
      nudged = true;
      setImmediate(() => {
        nudged = false;
        if (!stopped) worker.postMessage('nudge');
      });
    },
    stop() {
      stopped ??= (async () => {
        worker.postMessage('stop');
        const timer = setTimeout(() => void worker.terminate(), 30_000);
        await ended;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}
