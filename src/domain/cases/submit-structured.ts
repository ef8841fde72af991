import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { findCaseById } from '../../store/repos/cases.js';
import { processMessage } from '../messages/process-message.js';
import { receiveMessage } from '../messages/receive-message.js';

export interface SubmissionResult {
  caseNumber: string | null;
  status: string;
  case: Case | null;
  /** The same submission was taken in before; `case` is the one it opened. */
  filedBefore: boolean;
  /** It was added to an existing case rather than opening one. */
  joined: boolean;
  /** Why nothing was filed (automated, unreadable), when that is the outcome. */
  problem: string | null;
  /** What was filed but could not be read (a file's text: broken, too large or too slow); the files are kept. */
  unread: string[];
}

/**
 * Takes a form, API or Slack submission (JSON of a StructuredSubmission)
 * through the same pipeline as email: stored first, then processed into a case.
 */
export async function submitStructured(
  ctx: Ctx,
  raw: Uint8Array,
  channel: 'form' | 'api' | 'slack',
  origin: string,
  messageId: string | null = null,
): Promise<SubmissionResult> {
  const { message, duplicate } = await receiveMessage(ctx, { channel, raw, origin, messageId });
  const outcome = duplicate && message.state !== 'stored' ? { status: 'already_processed' as const, caseId: message.caseId } : await processMessage(ctx, message.id);
  if (outcome.status === 'processed') {
    return { caseNumber: outcome.case.number, status: outcome.case.status, case: outcome.case, filedBefore: false, joined: outcome.joined, problem: null, unread: outcome.problems };
  }
  if (outcome.status === 'failed') return { caseNumber: null, status: 'failed', case: null, filedBefore: false, joined: false, problem: outcome.error, unread: [] };
  const found = outcome.caseId ? await findCaseById(ctx.db, outcome.caseId) : null;
  return {
    caseNumber: found?.number ?? null,
    status: found?.status ?? outcome.status,
    case: found,
    filedBefore: outcome.status === 'already_processed',
    joined: false,
    problem: outcome.status === 'ignored' ? outcome.reason : null,
    unread: [],
  };
}
