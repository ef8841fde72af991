import { Hono, type Context } from 'hono';
import { DomainError } from '../../src/domain/errors.js';
import { issueApiToken, revokeApiToken } from '../../src/domain/users/api-tokens.js';
import { listApiTokens, listUsers } from '../../src/store/repos/api-tokens.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { checkCsrf, requireUser } from '../http/session.js';
import { Alert, Csrf, formatTime, Page } from '../views/layout.js';
import { readForm } from '../http/body.js';
import { putFlash, readFlash, type Flash } from '../http/flash.js';
import { markTrustedFlagger, unmarkTrustedFlagger } from '../../src/domain/trust/trusted-flaggers.js';
import { listTrustedFlaggers } from '../../src/store/repos/trusted-flaggers.js';

const NEW_TOKEN: Flash = { name: 'nd_new_token', path: '/admin', maxAgeSeconds: 300 };

/** Administrators create and revoke API tokens; a token is shown once and only its hash is kept. */
export function adminRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin/*', requireUser('admin'));
  app.use('/admin', requireUser('admin'));

  const render = async (c: Context<ConsoleEnv>, created?: string) => {
    const [users, tokens, flaggers] = await Promise.all([listUsers(deps.db), listApiTokens(deps.db), listTrustedFlaggers(deps.db)]);
    const csrf = c.get('csrfToken');
    return c.html(
      <Page title="Admin" user={c.get('user')} csrf={csrf} active="admin">
        <p><a href="/admin/accounts">Accounts</a> · <a href="/admin/macros">Macros (canned texts for decisions)</a></p>
        <h1>API tokens</h1>
        {created ? <Alert kind="ok">New token (shown once, copy it now): <code id="new-token">{created}</code></Alert> : null}
        <form class="panel filters" method="post" action="/admin/tokens">
          <Csrf token={csrf} />
          <div><label for="userId">Account</label><select id="userId" name="userId">{users.map((u) => <option value={String(u.id)}>{u.email} ({u.role})</option>)}</select></div>
          <div><label for="label">Label</label><input id="label" name="label" placeholder="Vendor name, integration" /></div>
          <button type="submit">Create token</button>
        </form>
        <div class="panel flush"><table><thead><tr><th>Account</th><th>Label</th><th>Created</th><th>State</th><th></th></tr></thead><tbody>
          {tokens.map((t) => (
            <tr><td>{t.userEmail}</td><td>{t.label ?? '–'}</td><td>{formatTime(t.createdAt)}</td><td>{t.revokedAt ? `revoked ${formatTime(t.revokedAt)}` : 'active'}</td>
              <td>{t.revokedAt ? null : <form method="post" action={`/admin/tokens/${t.id}/revoke`}><Csrf token={csrf} /><button class="secondary" type="submit">Revoke</button></form>}</td></tr>
          ))}
        </tbody></table></div>
        <h2 id="trusted-flaggers">Trusted flaggers (DSA Art. 22)</h2>
        <p class="muted small">Notices from these accounts (email address) or sender domains are reviewed first and carry a badge.</p>
        <form class="panel filters" method="post" action="/admin/trusted-flaggers">
          <Csrf token={csrf} />
          <div><label for="tf-kind">Kind</label><select id="tf-kind" name="kind"><option value="domain">Sender domain</option><option value="account">Account (email)</option></select></div>
          <div><label for="tf-value">Domain or email</label><input id="tf-value" name="value" required placeholder="brand-protection.example" /></div>
          <div><label for="tf-note">Note</label><input id="tf-note" name="note" placeholder="Designated by the Digital Services Coordinator of ..." /></div>
          <button type="submit">Mark as trusted flagger</button>
        </form>
        <div class="panel flush"><table aria-label="Trusted flaggers"><thead><tr><th>Kind</th><th>Domain or email</th><th>Note</th><th>Marked</th><th></th></tr></thead><tbody>
          {flaggers.map((f) => (
            <tr><td>{f.kind}</td><td>{f.value}</td><td>{f.note ?? '–'}</td><td>{formatTime(f.createdAt)} by {f.createdBy}</td>
              <td><form method="post" action={`/admin/trusted-flaggers/${f.id}/remove`}><Csrf token={csrf} /><button class="secondary" type="submit">Remove</button></form></td></tr>
          ))}
          {flaggers.length === 0 ? <tr><td colspan={5} class="muted">None marked.</td></tr> : null}
        </tbody></table></div>
        <p class="muted small">Accounts are added and changed on <a href="/admin/accounts">Accounts</a> (or with <code>npx noticedesk user add</code>).</p>
      </Page>,
    );
  };

  app.get('/admin', (c) => {
    const created = readFlash(c, NEW_TOKEN, deps.secureCookies, true);
    return render(c, typeof created === 'string' ? created : undefined);
  });
  app.post('/admin/tokens', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    try {
      const { token } = await issueApiToken(ctx, { userId: String(body.userId ?? ''), label: typeof body.label === 'string' ? body.label : undefined });
      // Post, redirect, get: reloading the page shows no form resubmission and makes no second token.
      putFlash(c, NEW_TOKEN, token, deps.secureCookies);
      return c.redirect('/admin', 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return c.text('Unknown account.', 422);
      throw error;
    }
  });
  app.post('/admin/trusted-flaggers', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    try {
      await markTrustedFlagger(deps.ctx(actorOf(c.get('user')!), c.get('requestId')), {
        kind: body.kind === 'account' ? 'account' : 'domain',
        value: String(body.value ?? ''),
        note: typeof body.note === 'string' && body.note.trim() ? body.note : undefined,
      });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'invalid_input' || error.code === 'conflict')) return c.text(error.message, error.code === 'conflict' ? 409 : 422);
      throw error;
    }
    return c.redirect('/admin#trusted-flaggers', 303);
  });
  app.post('/admin/trusted-flaggers/:id{\\d+}/remove', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    await unmarkTrustedFlagger(deps.ctx(actorOf(c.get('user')!), c.get('requestId')), Number(c.req.param('id')));
    return c.redirect('/admin#trusted-flaggers', 303);
  });
  app.post('/admin/tokens/:id{\\d+}/revoke', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    await revokeApiToken(deps.ctx(actorOf(c.get('user')!), c.get('requestId')), Number(c.req.param('id')));
    return c.redirect('/admin', 303);
  });
  return app;
}
