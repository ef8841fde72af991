import { Hono, type Context } from 'hono';
import { DomainError } from '../../src/domain/errors.js';
import { issueApiToken, revokeApiToken } from '../../src/domain/users/api-tokens.js';
import { listApiTokens, listUsers } from '../../src/store/repos/api-tokens.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { checkCsrf, requireUser } from '../http/session.js';
import { Alert, Csrf, formatTime, Page } from '../views/layout.js';
import { readForm } from '../http/body.js';

/** Administrators create and revoke API tokens; a token is shown once and only its hash is kept. */
export function adminRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin/*', requireUser('admin'));
  app.use('/admin', requireUser('admin'));

  const render = async (c: Context<ConsoleEnv>, created?: string) => {
    const [users, tokens] = await Promise.all([listUsers(deps.db), listApiTokens(deps.db)]);
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
        <p class="muted small">Accounts are added and changed on <a href="/admin/accounts">Accounts</a> (or with <code>npx noticedesk user add</code>).</p>
      </Page>,
    );
  };

  app.get('/admin', (c) => render(c));
  app.post('/admin/tokens', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    try {
      const { token } = await issueApiToken(ctx, { userId: String(body.userId ?? ''), label: typeof body.label === 'string' ? body.label : undefined });
      return render(c, token);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return c.text('Unknown account.', 422);
      throw error;
    }
  });
  app.post('/admin/tokens/:id{\\d+}/revoke', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    await revokeApiToken(deps.ctx(actorOf(c.get('user')!), c.get('requestId')), Number(c.req.param('id')));
    return c.redirect('/admin', 303);
  });
  return app;
}
