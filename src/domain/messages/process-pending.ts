import type { Ctx } from '../context.js';
import { countInterruptedRun, listMessageIdsInState, settleMessage } from '../../store/repos/messages.js';
import { processMessage, type ProcessOutcome } from './process-message.js';

/** A message found unprocessed at this many starts is set aside: it is what stopped the process. */
export const MAX_INTERRUPTED_RUNS = 2;

/**
 * Finishes what a stop or crash left half-done: every message that was
 * stored but never processed goes through the pipeline now, in arrival order.
 * Each start counts on the message; one still unprocessed at its second start
 * (it stopped the process, or its process was killed, twice) is set aside as
 * failed with that reason, so it can never keep the desk from starting.
 */
export async function processPendingMessages(ctx: Ctx, options: { stopped?: () => boolean } = {}): Promise<ProcessOutcome[]> {
  const outcomes: ProcessOutcome[] = [];
  for (const id of await listMessageIdsInState(ctx.db, 'stored')) {
    if (options.stopped?.()) break;
    const runs = await countInterruptedRun(ctx.db, id);
    if (runs === null) continue;
    if (runs >= MAX_INTERRUPTED_RUNS) {
      const error = `set aside: processing was interrupted ${runs} times (the process stopped or was killed while this message was in hand)`;
      if (await settleMessage(ctx.db, id, 'failed', { error })) outcomes.push({ status: 'failed', error });
      continue;
    }
    outcomes.push(await processMessage(ctx, id));
  }
  return outcomes;
}
