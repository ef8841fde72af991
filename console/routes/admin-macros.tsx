import { Hono, type Context } from 'hono';
import { MacroLanguage, removeMacro, saveMacro } from '../../src/domain/cases/macros.js';
import { DomainError } from '../../src/domain/errors.js';
import { listMacros } from '../../src/store/repos/macros.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { checkCsrf, requireUser } from '../http/session.js';
import { Alert, Csrf, formatTime, Page } from '../views/layout.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Admins keep the canned texts reviewers insert into a decision's note, one per name and language. */
export function adminMacroRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin/macros', requireUser('admin'));
  app.use('/admin/macros/*', requireUser('admin'));

  const render = async (c: Context<ConsoleEnv>, error?: string, status: 200 | 422 = 200) => {
    const macros = await listMacros(deps.db);
    const csrf = c.get('csrfToken');
    return c.html(
      <Page title="Macros" user={c.get('user')} csrf={csrf} active="admin">
        <p class="small"><a href="/admin">← Admin</a></p>
        <h1>Macros</h1>
        <p class="muted">Texts reviewers insert into the note of an accept or reject. Saving a name and language that exist replaces that text.</p>
        {error ? <Alert kind="error">{error}</Alert> : null}
        <form class="panel" method="post" action="/admin/macros" id="macro-form">
          <Csrf token={csrf} />
          <div class="filters">
            <div><label for="macro-name">Name</label><input id="macro-name" name="name" maxlength={80} required /></div>
            <div><label for="macro-language">Language</label><select id="macro-language" name="language">{MacroLanguage.options.map((l) => <option value={l}>{l}</option>)}</select></div>
          </div>
          <label for="macro-body">Text</label>
          <textarea id="macro-body" name="body" rows={4} class="wide" required></textarea>
          <button type="submit">Save macro</button>
        </form>
        <div class="panel flush"><table aria-label="Macros"><thead><tr><th>Name</th><th>Language</th><th>Text</th><th>Last edit</th><th></th></tr></thead><tbody>
          {macros.map((m) => (
            <tr><td>{m.name}</td><td>{m.language}</td><td class="small note">{m.body}</td><td class="small">{m.updatedBy}<br />{formatTime(m.updatedAt)}</td>
              <td><form method="post" action={`/admin/macros/${m.id}/delete`}><Csrf token={csrf} /><button class="secondary" type="submit">Delete</button></form></td></tr>
          ))}
          {macros.length === 0 ? <tr><td colspan={5} class="muted">No macros yet.</td></tr> : null}
        </tbody></table></div>
      </Page>,
      status,
    );
  };

  app.get('/admin/macros', (c) => render(c));
  app.post('/admin/macros', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, text(body._csrf))) return c.text('The form expired; reload the page.', 403);
    const user = c.get('user')!;
    try {
      await saveMacro(deps.ctx(actorOf(user), c.get('requestId')), user.role, { name: text(body.name), language: text(body.language) as never, body: text(body.body) });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error;
      const fields = (error.details.fields ?? {}) as Record<string, string>;
      return render(c, `Not saved: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, 422);
    }
    return c.redirect('/admin/macros', 303);
  });
  app.post('/admin/macros/:id{\\d+}/delete', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, text(body._csrf))) return c.text('The form expired; reload the page.', 403);
    const user = c.get('user')!;
    await removeMacro(deps.ctx(actorOf(user), c.get('requestId')), user.role, Number(c.req.param('id')));
    return c.redirect('/admin/macros', 303);
  });
  return app;
}
