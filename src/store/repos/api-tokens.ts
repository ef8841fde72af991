import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';
import { toUser, type User } from './users.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface ApiTokenInfo {
  id: number;
  userId: number;
  userEmail: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Only the token's SHA-256 is kept; the token itself is shown once, when it is made. */
export async function insertApiToken(db: Q, t: { userId: number; tokenHash: string; label: string | null; at: string }): Promise<number> {
  const row = await db.insertInto('api_tokens').values({ user_id: t.userId, token_hash: t.tokenHash, label: t.label, created_at: t.at, revoked_at: null }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findUserByTokenHash(db: Q, tokenHash: string): Promise<User | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function listApiTokens(db: Q): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'users.email', 'api_tokens.label', 'api_tokens.created_at', 'api_tokens.revoked_at'])
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), userEmail: r.email, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

export async function revokeApiToken(db: Q, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listUsers(db: Q): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
}
