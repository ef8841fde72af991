import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { Mailer } from './mailer.js';
import { DEFAULT_BATCH, sendQueuedReplies, type SendOptions } from './send-queued-replies.js';

export interface SendWorker {
  /** Something was queued: drain now instead of at the next tick. */
  nudge(): void;
  /** Finishes the send in hand, then stops. */
  stop(): Promise<void>;
}

/** Drains the reply queue every `intervalMs`, and at once when nudged. */
export function startSendWorker(
  db: Kysely<Database>,
  mailer: Mailer,
  options: SendOptions & { intervalMs?: number; log?: (line: string) => void },
): SendWorker {
  const { intervalMs = 2_000, log = () => undefined } = options;
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let first = true;

  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = (async () => {
      do {
        again = false;
        try {
          const s = await sendQueuedReplies(db, mailer, { ...options, settleAllClaims: first && options.settleAllClaims });
          first = false;
          const handled = s.sent + s.failed + s.suppressed + s.retried;
          if (handled + s.recovered > 0) {
            log(`replies: ${s.sent} sent, ${s.retried} to retry, ${s.failed} failed, ${s.suppressed} suppressed, ${s.recovered} recovered`);
          }
          // A full batch means more are due: drain on instead of waiting for the next tick.
          if (handled >= (options.batchSize ?? DEFAULT_BATCH)) again = true;
        } catch (error) {
          log(`reply worker: ${(error as Error).message}`);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(run, intervalMs);
    });
  };
  run();
  return {
    nudge: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await mailer.close();
    },
  };
}
