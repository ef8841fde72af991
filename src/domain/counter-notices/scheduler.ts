import type { Ctx } from '../context.js';
import { SYSTEM, type Actor } from '../schemas/index.js';
import { reinstateOverdue } from './reinstate-overdue.js';
import { returnUnanswered } from '../cases/return-unanswered.js';

export interface SchedulerHost {
  ctx(actor?: Actor, requestId?: string): Ctx;
}

export interface Scheduler {
  /** Runs one tick now (tests, `start`); resolves when it is done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the deadline checks inside `noticedesk start`: at start, then every
 * `intervalMs`. Ticks never overlap; a failing tick is logged and the next
 * one tries again, because a deadline missed by a minute is better than a
 * scheduler that stopped.
 */
export function startScheduler(host: SchedulerHost, options: { intervalMs?: number; log?: (line: string) => void } = {}): Scheduler {
  const log = options.log ?? (() => {});
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const summary = await reinstateOverdue(host.ctx(SYSTEM));
        if (summary.reinstated.length) log(`deadline passed, listings reinstated: ${summary.reinstated.join(', ')}`);
        const returned = await returnUnanswered(host.ctx(SYSTEM));
        if (returned.length) log(`no answer in time, back to reviewers: ${returned.join(', ')}`);
      } catch (error) {
        log(`scheduler: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
