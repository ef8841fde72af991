import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { startEmailIntake } from '../../../src/intake/start-email.js';
import { createThreadedWork } from '../../../src/intake/untrusted/threaded-work.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { createDiskFileStore } from '../../../src/store/file-store.js';
import type { Db } from '../../../src/store/open.js';
import { startDovecot, type Dovecot } from '../../setup/dovecot.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../setup/smtp-receiver.js';
import { openTestDb, tempSqlitePath } from '../../support/store.js';

export const OUR_ADDRESS = 'ipr@noticedesk.test';
/** The email tests keep attachments up to 256 KB, so a 300 KB fixture is "oversized" without a huge file. */
export const TEST_ATTACHMENT_LIMIT = 256 * 1024;

export const fixture = (name: string): Buffer => readFileSync(join('test/fixtures/mail', name));

export async function intakeCtx(db: Db): Promise<() => Ctx> {
  const platforms = await loadPlatforms(join('data', 'platforms'));
  // The same bounded threads as `noticedesk start` (they do not hold the process open).
  const work = createThreadedWork({ platforms });
  return () =>
    makeCtx({
      db,
      now: () => new Date(),
      platforms,
      files: createDiskFileStore(join('data', 'tmp', 'attachments')),
      ownAddresses: [OUR_ADDRESS],
      limits: { maxAttachmentBytes: TEST_ATTACHMENT_LIMIT },
      work,
      mailAuth: { trustedAuthservIds: ['mx.noticedesk.test'] },
    });
}

export interface Harness {
  dovecot: Dovecot;
  smtp: SmtpReceiver;
  db: Db;
  dbPath: string;
  append(raw: Buffer | string, mailbox?: string): Promise<void>;
  startIntake(options?: { imapQuery?: string; maxPerHour?: number }): Promise<void>;
  stopIntake(): Promise<void>;
  logs: string[];
  close(): Promise<void>;
}

/** Real Dovecot, real SMTP receiver, real SQLite; ports are per test file so files run in parallel. */
export async function startHarness(imapPort: number, smtpPort: number): Promise<Harness> {
  const [dovecot, smtp] = await Promise.all([startDovecot(imapPort), startSmtpReceiver(smtpPort)]);
  const dbPath = tempSqlitePath();
  const db = await openTestDb(dbPath);
  const ctx = await intakeCtx(db);
  const logs: string[] = [];
  const connect = async () => {
    const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await client.connect();
    return client;
  };
  let appender = await connect();
  let intake: { stop(): Promise<void> } | null = null;
  return {
    dovecot, smtp, db, dbPath, logs,
    async append(raw, mailbox = 'INBOX') {
      // A test may have kicked every session of the user to exercise reconnects.
      if (!appender.usable) appender = await connect();
      await appender.append(mailbox, raw);
    },
    async startIntake(options = {}) {
      intake = startEmailIntake({
        db,
        ctx,
        config: { imapUrls: [dovecot.url('INBOX', options.imapQuery)], smtpUrl: smtp.url, from: OUR_ADDRESS, dataDir: 'data/tmp', maxRepliesPerRecipientPerHour: options.maxPerHour, pollMs: 5_000, database: dbPath },
        log: (line) => logs.push(line),
      });
    },
    async stopIntake() {
      await intake?.stop();
      intake = null;
    },
    async close() {
      await intake?.stop();
      await appender.logout().catch(() => undefined);
      await db.destroy();
      await Promise.all([dovecot.stop(), smtp.stop()]);
    },
  };
}

export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
