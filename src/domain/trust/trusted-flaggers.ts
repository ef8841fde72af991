import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { NEEDS_ACTION, type CaseStatus } from '../schemas/index.js';
import { parseInput } from '../cases/review-support.js';
import { accountOfMessage, deleteTrustedFlagger, insertTrustedFlagger, isTrustedFlagger, setFlagRank } from '../../store/repos/trusted-flaggers.js';
import type { Database } from '../../store/tables.js';
import { singleAddress } from '../messages/mail-addresses.js';

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const TrustedFlaggerInput = z
  .object({
    kind: z.enum(['account', 'domain']),
    value: z.string().trim().toLowerCase().min(1).max(254),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((v, issue) => {
    if (v.kind === 'account' && !singleAddress(v.value)) issue.addIssue({ code: 'custom', path: ['value'], message: 'an account is its email address' });
    if (v.kind === 'domain' && !DOMAIN.test(v.value.replace(/^@/, ''))) issue.addIssue({ code: 'custom', path: ['value'], message: 'a domain such as brand-protection.example' });
  })
  .transform((v) => ({ ...v, value: v.value.replace(/^@/, '') }));
export type TrustedFlaggerInput = z.input<typeof TrustedFlaggerInput>;

/** Cases whose place in the queue follows a change of trust: those not decided yet. */
const UNDECIDED: readonly CaseStatus[] = [...NEEDS_ACTION, 'deficient', 'awaiting_complainant'];

function requireAdminActor(ctx: Ctx): void {
  if (ctx.actor.type !== 'user' && ctx.actor.type !== 'system') throw new DomainError('forbidden', 'Only an admin marks trusted flaggers.');
}

/**
 * Marks an account (its email) or a sender domain as a trusted flagger (DSA
 * Art. 22): their notices are reviewed first. Undecided cases they filed move
 * up at once. Marking one twice is refused.
 */
export async function markTrustedFlagger(ctx: Ctx, raw: TrustedFlaggerInput): Promise<{ moved: number }> {
  requireAdminActor(ctx);
  const input = parseInput(TrustedFlaggerInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const added = await insertTrustedFlagger(trx, { kind: input.kind, value: input.value, note: input.note ?? null, at: ctx.now().toISOString(), by: ctx.actor.id });
    if (!added) throw new DomainError('conflict', `${input.value} is already a trusted flagger.`);
    return { moved: await setFlagRank(trx, input, 0, UNDECIDED) };
  });
}

/** Removes the mark; undecided cases of that sender fall back to their place by age. */
export async function unmarkTrustedFlagger(ctx: Ctx, id: number): Promise<void> {
  requireAdminActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteTrustedFlagger(trx, id);
    if (!removed) throw new DomainError('not_found', 'No such trusted flagger.');
    await setFlagRank(trx, removed, 1, UNDECIDED);
  });
}

/**
 * Who filed a new case: the API account when it came through the API, and the
 * complainant's address. The key the misuse figures count is the account when
 * there is one, else the address (a domain is never counted as one complainant:
 * many people share a mail provider).
 */
export async function complainantOf(trx: Transaction<Database>, address: string | null, messageId: number): Promise<{ key: string | null; trusted: boolean }> {
  const account = await accountOfMessage(trx, messageId);
  const key = account ? `account:${account}` : address ? `address:${address}` : null;
  return { key, trusted: await isTrustedFlagger(trx, { address, account }) };
}
