import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, UserRow } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * `reviewer` and `admin` work in the console and Slack; `submitter` is an
 * agent's or vendor's account that files complaints through the API only.
 */
export const Role = z.enum(['reviewer', 'admin', 'submitter', 'platform']);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: z.number().int().positive(),
  email: z.string(),
  name: z.string().nullable(),
  role: Role,
  slackUserId: z.string().nullable(),
});
export type User = z.infer<typeof User>;

/** Whether the account may review and decide cases (console, Slack). */
export function canReview(user: Pick<User, 'role'>): boolean {
  return user.role === 'reviewer' || user.role === 'admin';
}

export function toUser(row: UserRow): User {
  return User.parse({ id: Number(row.id), email: row.email, name: row.name, role: row.role, slackUserId: row.slack_user_id });
}

export async function findUserByEmail(db: Q, email: string): Promise<(User & { passwordHash: string }) | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(db: Q, id: number): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/**
 * Creates the account, or updates its password and role when the email is
 * known. A new password ends every session of the account: whoever signed in
 * with the old one (perhaps the reason for the reset) is signed out.
 */
export async function upsertUser(db: Q, user: { email: string; name: string | null; passwordHash: string; role: Role; at: string }): Promise<User> {
  const email = user.email.toLowerCase();
  const row = await db
    .insertInto('users')
    .values({ email, name: user.name, password_hash: user.passwordHash, role: user.role, slack_user_id: null, created_at: user.at })
    .onConflict((oc) => oc.column('email').doUpdateSet({ password_hash: user.passwordHash, role: user.role }))
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
  return toUser(row);
}
