import type { Kysely, Transaction } from 'kysely';
import { keptRead } from '../read-cache.js';
import type { Database } from '../tables.js';
import { toUser, type User } from './users.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface SessionRecord {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** `idHash` is the SHA-256 of the cookie value: a copy of the table gives no usable session. */
export async function insertSession(db: Q, s: { idHash: string; userId: number; csrfToken: string; expiresAt: string; at: string }): Promise<void> {
  await db.insertInto('sessions').values({ id: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, created_at: s.at }).execute();
}

/**
 * The session and its account, kept until the next write (a sign-in, a
 * sign-out, an account disabled); whether it has expired is checked here
 * against `nowIso` on every request.
 */
export async function findSession(db: Q, idHash: string, nowIso: string): Promise<SessionRecord | null> {
  const session = await keptRead(db, `session:${idHash}`, Date.parse(nowIso), async () => {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.id', '=', idHash)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    return row ? { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
  });
  return session && session.expiresAt > nowIso ? session : null;
}

export async function deleteSession(db: Q, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Q, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}
