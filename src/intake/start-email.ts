import { join } from 'node:path';
import type { Ctx } from '../domain/context.js';
import type { Db } from '../store/open.js';
import { createFolderMailer } from '../replies/folder-mailer.js';
import { startSendWorker } from '../replies/send-worker.js';
import { canSendFromThread, startSendThread } from '../replies/send-thread.js';
import { createSmtpMailer } from '../replies/smtp-mailer.js';
import { watchDropFolder } from './drop-folder/watch-drop-folder.js';
import { startMailboxPoller } from './imap/mailbox-poller.js';
import { MailboxUrl } from './imap/mailbox-url.js';

export interface EmailIntakeConfig {
  imapUrls: string[];
  smtpUrl: string | null;
  /** Our address: the From of every reply and the domain of its Message-ID. */
  from: string;
  /** The desk's name, shown as the From display name and signing every mail. */
  fromName?: string;
  dataDir: string;
  /** Automated replies per recipient per hour (default 10). */
  maxRepliesPerRecipientPerHour?: number;
  pollMs?: number;
  /** How long a reply may stay `sending` before it counts as interrupted (default 5 min). */
  replyLeaseMs?: number;
  /** Larger messages are recorded from their first bytes and not processed (default 50 MB). */
  maxMessageBytes?: number;
  /** No other process sends from this database (SQLite): replies left `sending` by the last run are settled at once. */
  onlySender?: boolean;
  /**
   * Where `db` is (a SQLite file or a `postgres://` URL): replies are then sent
   * from a thread of their own with its own connection, off the intake's
   * thread. Without it (or for `:memory:`) they are sent on this thread.
   */
  database?: string;
}

export interface EmailIntakeDeps {
  db: Db;
  /** A context, or a factory that makes one per message. */
  ctx: Ctx | (() => Ctx);
  config: EmailIntakeConfig;
  log: (line: string) => void;
}

/**
 * Starts everything email: one poller per IMAP mailbox (or the drop folder
 * data/inbox/ when none is set) and the reply worker (SMTP, or .eml files in
 * data/outbox/ when no SMTP URL is set). `stop()` finishes the message and
 * the reply in hand.
 */
export function startEmailIntake(deps: EmailIntakeDeps): { stop(): Promise<void> } {
  const { config, log } = deps;
  const ctx = typeof deps.ctx === 'function' ? deps.ctx : () => deps.ctx as Ctx;
  const mailboxes = config.imapUrls.map((url) => MailboxUrl.parse(url));
  const outboxDir = join(config.dataDir, 'outbox');
  const send = {
    from: config.from,
    fromName: config.fromName,
    maxPerRecipientPerHour: config.maxRepliesPerRecipientPerHour,
    leaseMs: config.replyLeaseMs,
    settleAllClaims: config.onlySender,
  };
  const worker = canSendFromThread(config.database)
    ? startSendThread({ database: config.database, smtpUrl: config.smtpUrl, outboxDir, send }, log)
    : startSendWorker(deps.db, config.smtpUrl ? createSmtpMailer(config.smtpUrl) : createFolderMailer(outboxDir), { ...send, log });
  const intakes =
    mailboxes.length > 0
      ? mailboxes.map((mailbox) => startMailboxPoller({ mailbox, ctx, log, onProcessed: worker.nudge, pollMs: config.pollMs, maxMessageBytes: config.maxMessageBytes }))
      : [watchDropFolder({ dir: join(config.dataDir, 'inbox'), ctx, log, onProcessed: worker.nudge, pollMs: config.pollMs, maxMessageBytes: config.maxMessageBytes })];
  log(`email intake: ${mailboxes.length > 0 ? `${mailboxes.length} IMAP mailbox(es)` : `drop folder ${join(config.dataDir, 'inbox')}`}; replies via ${config.smtpUrl ? 'SMTP' : outboxDir}`);
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        await Promise.all(intakes.map((intake) => intake.stop()));
        await worker.stop();
      })();
      return stopping;
    },
  };
}
