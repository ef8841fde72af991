import { Hono } from 'hono';
import { deleteView, saveView } from '../../src/domain/cases/saved-views.js';
import { DomainError } from '../../src/domain/errors.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { checkCsrf } from '../http/session.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Saved queue views: save the filter on screen under a name, open it, delete one's own. */
export function viewRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.post('/views', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, text(body._csrf))) return c.text('The form expired or came from elsewhere; reload the page and try again.', 403);
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    try {
      const view = await saveView(ctx, { name: text(body.name), shared: body.shared === 'on', query: text(body.query) });
      return c.redirect(view.query ? `/?${view.query}` : '/', 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') {
        const fields = (error.details.fields ?? {}) as Record<string, string>;
        return c.text(`The view was not saved: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ') || error.message}`, 422);
      }
      throw error;
    }
  });
  app.post('/views/:id{\\d+}/delete', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, text(body._csrf))) return c.text('The form expired or came from elsewhere; reload the page and try again.', 403);
    await deleteView(deps.ctx(actorOf(c.get('user')!), c.get('requestId')), Number(c.req.param('id')));
    return c.redirect('/', 303);
  });
  return app;
}
