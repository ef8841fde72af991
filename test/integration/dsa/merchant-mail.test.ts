import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { MERCHANT_MAILED_EVENT, mailMerchantFromWebhookAnswer } from '../../../src/domain/dsa/mail-merchant.js';
import { lookUpDueMerchants, type MerchantLookupSettings } from '../../../src/domain/dsa/merchant-lookup.js';
import { verifyLink } from '../../../src/domain/links/signed-link.js';
import { deliverDueWebhooks, type DeliveryOptions } from '../../../src/domain/webhooks/deliver.js';
import type { PlatformProfile } from '../../../src/rules/platform-profile.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { Mailer } from '../../../src/replies/mailer.js';
import { sendQueuedReplies } from '../../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../../src/replies/smtp-mailer.js';
import { listCaseEvents } from '../../../src/store/repos/cases.js';
import { listCaseMerchantNotices } from '../../../src/store/repos/merchant-notices.js';
import type { Db } from '../../../src/store/open.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../setup/smtp-receiver.js';
import { freePort } from '../../support/ports.js';
import { openTestDb, TEST_LINK_SECRET, testCtx } from '../../support/store.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';
import { listing, REVIEWER, seedCase } from '../domain/seed.js';

const SECRET = 'platform-webhook-secret-0123456789';
const FROM = 'ipr@noticedesk.test';
const MERCHANT = { email: 'shop-owner@merchant.example', name: 'Lucky Shop' };

let db: Db;
let smtp: SmtpReceiver;
let mailer: Mailer;
let platforms: PlatformProfile[];
let clock = new Date('2026-03-04T10:00:00Z');
const now = () => clock;

beforeAll(async () => {
  platforms = await loadPlatforms(join('data', 'platforms'));
  smtp = await startSmtpReceiver(await freePort());
  mailer = createSmtpMailer(smtp.url);
});
afterAll(async () => {
  await mailer.close();
  await smtp.stop();
});
beforeEach(async () => {
  db = await openTestDb();
  smtp.messages.length = 0;
  clock = new Date('2026-03-04T10:00:00Z');
});

function ctxWith(extra: Partial<Ctx> = {}): Ctx {
  return makeCtx({ ...testCtx(db, { now, platforms }), ...extra }, REVIEWER);
}
const send = () => sendQueuedReplies(db, mailer, { from: FROM, now });
const merchantMails = () => smtp.messages.filter((m) => m.envelopeTo.includes(MERCHANT.email));
const mailedEvents = async (caseId: number) => (await listCaseEvents(db, caseId)).filter((e) => e.type === MERCHANT_MAILED_EVENT);

