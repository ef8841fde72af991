import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { mailMerchantFromWebhookAnswer } from '../../../src/domain/dsa/mail-merchant.js';
import { askLookup } from '../../../src/domain/dsa/merchant-lookup.js';
import { deliverDueWebhooks, type DeliveryOptions } from '../../../src/domain/webhooks/deliver.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { PlatformProfile } from '../../../src/rules/platform-profile.js';
import { listCaseMerchantNotices } from '../../../src/store/repos/merchant-notices.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { REVIEWER, seedCase } from '../domain/seed.js';

/** Answers 200 with `head`, then keeps writing filler until the client goes away. */
function endless(res: ServerResponse, head: string, filler: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json');
  res.write(head);
  const chunk = filler.repeat(16_384);
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) return clearInterval(timer);
    res.write(chunk);
  }, 5);
  res.on('close', () => clearInterval(timer));
}

let server: Server;
let base: string;
let platforms: PlatformProfile[];

beforeAll(async () => {
  platforms = await loadPlatforms(join('data', 'platforms'));
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => endless(res, '{"merchant":{"email":"shop@merchant.example","name":"Shop"}}', req.url?.startsWith('/junk') ? 'x' : ' '));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a platform answering with an endless body', () => {
  it('the merchant lookup stops reading at the limit and says so, instead of waiting for its timeout', async () => {
    const answer = await askLookup({ url: `${base}/lookup`, method: 'GET', timeoutMs: 10_000 }, { url: 'https://shop.example/1.html', platform: null, caseNumber: 'ND-1' });
    expect(answer).toEqual({ kind: 'failed', error: 'the answer is longer than 65536 bytes' });
  });

  it('a webhook answered 2xx is delivered once although its answer never ends; the cut answer names no merchant', async () => {
    const db = await openTestDb();
    const clock = new Date('2026-03-04T10:00:00Z');
    const now = () => clock;
    const endpoints = [{ url: `${base}/junk`, secret: 'platform-webhook-secret-0123456789' }];
    const ctx = makeCtx({ ...testCtx(db, { now, platforms }), webhooks: { endpoints } }, REVIEWER);
    const delivery: DeliveryOptions = { db, endpoints, now, retryBaseMs: 1_000, retryForMs: 3_600_000, timeoutMs: 10_000, onAnswer: async (row, body) => void (await mailMerchantFromWebhookAnswer(ctx, row, body)) };
    const c = await seedCase(ctx);
    await acceptCase(ctx, { caseNumber: c.number });
    const first = await deliverDueWebhooks(delivery);
    expect(first.failed).toBe(0);
    expect(first.delivered).toBeGreaterThan(0);
    expect(await deliverDueWebhooks(delivery)).toEqual({ delivered: 0, failed: 0 });
    // The body was cut mid-filler: not the JSON the desk reads a merchant from.
    expect(await listCaseMerchantNotices(db, c.id)).toEqual([]);
  });
});
