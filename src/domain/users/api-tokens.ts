import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { parseInput } from '../cases/review-support.js';
import { findUserByTokenHash, insertApiToken, listUsers, revokeApiToken as markRevoked } from '../../store/repos/api-tokens.js';
import type { Db } from '../../store/open.js';
import type { User } from '../../store/repos/users.js';

/** Tokens are shown once and stored only as their SHA-256. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const TOKEN_PATTERN = /^nd_[\w-]{20,100}$/;

export const IssueApiTokenInput = z.object({
  userId: z.coerce.number().int().positive(),
  label: z.string().trim().optional().transform((v) => (v ? v.slice(0, 120) : null)),
});

/** Creates a token for an account; the returned token is never stored and cannot be shown again. */
export async function issueApiToken(ctx: Ctx, raw: z.input<typeof IssueApiTokenInput>): Promise<{ token: string }> {
  const input = parseInput(IssueApiTokenInput, raw);
  if (!(await listUsers(ctx.db)).some((u) => u.id === input.userId)) {
    throw new DomainError('invalid_input', 'Unknown account.', { fields: { userId: 'no such account' } });
  }
  const token = `nd_${randomBytes(24).toString('base64url')}`;
  await insertApiToken(ctx.db, { userId: input.userId, tokenHash: hashToken(token), label: input.label, at: ctx.now().toISOString() });
  return { token };
}

export async function revokeApiToken(ctx: Ctx, tokenId: number): Promise<boolean> {
  return markRevoked(ctx.db, tokenId, ctx.now().toISOString());
}

/** The account a bearer token belongs to, or null for an unknown, malformed or revoked token. */
export async function authenticateApiToken(db: Db, token: string | null | undefined): Promise<User | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return findUserByTokenHash(db, hashToken(token));
}
