import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import type { Database } from '../../store/tables.js';
import { saveStatements } from '../../store/repos/statements.js';
import { buildStatements, type StatementOfReasons } from './statement-of-reasons.js';
import { counterNoticeLink } from '../links/counter-notice-link.js';

/** The merchant's counter-notice link for a case; null where the desk makes no links. */
export function counterNoticeLinkFor(ctx: Ctx, caseId: number): string | null {
  return counterNoticeLink(ctx, caseId).url;
}

/**
 * Writes the statements of reasons for the listings a decision removed, in
 * the decision's transaction, and notes them on the case record.
 */
export async function recordStatements(
  trx: Transaction<Database>,
  ctx: Ctx,
  current: Case,
  removedUrls: string[],
  options: { decidedAt: string; trustedFlagger?: boolean },
): Promise<StatementOfReasons[]> {
  if (removedUrls.length === 0) return [];
  const statements = buildStatements({
    current,
    removedUrls,
    receivedAt: current.createdAt,
    decidedAt: options.decidedAt,
    decidedBy: ctx.actor,
    profile: ctx.platforms.find((p) => p.id === current.platform),
    trustedFlagger: options.trustedFlagger ?? false,
    counterNoticeUrl: counterNoticeLinkFor(ctx, current.id),
  });
  await saveStatements(trx, current.id, statements, options.decidedAt);
  return statements;
}
