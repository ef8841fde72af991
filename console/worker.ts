import type { Hono } from 'hono';
import { createConsoleApp } from './app.js';
import type { ConsoleEnv } from './deps.js';
import { workerConsoleDeps, type WorkerEnv } from './worker-deps.js';

/*
 * The Cloudflare Workers entry (wrangler.toml `main`): the same console, form
 * and API as `noticedesk start`, over D1. Built on the first request of each
 * isolate, because bindings arrive with the request. There is no mailer
 * here: replies are queued in D1's outbox table and stay there (see README).
 */
let app: Hono<ConsoleEnv> | undefined;

export default {
  fetch(request: Request, env: WorkerEnv, context: unknown): Response | Promise<Response> {
    app ??= createConsoleApp(workerConsoleDeps(env));
    return app.fetch(request, env, context as never);
  },
};
