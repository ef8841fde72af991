import { Hono } from 'hono';
import { pingStore } from '../src/store/repos/cases.js';
import type { ConsoleDeps, ConsoleEnv } from './deps.js';
import { routeBodyLimits } from './http/body.js';
import { toErrorBody, wantsJson } from './http/errors.js';
import { sameOrigin, securityHeaders } from './http/security.js';
import { loadSession, requireUser } from './http/session.js';
import { authRoutes } from './routes/auth.js';
import { caseRoutes } from './routes/case.js';
import { decisionRoutes } from './routes/decisions.js';
import { queueRoutes } from './routes/queue.js';
import { reportRoutes, reportTooLarge } from './routes/report.js';
import { apiRoutes } from './routes/api.js';
import { adminRoutes } from './routes/admin.js';
import { adminWebhookRoutes } from './routes/admin-webhooks.js';
import { bulkRoutes } from './routes/bulk.js';
import { viewRoutes } from './routes/views.js';
import { adminMacroRoutes } from './routes/admin-macros.js';
import { adminAccountRoutes } from './routes/admin-accounts.js';
import { statsRoutes } from './routes/stats.js';
import { statusRoutes } from './routes/status.js';
import { counterNoticeRoutes } from './routes/counter-notice.js';
import { CLIENT_SCRIPT } from './static/client.js';
import { STYLES } from './static/styles.js';
import { FAVICON_SVG } from './static/favicon.js';
import { Alert, Page } from './views/layout.js';

export type { ConsoleDeps } from './deps.js';

const STATIC_HEADERS = { 'cache-control': 'public, max-age=3600' };

/** The reviewer console, online form and API; the same factory serves Node and Workers. */
export function createConsoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('*', securityHeaders({ secure: deps.secureCookies }));
  app.use('*', sameOrigin());
  // Each route's own limit (a few KB to sign in, 80 MB for a complaint with files), refused before it is read.
  app.use('*', routeBodyLimits({ '/report': reportTooLarge }));

  app.get('/healthz', async (c) => {
    await pingStore(deps.db);
    return c.json({ status: 'ok' });
  });
  app.get('/static/app.css', (c) => c.body(STYLES, 200, { 'content-type': 'text/css; charset=utf-8', ...STATIC_HEADERS }));
  app.get('/static/favicon.svg', (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', ...STATIC_HEADERS }));
  // Browsers ask for /favicon.ico on their own; send them to the one icon there is.
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  app.get('/static/app.js', (c) => c.body(CLIENT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', ...STATIC_HEADERS }));

  app.use('*', loadSession(deps));
  app.route('/', authRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', statusRoutes(deps));
  app.route('/', counterNoticeRoutes(deps));
  app.route('/', apiRoutes(deps));

  const reviewer = new Hono<ConsoleEnv>();
  reviewer.use('*', requireUser());
  reviewer.route('/', queueRoutes(deps));
  reviewer.route('/', caseRoutes(deps));
  reviewer.route('/', decisionRoutes(deps));
  reviewer.route('/', adminWebhookRoutes(deps));
  reviewer.route('/', bulkRoutes(deps));
  reviewer.route('/', viewRoutes(deps));
  reviewer.route('/', adminMacroRoutes(deps));
  reviewer.route('/', adminAccountRoutes(deps));
  reviewer.route('/', adminRoutes(deps));
  reviewer.route('/', statsRoutes(deps));
  app.route('/', reviewer);

  app.notFound((c) => {
    if (wantsJson(c)) return c.json({ error: { code: 'not_found', message: 'No such page.', requestId: c.get('requestId') } }, 404);
    return c.html(<Page title="Not found" user={c.get('user') ?? null} csrf={c.get('csrfToken') ?? null}><Alert kind="error">There is no such page.</Alert></Page>, 404);
  });
  app.onError((error, c) => {
    const { status, body } = toErrorBody(error, c.get('requestId') ?? 'unknown');
    if (status >= 500) console.error(`[${body.error.requestId}] ${c.req.method} ${c.req.path}:`, error);
    if (wantsJson(c)) return c.json(body, status);
    return c.html(
      <Page title="Error" user={c.get('user') ?? null} csrf={c.get('csrfToken') ?? null}>
        <Alert kind="error">{body.error.message}</Alert>
        <p class="muted small">Request id: {body.error.requestId}</p>
      </Page>,
      status,
    );
  });
  return app;
}
