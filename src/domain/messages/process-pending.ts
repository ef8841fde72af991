import type { Ctx } from '../context.js';
import { listMessageIdsInState } from '../../store/repos/messages.js';
import { processMessage, type ProcessOutcome } from './process-message.js';

/**
 * Finishes what a stop or crash left half-done: every message that was
 * stored but never processed goes through the pipeline now, in arrival order.
 */
export async function processPendingMessages(ctx: Ctx): Promise<ProcessOutcome[]> {
  const outcomes: ProcessOutcome[] = [];
  for (const id of await listMessageIdsInState(ctx.db, 'stored')) outcomes.push(await processMessage(ctx, id));
  return outcomes;
}
