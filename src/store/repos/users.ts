import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { keptRead } from '../read-cache.js';
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
  /** An admin disabled the account: no sign-in, no token, no new cases. */
  disabled: z.boolean().default(false),
});
export type User = z.infer<typeof User>;

/** Whether the account may review and decide cases (console, Slack). */
export function canReview(user: Pick<User, 'role'> & { disabled?: boolean }): boolean {
  return !user.disabled && (user.role === 'reviewer' || user.role === 'admin');
}

export function toUser(row: UserRow): User {
  return User.parse({ id: Number(row.id), email: row.email, name: row.name, role: row.role, slackUserId: row.slack_user_id, disabled: row.disabled_at != null });
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

/** Accounts that can hold and decide cases, by name then email. */
/** Kept until the next write (see keptRead): every queue page names the reviewers. */
export function listReviewers(db: Q): Promise<User[]> {
  return keptRead(db, 'reviewers', Date.now(), async () => {
    const rows = await db.selectFrom('users').selectAll().where('role', 'in', ['reviewer', 'admin']).where('disabled_at', 'is', null).orderBy('name').orderBy('email').execute();
    return rows.map(toUser);
  });
}

/** Changes what an admin may change of an account; disabling also ends its sessions. False when there is no such account. */
export async function updateAccount(db: Q, id: number, change: { role?: Role; disabledAt?: string | null; passwordHash?: string; name?: string | null }): Promise<boolean> {
  const set = {
    ...(change.role ? { role: change.role } : {}),
    ...(change.disabledAt !== undefined ? { disabled_at: change.disabledAt } : {}),
    ...(change.passwordHash ? { password_hash: change.passwordHash } : {}),
    ...(change.name !== undefined ? { name: change.name } : {}),
  };
  const result = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  // A new password or a disabled account ends every session: whoever held the old one is signed out.
  if (change.passwordHash || change.disabledAt) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
  return true;
}

/** Admins left who can still sign in. */
export async function countActiveAdmins(db: Q): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