describe('the merchant is mailed its statement of reasons', () => {
  it('when the platform answers listing.remove with the merchant: one mail per listing with the statement and link, none on a retry', async () => {
    const receiver = await startWebhookReceiver((_n, hook) => (hook.event.type === 'listing.remove' ? { status: 200, json: { merchant: MERCHANT } } : 200));
    try {
      const endpoints = [{ url: receiver.url, secret: SECRET }];
      const ctx = ctxWith({ webhooks: { endpoints } });
      const delivery: DeliveryOptions = { db, endpoints, now, retryBaseMs: 1_000, retryForMs: 24 * 3_600_000, timeoutMs: 2_000, onAnswer: async (row, body) => void (await mailMerchantFromWebhookAnswer(ctxWith(), row, body)) };
      const c = await seedCase(ctx);
      const urls = c.complaint.listings.map((l) => l.url);
      await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), keptReason: 'Genuine goods.' });
      // Nothing is queued for the merchant before the platform names them.
      expect(await listCaseMerchantNotices(db, c.id)).toEqual([]);

      expect(await deliverDueWebhooks(delivery)).toEqual({ delivered: 4, failed: 0 });
      const notices = await listCaseMerchantNotices(db, c.id);
      expect(notices.map((n) => [n.url, n.merchantEmail, n.source, n.mailStatus])).toEqual([
        [urls[0], MERCHANT.email, 'webhook', 'queued'],
        [urls[1], MERCHANT.email, 'webhook', 'queued'],
      ]);
      // Queued is not sent: the case does not yet say the merchant was mailed.
      expect(await mailedEvents(c.id)).toEqual([]);

      await send();
      const mails = merchantMails();
      expect(mails).toHaveLength(2);
      const text = mails.map((m) => m.parsed.text ?? '').sort();
      for (const [i, url] of urls.slice(0, 2).entries()) {
        const body = text.find((t) => t.includes(url))!;
        expect(body).toBeDefined();
        expect(body).toContain('Dear Lucky Shop,');
        expect(body).toContain('statement of reasons');
        expect(body).toContain('Copyright law: Directive 2001/29/EC');
        expect(body).not.toContain('Acme Pictures'); // the complainant did not consent to disclosure
        const link = /\/counter-notice\/(\S+)/.exec(body)![1]!;
        const check = verifyLink(TEST_LINK_SECRET, link, 'counter_notice', clock);
        expect(check.ok && check.claims.caseId, `link of listing ${i + 1}`).toBe(c.id);
      }
      expect(text.join('\n')).not.toContain(urls[2]!);
      expect(mails[0]!.parsed.subject).toBe(`[${c.number}] Statement of reasons: your listing is to be removed`);
      expect((await mailedEvents(c.id)).map((e) => e.data.url).sort()).toEqual(urls.slice(0, 2).sort());

      // The platform gets the removals again (a lost answer, a lease that ran out) and names the merchant again: no second mail.
      await db.updateTable('webhook_deliveries').set({ status: 'pending', next_attempt_at: clock.toISOString() }).where('type', '=', 'listing.remove').execute();
      expect(await deliverDueWebhooks(delivery)).toEqual({ delivered: 2, failed: 0 });
      expect(receiver.received.filter((r) => r.event.type === 'listing.remove')).toHaveLength(4);
      await send();
      expect(merchantMails()).toHaveLength(2);
      expect(await mailedEvents(c.id)).toHaveLength(2);
      expect(await db.selectFrom('outbox').select('id').where('template', '=', 'statement-of-reasons').execute()).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it('an answer without a merchant, or with an address we do not write to, mails no one', async () => {
    const receiver = await startWebhookReceiver((n, hook) => (hook.event.type !== 'listing.remove' ? 200 : n % 2 ? { status: 200, json: { ok: true } } : { status: 200, json: { merchant: { email: 'a@x.example, b@y.example' } } }));
    try {
      const endpoints = [{ url: receiver.url, secret: SECRET }];
      const ctx = ctxWith({ webhooks: { endpoints } });
      const c = await seedCase(ctx);
      await acceptCase(ctx, { caseNumber: c.number });
      await deliverDueWebhooks({ db, endpoints, now, retryBaseMs: 1_000, retryForMs: 86_400_000, timeoutMs: 2_000, onAnswer: async (row, body) => void (await mailMerchantFromWebhookAnswer(ctxWith(), row, body)) });
      await send();
      expect(smtp.messages.filter((m) => m.parsed.subject?.includes('Statement of reasons'))).toHaveLength(0);
      expect((await listCaseMerchantNotices(db, c.id)).every((n) => n.status === 'unusable_address' && n.outboxId === null)).toBe(true);
      expect((await listCaseEvents(db, c.id)).some((e) => e.type === 'merchant_address_unusable')).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});

describe('the merchant lookup (NOTICEDESK_MERCHANT_LOOKUP_URL)', () => {
  let server: ReturnType<typeof createServer>;
  let base: string;
  const asked: { method: string; url: string; body: string }[] = [];
  let failNext = 0;
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        asked.push({ method: req.method!, url: req.url!, body });
        const listingUrl = req.method === 'POST' ? (JSON.parse(body) as { url: string }).url : new URL(req.url!, 'http://x').searchParams.get('url')!;
        if (failNext > 0) {
          failNext -= 1;
          res.statusCode = 503;
          return res.end('busy');
        }
        res.setHeader('content-type', 'application/json');
        if (listingUrl.endsWith('/3.html')) {
          res.statusCode = 404;
          return res.end('{"merchant":null}');
        }
        res.end(JSON.stringify({ merchant: { email: MERCHANT.email, name: listingUrl.includes('taobao') ? '幸运小店' : MERCHANT.name } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/merchant`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    asked.length = 0;
    failNext = 0;
  });

  it('GET: a failure is retried and shown on the case, then the merchant is mailed once; a listing with no merchant is noted', async () => {
    const ctx = ctxWith();
    const settings: MerchantLookupSettings = { url: base, method: 'GET', timeoutMs: 2_000 };
    const c = await seedCase(ctx);
    const urls = c.complaint.listings.map((l) => l.url);
    await acceptCase(ctx, { caseNumber: c.number });
    failNext = 3;
    expect(await lookUpDueMerchants(ctxWith(), settings)).toEqual({ mailed: 0, none: 0, failed: 3 });
    expect(asked[0]!.method).toBe('GET');
    expect(new URL(asked[0]!.url, 'http://x').searchParams.get('case_number')).toBe(c.number);
    const failedNotices = await listCaseMerchantNotices(db, c.id);
    expect(failedNotices.map((n) => [n.status, n.lastError])).toEqual(urls.map(() => ['lookup_failed', 'HTTP 503']));
    expect((await listCaseEvents(db, c.id)).filter((e) => e.type === 'merchant_lookup_failed')).toHaveLength(3);
    // Not due yet: nothing is asked before the backoff ends.
    expect(await lookUpDueMerchants(ctxWith(), settings)).toEqual({ mailed: 0, none: 0, failed: 0 });

    clock = new Date(clock.getTime() + 60_000);
    expect(await lookUpDueMerchants(ctxWith(), settings)).toEqual({ mailed: 2, none: 1, failed: 0 });
    expect(await lookUpDueMerchants(ctxWith(), settings)).toEqual({ mailed: 0, none: 0, failed: 0 });
    await send();
    await send();
    expect(merchantMails()).toHaveLength(2);
    expect(merchantMails().map((m) => m.parsed.text).join('\n')).not.toContain(urls[2]!);
    expect((await listCaseEvents(db, c.id)).filter((e) => e.type === 'merchant_lookup_found_no_merchant').map((e) => e.data.url)).toEqual([urls[2]]);
    expect((await mailedEvents(c.id)).map((e) => e.data.url).sort()).toEqual(urls.slice(0, 2).sort());
  });

  it('POST, and the mail is in Chinese where the platform writes to merchants in Chinese', async () => {
    const ctx = ctxWith();
    const settings: MerchantLookupSettings = { url: base, method: 'POST', timeoutMs: 2_000 };
    const taobaoUrl = 'https://item.taobao.com/item.htm?id=612345678901';
    const c = await seedCase(ctx, { complaint: { platform: 'taobao', iprType: 'trademark', listings: [{ ...listing(taobaoUrl), platform: 'taobao' }] } });
    await acceptCase(ctx, { caseNumber: c.number });
    expect(await lookUpDueMerchants(ctxWith(), settings)).toEqual({ mailed: 1, none: 0, failed: 0 });
    expect(asked).toHaveLength(1);
    expect(JSON.parse(asked[0]!.body)).toEqual({ url: taobaoUrl, platform: 'taobao', case_number: c.number });
    await send();
    const [mail] = merchantMails();
    expect(mail!.parsed.subject).toBe(`[${c.number}] 处理理由说明：您的商品链接将被删除`);
    expect(mail!.parsed.text).toContain('幸运小店，您好');
    expect(mail!.parsed.text).toContain('商标权');
    expect(mail!.parsed.text).toContain('/counter-notice/');
    expect(await mailedEvents(c.id)).toHaveLength(1);
  });
});
