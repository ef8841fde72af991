import { join } from 'node:path';
import { ConfigError, type Config } from './config.js';
import { pairWebhookEndpoints } from './domain/webhooks/endpoints.js';
import { makeCtx, type CtxBase } from './domain/context.js';
import { createThreadedWork } from './intake/untrusted/threaded-work.js';
import { loadPlatforms } from './rules/load-platforms.js';
import { createDiskFileStore } from './store/file-store.js';
import { loadLinkSecret } from './store/link-secret.js';
import { migrateToLatest } from './store/migrate.js';
import { openDatabase, type Db } from './store/open.js';

import { PROJECT_DIR, type Runtime } from './runtime.js';

export { PROJECT_DIR, type Runtime };

/**
 * The one Node wiring: opens and migrates the store, loads the platform
 * profiles, builds the context. `migrate: false` is for a second connection
 * in the same process (the page workers), opened after the first migrated.
 */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const db = openDatabase(config.NOTICEDESK_DB);
  if (options.migrate !== false) await migrateToLatest(db);
  const platforms = await loadPlatforms(join(PROJECT_DIR, 'data', 'platforms'));
  // Threads start on first use, so commands that read no mail never start them.
  const work = createThreadedWork({ platforms });
  const base: CtxBase = {
    db,
    now: () => new Date(),
    platforms,
    files: createDiskFileStore(join(config.NOTICEDESK_DATA_DIR, 'attachments')),
    ownAddresses: [config.NOTICEDESK_FROM],
    limits: { maxAttachmentBytes: config.NOTICEDESK_MAX_ATTACHMENT_BYTES },
    work,
    mailAuth: { trustedAuthservIds: config.NOTICEDESK_AUTHSERV_ID },
    links: {
      secret: await loadLinkSecret(config.NOTICEDESK_DATA_DIR, config.NOTICEDESK_LINK_SECRET),
      days: config.NOTICEDESK_LINK_DAYS,
      publicUrl: publicUrlOf(config),
    },
    webhooks: { endpoints: webhookEndpointsOf(config) },
    mentions: { slack: Boolean(config.SLACK_SIGNING_SECRET && config.SLACK_BOT_TOKEN) },
  };
  return {
    config,
    db,
    base,
    ctx: (actor, requestId) => makeCtx(base, actor, requestId),
    close: async () => {
      await work.close();
      await db.destroy();
    },
  };
}

/** Where links in mails point: the configured public address, or the console's own. */
export function publicUrlOf(config: Config): string {
  if (config.NOTICEDESK_PUBLIC_URL) return config.NOTICEDESK_PUBLIC_URL.replace(/\/+$/, '');
  const host = config.NOTICEDESK_HOST === '0.0.0.0' ? '127.0.0.1' : config.NOTICEDESK_HOST;
  return `http://${host}:${config.NOTICEDESK_PORT}`;
}

function webhookEndpointsOf(config: Config) {
  try {
    return pairWebhookEndpoints(config.NOTICEDESK_WEBHOOK_URL, config.NOTICEDESK_WEBHOOK_SECRET);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}\nSee .env.example for every setting.`);
  }
}
