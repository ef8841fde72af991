import { Hono } from 'hono';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../src/domain/users/password.js';
import { canReview, findUserByEmail } from '../../src/store/repos/users.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { LoginThrottle } from '../http/login-throttle.js';
import { clientKey, RateLimiter, remoteAddress, trustedProxyList } from '../http/rate-limit.js';
import { checkCsrf, endSession, startSession } from '../http/session.js';
import { Alert, Page } from '../views/layout.js';
import { readForm } from '../http/body.js';

const LoginForm = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(500), next: z.string().optional() });

const BASE = 'http://next.invalid';

/**
 * Only our own paths: `next=//evil.example` or `https://...` would send a
 * reviewer off-site, and so would `/\t/evil.example`, because browsers drop
 * tabs and newlines from a Location before reading it.
 */
function safeNext(next: string | undefined): string {
  if (!next || !/^\/(?![/\\])/.test(next) || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  return new URL(next, BASE).origin === BASE ? next : '/';
}

function LoginPage(props: { error?: string; next?: string; email?: string }) {
  return (
    <Page title="Sign in" user={null} csrf={null}>
      <div class="login panel">
        <h1>Sign in</h1>
        <p class="muted">Reviewer console for IP takedown notices.</p>
        {props.error ? <Alert kind="error">{props.error}</Alert> : null}
        <form method="post" action="/login">
          <input type="hidden" name="next" value={props.next ?? '/'} />
          <div class="field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required autofocus value={props.email ?? ''} /></div>
          <div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required /></div>
          <button type="submit">Sign in</button>
        </form>
      </div>
    </Page>
  );
}

let dummyHash: Promise<string> | null = null;

export function authRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  // Failed attempts per account and client, with a lock per account that known clients pass; every attempt per client, across accounts.
  const throttle = new LoginThrottle();
  const perClient = new RateLimiter(50, 15 * 60_000);
  const proxies = trustedProxyList(deps.trustedProxies ?? []);

  app.get('/login', (c) => (c.get('user') ? c.redirect(safeNext(c.req.query('next')), 303) : c.html(<LoginPage next={safeNext(c.req.query('next'))} />)));

  app.post('/login', async (c) => {
    const parsed = LoginForm.safeParse(await readForm(c));
    if (!parsed.success) return c.html(<LoginPage error="Enter your email and password." />, 400);
    const { email, password, next } = parsed.data;
    const account = email.toLowerCase();
    const client = clientKey(c.req.raw.headers, remoteAddress(c.env), proxies);
    const overClient = !perClient.hit(client);
    if (overClient || throttle.check(account, client) !== null) {
      return c.html(<LoginPage error="Too many attempts. Wait a few minutes and try again." email={email} />, 429);
    }
    const user = await findUserByEmail(deps.db, email);
    // Same work whether or not the account exists, so timing does not tell which emails have one.
    dummyHash ??= hashPassword('not-a-password');
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
    if (!user || !ok || user.disabled) {
      throttle.failed(account, client);
      return c.html(<LoginPage error="Email or password is wrong." email={email} next={safeNext(next)} />, 401);
    }
    if (!canReview(user)) return c.html(<LoginPage error="This account files complaints through the API; it cannot sign in to the console." email={email} />, 403);
    throttle.succeeded(account, client);
    await startSession(c, deps, user);
    return c.redirect(safeNext(next), 303);
  });

  app.post('/logout', async (c) => {
    const body = await readForm(c);
    if (c.get('user') && !checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    await endSession(c, deps);
    return c.redirect('/login', 303);
  });
  return app;
}
