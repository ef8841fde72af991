import { Hono } from 'hono';
import type { Db } from '../src/store/open.js';

export interface ConsoleDeps {
  db: Db;
}

/** The reviewer console, online form and API; the same factory serves Node and Workers. */
export function createConsoleApp(deps: ConsoleDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    await deps.db.selectFrom('cases').select('id').limit(1).execute();
    return c.json({ status: 'ok' });
  });
  return app;
}
