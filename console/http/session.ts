import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { deleteSession, findSession, insertSession } from '../../src/store/repos/sessions.js';
import { canReview, type User } from '../../src/store/repos/users.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { notAllowedPage } from '../views/not-allowed.js';

export const SESSION_COOKIE = 'nd_session';
const SESSION_HOURS = 12;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Loads the signed-in reviewer (if any) for every request. */
export function loadSession(deps: ConsoleDeps) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    c.set('user', null);
    c.set('csrfToken', null);
    c.set('sessionHash', null);
    const value = getCookie(c, SESSION_COOKIE);
    if (value && /^[\w-]{32,64}$/.test(value)) {
      const hash = sha256(value);
      const session = await findSession(deps.db, hash, new Date().toISOString());
      if (session) {
        c.set('user', session.user);
        c.set('csrfToken', session.csrfToken);
        c.set('sessionHash', hash);
      }
    }
    await next();
  });
}

/** A new session id on every sign-in; the one the browser held before (if any) stops working. */
export async function startSession(c: Context<ConsoleEnv>, deps: ConsoleDeps, user: User): Promise<void> {
  const previous = c.get('sessionHash');
  if (previous) await deleteSession(deps.db, previous);
  const value = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000).toISOString();
  await insertSession(deps.db, { idHash: sha256(value), userId: user.id, csrfToken: randomBytes(24).toString('base64url'), expiresAt, at: now.toISOString() });
  setCookie(c, SESSION_COOKIE, value, { httpOnly: true, secure: deps.secureCookies, sameSite: 'Lax', path: '/', maxAge: SESSION_HOURS * 3600 });
}

export async function endSession(c: Context<ConsoleEnv>, deps: ConsoleDeps): Promise<void> {
  const hash = c.get('sessionHash');
  if (hash) await deleteSession(deps.db, hash);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.secureCookies });
}

/** Pages behind the login: HTML requests go to the login page, others get 401. */
export function requireUser(role: 'reviewer' | 'admin' = 'reviewer') {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) {
      if (c.req.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ''))}`, 303);
      return c.text('Sign in first.', 401);
    }
    if (!canReview(user)) return c.text('This account files complaints through the API; it has no access to the console.', 403);
    if (role === 'admin' && user.role !== 'admin') return notAllowedPage(c, 'Only administrators can open this page. Ask an administrator if you need an account or an API token.');
    await next();
  });
}

/** Every form post of a signed-in reviewer carries the session's CSRF token. */
export function checkCsrf(c: Context<ConsoleEnv>, submitted: unknown): boolean {
  const expected = c.get('csrfToken');
  if (!expected || typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}
