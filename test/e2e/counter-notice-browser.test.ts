import type { ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { acceptCase } from '../../src/domain/cases/accept-case.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx, type CtxBase } from '../../src/domain/context.js';
import { processMessage } from '../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../src/domain/messages/receive-message.js';
import { SYSTEM } from '../../src/domain/schemas/index.js';
import { deliverDueWebhooks } from '../../src/domain/webhooks/deliver.js';
import { sendQueuedReplies } from '../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../src/replies/smtp-mailer.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { listChildCases } from '../../src/store/repos/case-links.js';
import type { Db } from '../../src/store/open.js';
import { startSmtpReceiver, type SmtpReceiver } from '../setup/smtp-receiver.js';
import { launchChromium, type TestBrowser } from '../support/chromium.js';
import { makeDmcaBody, makeEmail } from '../support/mail.js';
import { openTestDb, testCtx } from '../support/store.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { REVIEWER } from '../integration/domain/seed.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';

const SECRET = 'platform-webhook-secret-0123456789';

describe('the merchant\'s counter-notice form in a real browser', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let chrome: TestBrowser;
  let smtp: SmtpReceiver;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let ctxBase: CtxBase;
  let app: ReturnType<typeof createConsoleApp>;

  beforeAll(async () => {
    db = await openTestDb();
    ({ server, base } = await serveOnLoopback((req) => app.fetch(req)));
    hooks = await startWebhookReceiver();
    const plain = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
    ctxBase = { ...plain, links: { ...plain.links!, publicUrl: base }, webhooks: { endpoints: [{ url: hooks.url, secret: SECRET }] } };
    app = createConsoleApp({ db, ctx: (actor, requestId) => ({ ...makeCtx(ctxBase, actor, requestId), counterNotice: { businessDays: 3, holidays: [] } }), secureCookies: false, intake: submitStructured });
    smtp = await startSmtpReceiver(20000 + Math.floor(Math.random() * 20000));
    chrome = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await smtp?.stop();
    await hooks?.close();
    await stopServer(server);
    await db?.destroy();
  });

  it('listing.remove link -> form -> a missing phone is refused with the fields kept -> filed -> receipt, acknowledgement mail', async () => {
    const intake = makeCtx(ctxBase, SYSTEM);
    const urls = ['https://github.com/copycat/walk-engine', 'https://github.com/copycat/walk-tools'];
    const raw = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: '<cn-walk@orbit-labs.example>', body: makeDmcaBody({ urls }) });
    const { message } = await receiveMessage(intake, { channel: 'email', raw, origin: 'test' });
    const filed = await processMessage(intake, message.id);
    if (filed.status !== 'processed') throw new Error('not processed');
    const notice = (await acceptCase(makeCtx(ctxBase, REVIEWER), { caseNumber: filed.case.number })).case;
    await deliverDueWebhooks({ db, endpoints: [{ url: hooks.url, secret: SECRET }], now: () => new Date(), retryBaseMs: 1_000, retryForMs: 3_600_000, timeoutMs: 5_000 });
    const removal = hooks.received.find((h) => h.event.type === 'listing.remove');
    const link = (removal?.event.data.counter_notice as { url: string } | undefined)?.url ?? '';
    expect(link.startsWith(`${base}/counter-notice/`)).toBe(true);

    const page = await chrome.browser.newPage();
    const problems: string[] = [];
    // The refused post below answers 422 on purpose; Chromium logs that status, nothing else may be logged.
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(link);
    expect(await page.textContent('h1')).toBe(`Counter-notice for case ${notice.number}`);
    expect(await page.locator('input[name=listings]').count()).toBe(2);
    expect(await page.isChecked('#listing-1')).toBe(true);

    // The merchant contests one listing, and forgets their phone number: the form keeps what they typed.
    await page.uncheck('#listing-2');
    await page.fill('#name', 'Lee Chan');
    await page.fill('#address', '12 Harbour Road, Hong Kong');
    await page.fill('#email', 'lee@merchant.example');
    await page.fill('#explanation', 'The engine is my own code.');
    await page.check('input[name=mistake]');
    await page.check('input[name=jurisdiction]');
    await page.fill('#signature', 'Lee Chan');
    await page.click('button[type=submit]');
    expect(await page.textContent('#phone-error')).toBe('Required.');
    expect(await page.inputValue('#name')).toBe('Lee Chan');
    expect(await page.isChecked('#listing-2')).toBe(false);
    expect(await listChildCases(db, notice.id, ['received', 'deficient', 'in_review'])).toEqual([]);

    await page.fill('#phone', '+852 5555 0100');
    await Promise.all([page.waitForURL(`${base}/counter-notice/received`), page.click('button[type=submit]')]);
    const [counter] = await listChildCases(db, notice.id, ['in_review']);
    expect(counter?.complaint.listings.map((l) => l.url)).toEqual([urls[0]]);
    expect(await page.textContent('#registered')).toBe(`Your counter-notice is registered as case ${counter!.number}, linked to case ${notice.number}.`);
    expect(await page.textContent('#mailed')).toContain('lee@merchant.example');
    // Reloading shows the receipt again and files nothing twice.
    await page.reload();
    expect(await page.textContent('#registered')).toContain(counter!.number);
    expect(await listChildCases(db, notice.id, ['in_review'])).toHaveLength(1);
    expect(problems).toEqual([]);

    const mailer = createSmtpMailer(smtp.url);
    await sendQueuedReplies(db, mailer, { from: 'ipr@noticedesk.test', fromName: 'IPR Desk' });
    await mailer.close();
    // The complainant's acknowledgement and acceptance, and the merchant's acknowledgement.
    const mails = await smtp.waitFor(3);
    const ack = mails.find((m) => m.envelopeTo.includes('lee@merchant.example'));
    expect(ack?.parsed.subject).toBe(`[${counter!.number}] We received your counter-notice`);

    // A made-up token: a clear page, no case.
    const res = await page.goto(`${base}/counter-notice/not-a-real-token`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('#link-problem')).toContain('This counter-notice link is not valid.');
    await page.close();
  });
});
