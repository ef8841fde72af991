import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeCase } from '../../../src/domain/cases/close-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { verifyWebhookSignature } from '../../../src/domain/webhooks/signature.js';
import type { Db } from '../../../src/store/open.js';
import { startNoticedesk } from '../../support/noticedesk-process.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { REVIEWER, seedCase } from '../domain/seed.js';

const SECRET = 'platform-webhook-secret-0123456789';
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

async function until(done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

describe('webhook delivery across a kill -9 of the desk', () => {
  it('delivers every event once with a 2xx, the one in flight again after the restart, none lost', async () => {
    // The receiver holds its third request unanswered: the desk is killed while waiting for it.
    const requests: { id: string; valid: boolean }[] = [];
    const answered: string[] = [];
    const held: ServerResponse[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = (JSON.parse(body) as { id: string }).id;
        requests.push({ id, valid: verifyWebhookSignature(SECRET, body, String(req.headers['noticedesk-signature']), new Date()) });
        if (requests.length === 3) {
          held.push(res);
          return;
        }
        answered.push(id);
        res.statusCode = 200;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

    const dir = mkdtempSync(join(resolve('data/tmp'), 'webhooks-kill-'));
    const dbPath = join(dir, 'noticedesk.sqlite');
    const db: Db = await openTestDb(dbPath);
    const ctx = makeCtx({ ...testCtx(db), webhooks: { endpoints: [{ url: hookUrl, secret: SECRET }] } }, REVIEWER);
    for (let i = 0; i < 3; i += 1) {
      const c = await seedCase(ctx);
      await closeCase(ctx, { caseNumber: c.number, note: 'Spam.' });
    }
    const ids = (await db.selectFrom('webhook_deliveries').select('event_id').orderBy('id').execute()).map((r) => r.event_id);
    expect(ids).toHaveLength(6);

    const env = {
      ...process.env,
      NOTICEDESK_DB: dbPath,
      NOTICEDESK_DATA_DIR: dir,
      NOTICEDESK_PORT: '0',
      NOTICEDESK_WEBHOOK_URL: hookUrl,
      NOTICEDESK_WEBHOOK_SECRET: SECRET,
      NOTICEDESK_WEBHOOK_TIMEOUT_MS: '1000',
      NOTICEDESK_WEBHOOK_RETRY_BASE_MS: '200',
    };
    try {
      const first = await startNoticedesk({ env, running });
      expect(await until(() => held.length === 1)).toBe(true);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      const inFlight = requests[2]!.id;
      held[0]!.destroy();

      const second = await startNoticedesk({ env, running });
      // Settled: every stored message taken in (a case it opens records events too) and every event delivered.
      const settled = async () =>
        (await db.selectFrom('raw_messages').select('id').where('state', '=', 'stored').execute()).length === 0 &&
        (await db.selectFrom('webhook_deliveries').select('status').where('status', '!=', 'delivered').execute()).length === 0;
      expect(await until(settled)).toBe(true);
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));

      expect(requests.every((r) => r.valid)).toBe(true);
      // The seeded cases' messages are still stored unprocessed; the desk takes them in at start and may open cases: their events count too.
      const all = (await db.selectFrom('webhook_deliveries').select('event_id').execute()).map((r) => r.event_id);
      expect(all).toEqual(expect.arrayContaining(ids));
      // Every event got exactly one 2xx; only the one in flight at the kill was sent twice, with the same id.
      expect([...answered].sort()).toEqual([...all].sort());
      expect(requests.filter((r) => r.id === inFlight)).toHaveLength(2);
      expect(requests).toHaveLength(all.length + 1);
    } finally {
      await db.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 120_000);
});
