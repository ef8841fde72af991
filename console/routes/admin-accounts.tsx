import { Hono, type Context } from 'hono';
import { changeAccount, createAccount } from '../../src/domain/users/accounts.js';
import { DomainError } from '../../src/domain/errors.js';
import { listUsers } from '../../src/store/repos/api-tokens.js';
import { Role } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { checkCsrf, requireUser } from '../http/session.js';
import { Alert, Csrf, Page } from '../views/layout.js';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Admins add accounts, change their role, disable or enable them, and set new passwords. */
export function adminAccountRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin/accounts', requireUser('admin'));
  app.use('/admin/accounts/*', requireUser('admin'));

  const render = async (c: Context<ConsoleEnv>, message?: { kind: 'ok' | 'error'; text: string }, status: 200 | 404 | 409 | 422 = 200) => {
    const users = await listUsers(deps.db);
    const csrf = c.get('csrfToken');
    return c.html(
      <Page title="Accounts" user={c.get('user')} csrf={csrf} active="admin">
        <p class="small"><a href="/admin">← Admin</a></p>
        <h1>Accounts</h1>
        {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
        <form class="panel filters" method="post" action="/admin/accounts" id="account-form">
          <Csrf token={csrf} />
          <div><label for="acc-email">Email</label><input id="acc-email" name="email" type="email" required /></div>
          <div><label for="acc-name">Name</label><input id="acc-name" name="name" /></div>
          <div><label for="acc-role">Role</label><select id="acc-role" name="role">{Role.options.map((r) => <option value={r}>{r}</option>)}</select></div>
          <div><label for="acc-password">Password (8+ characters)</label><input id="acc-password" name="password" type="password" autocomplete="new-password" required minlength={8} /></div>
          <button type="submit">Add account</button>
        </form>
        <div class="panel flush"><table aria-label="Accounts"><thead><tr><th>Account</th><th>Role</th><th>State</th><th>New password</th></tr></thead><tbody>
          {users.map((u) => (
            <tr data-account={u.email}>
              <td>{u.email}<div class="muted small">{u.name ?? ''}</div></td>
              <td>
                <form method="post" action={`/admin/accounts/${u.id}`} class="bar"><Csrf token={csrf} />
                  <select name="role" aria-label={`Role of ${u.email}`}>{Role.options.map((r) => <option value={r} selected={r === u.role}>{r}</option>)}</select>
                  <button class="secondary" type="submit">Change role</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/admin/accounts/${u.id}`}><Csrf token={csrf} />
                  <input type="hidden" name="disabled" value={u.disabled ? 'no' : 'yes'} />
                  {u.disabled ? <span class="sev missing">disabled</span> : <span class="sev ok">active</span>}{' '}
                  <button class="secondary" type="submit">{u.disabled ? 'Enable' : 'Disable'}</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/admin/accounts/${u.id}`} class="bar"><Csrf token={csrf} />
                  <input name="password" type="password" autocomplete="new-password" minlength={8} aria-label={`New password for ${u.email}`} />
                  <button class="secondary" type="submit">Set password</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody></table></div>
      </Page>,
      status,
    );
  };

  const failed = (c: Context<ConsoleEnv>, error: unknown) => {
    if (!(error instanceof DomainError) || !['invalid_input', 'conflict', 'not_found'].includes(error.code)) throw error;
    const fields = (error.details.fields ?? {}) as Record<string, string>;
    const detail = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ');
    return render(c, { kind: 'error', text: `Nothing was changed. ${error.code === 'invalid_input' ? detail : error.message}` }, error.code === 'conflict' ? 409 : error.code === 'not_found' ? 404 : 422);
  };

  app.get('/admin/accounts', (c) => render(c));
  app.post('/admin/accounts', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, text(body._csrf))) return c.text('The form expired; reload the page.', 403);
    const user = c.get('user')!;
    try {
      const made = await createAccount(deps.ctx(actorOf(user), c.get('requestId')), user.role, { email: text(body.email), name: text(body.name), role: text(body.role) as never, password: typeof body.password === 'string' ? body.password : '' });
      return render(c, { kind: 'ok', text: `Account ${made.email} (${made.role}) added.` });
    } catch (error) {
      return failed(c, error);
    }
  });
  app.post('/admin/accounts/:id{\\d+}', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, text(body._csrf))) return c.text('The form expired; reload the page.', 403);
    const user = c.get('user')!;
    const password = typeof body.password === 'string' && body.password !== '' ? body.password : undefined;
    try {
      const changed = await changeAccount(deps.ctx(actorOf(user), c.get('requestId')), user.role, {
        id: c.req.param('id'),
        role: text(body.role) ? (text(body.role) as never) : undefined,
        disabled: body.disabled === 'yes' ? true : body.disabled === 'no' ? false : undefined,
        password,
      });
      const what = password ? 'new password set; its sessions were ended' : body.disabled === 'yes' ? 'disabled; its sessions were ended' : body.disabled === 'no' ? 'enabled' : `role is now ${changed.role}`;
      return render(c, { kind: 'ok', text: `${changed.email}: ${what}.` });
    } catch (error) {
      return failed(c, error);
    }
  });
  return app;
}
