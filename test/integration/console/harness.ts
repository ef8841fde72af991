import { createConsoleApp } from '../../../console/app.js';
import type { ConsoleDeps } from '../../../console/deps.js';
import { makeCtx } from '../../../src/domain/context.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { submitStructured } from '../../../src/domain/cases/submit-structured.js';

export const REVIEWER_LOGIN = { email: 'rita@desk.test', password: 'correct horse battery' };
export const ADMIN_LOGIN = { email: 'ada@desk.test', password: 'admin pass phrase' };

/** A console on a fresh SQLite file, with a reviewer and an admin account; requests go through app.request. */
export async function openConsole(options: Partial<ConsoleDeps> = {}) {
  const db: Db = await openTestDb();
  const base = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
  const at = new Date().toISOString();
  await upsertUser(db, { email: REVIEWER_LOGIN.email, name: 'Rita Reviewer', passwordHash: await hashPassword(REVIEWER_LOGIN.password), role: 'reviewer', at });
  await upsertUser(db, { email: ADMIN_LOGIN.email, name: 'Ada Admin', passwordHash: await hashPassword(ADMIN_LOGIN.password), role: 'admin', at });
  const deps: ConsoleDeps = { db, ctx: (actor, requestId) => ({ ...makeCtx(base, actor, requestId), counterNotice: { businessDays: 3, holidays: [] } }), secureCookies: true, intake: submitStructured, ...options };
  const app = createConsoleApp(deps);
  const origin = 'http://desk.test';
  const request = (path: string, init: RequestInit = {}) => app.request(`${origin}${path}`, init);

  /** Signs in and returns the cookie header and the CSRF token of the session. */
  async function signIn(login = REVIEWER_LOGIN): Promise<{ cookie: string; csrf: string }> {
    const res = await request('/login', { method: 'POST', headers: { origin }, body: new URLSearchParams(login) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await (await request('/', { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    return { cookie, csrf };
  }

  function post(path: string, session: { cookie: string; csrf: string }, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    body.set('_csrf', session.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return request(path, { method: 'POST', headers: { cookie: session.cookie, origin }, body });
  }

  /** Follows a redirect after a post as a browser does: a GET with the session and the cookies the answer set. */
  async function follow(res: Response, session?: { cookie: string }): Promise<Response> {
    const location = res.headers.get('location');
    if (res.status !== 303 || !location) return res;
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = [session?.cookie, ...set].filter(Boolean).join('; ');
    return request(location, { headers: cookie ? { cookie } : {} });
  }

  return { db, base, app, deps, request, signIn, post, follow, origin, close: () => db.destroy() };
}
