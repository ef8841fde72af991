import { serve } from '@hono/node-server';
import { createConsoleApp } from '../../console/app.js';
import { nodeConsoleDeps } from '../../console/node-deps.js';
import { pageWorkerCount, startPagePool } from '../../console/page-pool.js';
import { startScheduler } from '../domain/counter-notices/scheduler.js';
import { startWebhookWorker } from '../domain/webhooks/deliver.js';
import { mailMerchantFromWebhookAnswer } from '../domain/dsa/mail-merchant.js';
import { startMerchantLookup } from '../domain/dsa/merchant-lookup.js';
import { startDsaSubmitter } from '../dsa/submit-worker.js';
import { processPendingMessages } from '../domain/messages/process-pending.js';
import { ConfigError } from '../config.js';
import { publicUrlOf, type Runtime } from '../main.js';
import { startEmailIntake } from '../intake/start-email.js';
import { startSlackBot } from '../intake/slack/start.js';
import { DEMO_LOGIN, loadDemo } from './demo.js';

export interface Service {
  name: string;
  stop(): Promise<void>;
}

/**
 * Runs everything configured in one process, and stops it in order on
 * SIGTERM/SIGINT: intake first (it finishes the message in hand), then the
 * web server, then the database. The console answers before anything left
 * pending by the last run is read.
 */
export async function startAll(runtime: Runtime, options: { demo: boolean; log: (line: string) => void }): Promise<{ stop(): Promise<void> }> {
  const { config, log } = { config: runtime.config, log: options.log };
  const services: Service[] = [];
  const deps = await nodeConsoleDeps(runtime);
  const app = createConsoleApp(deps);
  const slack = await startSlackBot(runtime, { log, ctx: deps.ctx });
  if (slack) services.push(slack.service);
  const workers = pageWorkerCount(config.NOTICEDESK_PAGE_WORKERS, config.NOTICEDESK_DB);
  const pages = workers ? startPagePool(workers, config, app.fetch) : null;
  if (pages) services.push({ name: 'page workers', stop: () => pages.close() });
  const fetch = pages ? pages.fetch : app.fetch;
  const server = serve({ fetch: slack ? slack.serve(fetch) : fetch, hostname: config.NOTICEDESK_HOST, port: config.NOTICEDESK_PORT });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new ConfigError(`Port ${config.NOTICEDESK_PORT} on ${config.NOTICEDESK_HOST} is already in use: stop the program using it, or set NOTICEDESK_PORT to another port.`) : error),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.NOTICEDESK_PORT;
  services.push({
    name: 'console',
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would otherwise hold the close open.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  });
  // Links in mails point at the port actually taken when none was configured (NOTICEDESK_PORT=0).
  if (!config.NOTICEDESK_PUBLIC_URL && runtime.base.links) runtime.base.links.publicUrl = publicUrlOf({ ...config, NOTICEDESK_PORT: port });
  log(`Noticedesk console: http://${config.NOTICEDESK_HOST}:${port}/`);
  const scheduler = startScheduler({ ctx: (actor, requestId) => ({ ...runtime.ctx(actor, requestId), counterNotice: deps.counterNotice }) }, { log });
  services.push({ name: 'deadline scheduler', stop: () => scheduler.stop() });
  if (runtime.base.webhooks?.endpoints.length) {
    const webhooks = startWebhookWorker({
      db: runtime.db,
      endpoints: runtime.base.webhooks.endpoints,
      now: () => new Date(),
      retryBaseMs: config.NOTICEDESK_WEBHOOK_RETRY_BASE_MS,
      retryForMs: config.NOTICEDESK_WEBHOOK_RETRY_HOURS * 3_600_000,
      timeoutMs: config.NOTICEDESK_WEBHOOK_TIMEOUT_MS,
      log,
      // A listing.remove answer naming the merchant: the statement of reasons is mailed to them (once).
      onAnswer: async (row, body) => {
        await mailMerchantFromWebhookAnswer(runtime.ctx(), row, body);
      },
    });
    services.push({ name: 'webhook delivery', stop: () => webhooks.stop() });
  }
  if (config.NOTICEDESK_MERCHANT_LOOKUP_URL) {
    const lookup = startMerchantLookup(() => runtime.ctx(), { url: config.NOTICEDESK_MERCHANT_LOOKUP_URL, method: config.NOTICEDESK_MERCHANT_LOOKUP_METHOD, timeoutMs: config.NOTICEDESK_MERCHANT_LOOKUP_TIMEOUT_MS }, { log });
    services.push({ name: 'merchant lookup', stop: () => lookup.stop() });
  }
  if (config.NOTICEDESK_DSA_API_URL && config.NOTICEDESK_DSA_API_TOKEN) {
    const dsa = startDsaSubmitter(runtime.db, { url: config.NOTICEDESK_DSA_API_URL, token: config.NOTICEDESK_DSA_API_TOKEN, intervalMs: config.NOTICEDESK_DSA_SUBMIT_SECONDS * 1000, log });
    services.push({ name: 'DSA submitter', stop: () => dsa.stop() });
  }
  // Started last so it stops first: the message in hand is finished before the database closes.
  const email = startEmailIntake({
    db: runtime.db,
    ctx: () => runtime.ctx(),
    config: {
      imapUrls: config.NOTICEDESK_IMAP_URL,
      smtpUrl: config.NOTICEDESK_SMTP_URL ?? null,
      from: config.NOTICEDESK_FROM,
      fromName: config.NOTICEDESK_FROM_NAME,
      dataDir: config.NOTICEDESK_DATA_DIR,
      // Several instances need PostgreSQL; on SQLite this process is the only sender.
      onlySender: !/^postgres(ql)?:/i.test(config.NOTICEDESK_DB),
      database: config.NOTICEDESK_DB,
    },
    log,
  });
  services.push({ name: 'email intake', stop: () => email.stop() });
  // After the console is up: whatever is pending (even a message that stopped the last run) must not keep it down.
  let stoppingCatchUp = false;
  const catchUp = (async () => {
    const pending = await processPendingMessages(runtime.ctx(), { stopped: () => stoppingCatchUp });
    const setAside = pending.filter((o) => o.status === 'failed' && o.error.startsWith('set aside')).length;
    if (pending.length) log(`finished ${pending.length} message(s) stored but not processed before the last stop${setAside ? `; ${setAside} set aside` : ''}`);
    if (options.demo && !stoppingCatchUp) {
      const summary = await loadDemo(runtime);
      if (summary) log(`demo notices: ${summary.stored} new, ${summary.duplicates} already stored${summary.failed ? `, ${summary.failed} failed` : ''}`);
      // Said once the account exists, so the login printed works the moment it is read.
      log(`demo reviewer login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
    }
  })().catch((error) => log(`finishing pending messages: ${(error as Error).message}`));
  services.push({
    name: 'pending messages',
    stop: async () => {
      stoppingCatchUp = true;
      await catchUp;
    },
  });

  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        for (const service of services.reverse()) await service.stop().catch((error) => log(`stopping ${service.name}: ${(error as Error).message}`));
        await runtime.close();
      })();
      return stopping;
    },
  };
}
