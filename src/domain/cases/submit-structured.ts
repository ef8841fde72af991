import type { Ctx } from '../context.js';
import { findCaseById } from '../../store/repos/cases.js';
import { processMessage } from '../messages/process-message.js';
import { receiveMessage } from '../messages/receive-message.js';

/**
 * Takes a form or API submission (JSON of a StructuredSubmission) through the
 * same pipeline as email: stored first, then processed into a case.
 */
export async function submitStructured(ctx: Ctx, raw: Uint8Array, channel: 'form' | 'api', origin: string): Promise<{ caseNumber: string | null; status: string }> {
  const { message, duplicate } = await receiveMessage(ctx, { channel, raw, origin });
  const outcome = duplicate && message.state !== 'stored' ? { status: 'already_processed' as const, caseId: message.caseId } : await processMessage(ctx, message.id);
  if (outcome.status === 'processed') return { caseNumber: outcome.case.number, status: outcome.case.status };
  if (outcome.status === 'failed') return { caseNumber: null, status: 'failed' };
  const found = outcome.caseId ? await findCaseById(ctx.db, outcome.caseId) : null;
  return { caseNumber: found?.number ?? null, status: found?.status ?? outcome.status };
}
