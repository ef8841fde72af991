import { Hono } from 'hono';
import { listQueue } from '../../src/domain/cases/list-queue.js';
import { listViews } from '../../src/domain/cases/saved-views.js';
import { slaPolicyFor } from '../../src/domain/cases/sla-deadline.js';
import { listReviewers } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { inPage } from '../views/page-shell.js';
import { queueViewHtml } from '../views/queue-page.js';

export function queueRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.get('/', async (c) => {
    const user = c.get('user')!;
    const csrf = c.get('csrfToken');
    const ctx = deps.ctx(actorOf(user), c.get('requestId'));
    const [page, reviewers, views] = await Promise.all([listQueue(ctx, c.req.query()), listReviewers(deps.db), listViews(ctx)]);
    const body = queueViewHtml({ page, now: ctx.now(), reviewers, csrf, query: new URL(c.req.url).search, views, me: user.email, policy: (p) => slaPolicyFor(ctx, p) });
    // Encoded here, once: a Response made from a string checks and encodes it again where a page worker reads it.
    return c.body(Buffer.from(await inPage({ title: 'Queue', user, csrf, active: 'queue' }, body)), 200, { 'content-type': 'text/html; charset=UTF-8' });
  });
  return app;
}
