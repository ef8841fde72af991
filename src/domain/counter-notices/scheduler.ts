import type { Ctx } from '../context.js';
import { startPeriodic, type Periodic } from '../periodic.js';
import { SYSTEM, type Actor } from '../schemas/index.js';
import { reinstateOverdue } from './reinstate-overdue.js';
import { returnUnanswered } from '../cases/return-unanswered.js';

export interface SchedulerHost {
  ctx(actor?: Actor, requestId?: string): Ctx;
}

/** Runs one tick now with `tick()` (tests, `start`); `stop()` waits for a tick in progress. */
export type Scheduler = Periodic;

/**
 * Runs the deadline checks inside `noticedesk start`: at start, then every
 * `intervalMs`. Ticks never overlap; a failing tick is logged and the next
 * one tries again, because a deadline missed by a minute is better than a
 * scheduler that stopped.
 */
export function startScheduler(host: SchedulerHost, options: { intervalMs?: number; log?: (line: string) => void } = {}): Scheduler {
  const log = options.log ?? (() => {});
  return startPeriodic(
    async () => {
      const summary = await reinstateOverdue(host.ctx(SYSTEM));
      if (summary.reinstated.length) log(`deadline passed, listings reinstated: ${summary.reinstated.join(', ')}`);
      const returned = await returnUnanswered(host.ctx(SYSTEM));
      if (returned.length) log(`no answer in time, back to reviewers: ${returned.join(', ')}`);
    },
    options.intervalMs ?? 60_000,
    (error) => log(`scheduler: ${error.message}`),
  );
}
