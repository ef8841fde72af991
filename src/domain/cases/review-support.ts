import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { ConflictError, DomainError, NotFoundError } from '../errors.js';
import { CaseNumber, type Case, type CaseStatus } from '../schemas/index.js';
import { findCaseByNumber } from '../../store/repos/cases.js';
import { listCaseMessageIds } from '../../store/repos/case-links.js';
import type { Database } from '../../store/tables.js';
import type { ReplyThread } from './queue-reply.js';

/** Which case, and the version the reviewer saw: a newer one means someone else decided meanwhile. */
export const CaseRef = z.object({
  caseNumber: CaseNumber,
  version: z.number().int().nonnegative().optional(),
});

/** A reply the reviewer previewed and edited: it is sent exactly as written. */
export const EditedReply = z.object({
  subject: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(50_000),
  html: z.string().nullable().default(null),
});
export type EditedReply = z.infer<typeof EditedReply>;

/** Statuses in which a reviewer can still decide a complaint. */
export const UNDECIDED: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'awaiting_complainant'];

/** Validates a verb's input once, as an `invalid_input` error with the field paths. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || '_', i.message]));
  throw new DomainError('invalid_input', 'Some fields are not valid.', { fields });
}

/** Only reviewers (console, Slack) and the system decide cases; a sender or complainant never does. */
export function requireReviewer(ctx: Ctx): void {
  if (ctx.actor.type === 'sender' || ctx.actor.type === 'complainant') throw new DomainError('forbidden', 'Only reviewers can decide cases.');
}

/**
 * The complainant's own verbs (withdraw, answer a counter-notice): a reviewer
 * records them, or the complainant does it on their own case (the status page
 * proved which one), never on another.
 */
export function requireReviewerOrComplainant(ctx: Ctx, notice: Case): void {
  if (ctx.actor.type === 'complainant' && ctx.actor.id === notice.number) return;
  requireReviewer(ctx);
}

/** Reads the case inside the transaction and checks it is the version the reviewer saw. */
export async function loadCase(trx: Transaction<Database>, ref: z.infer<typeof CaseRef>): Promise<Case> {
  const found = await findCaseByNumber(trx, ref.caseNumber);
  if (!found) throw new NotFoundError(`There is no case ${ref.caseNumber}.`, { caseNumber: ref.caseNumber });
  if (ref.version !== undefined && ref.version !== found.version) {
    throw new ConflictError(`Case ${found.number} was changed by someone else since you opened it; reload it and decide again.`, {
      caseNumber: found.number,
      expectedVersion: ref.version,
      actualVersion: found.version,
    });
  }
  return found;
}

/**
 * A notice waiting on the complainant's answer to a counter-notice (its
 * deadline set) was decided already: it is not open to accept or reject again.
 */
export function awaitsCounterNoticeAnswer(c: Pick<Case, 'status' | 'dueAt' | 'kind'>): boolean {
  return c.kind === 'notice' && c.status === 'awaiting_complainant' && c.dueAt !== null;
}

/** The statuses in which a complaint can be decided, less a notice whose counter-notice awaits an answer. */
export function requireUndecided(c: Case, what: string): void {
  requireStatus(c, UNDECIDED, what);
  if (awaitsCounterNoticeAnswer(c)) {
    throw new ConflictError(`Case ${c.number} was decided and now waits for the complainant's answer to a counter-notice; it cannot be ${what} again.`, { caseNumber: c.number, status: c.status });
  }
}

export function requireStatus(c: Case, allowed: readonly CaseStatus[], what: string): void {
  if (!allowed.includes(c.status)) {
    throw new ConflictError(`Case ${c.number} is ${c.status.replace(/_/g, ' ')}; it cannot be ${what} now.`, { caseNumber: c.number, status: c.status });
  }
}

/** The reply continues the mail thread of the case and goes to the case's sender. */
export async function threadOf(trx: Transaction<Database>, c: Case): Promise<ReplyThread> {
  const ids = await listCaseMessageIds(trx, c.id);
  return { to: c.complainantEmail ?? c.complaint.complainant.email, inReplyTo: ids.at(-1) ?? null, references: ids };
}

export function actorLabel(ctx: Ctx): string {
  return ctx.actor.name ?? ctx.actor.id;
}
