import type { ServerType } from '@hono/node-server';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx, type CtxBase } from '../../src/domain/context.js';
import { processMessage } from '../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../src/domain/messages/receive-message.js';
import { sendQueuedReplies } from '../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../src/replies/smtp-mailer.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { findCaseByNumber, listCaseEvents } from '../../src/store/repos/cases.js';
import type { Db } from '../../src/store/open.js';
import { startSmtpReceiver, type SmtpReceiver } from '../setup/smtp-receiver.js';
import { makeDmcaBody, makeEmail } from '../support/mail.js';
import { openTestDb, testCtx } from '../support/store.js';
import { launchChromium, type TestBrowser } from '../support/chromium.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';


describe('the complainant\'s status page in a real browser', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let browser: BrowserContext;
  let chrome: TestBrowser;
  let smtp: SmtpReceiver;
  let ctxBase: CtxBase;

  beforeAll(async () => {
    db = await openTestDb();
    ({ server, base } = await serveOnLoopback((req) => app.fetch(req)));
    const plain = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
    ctxBase = { ...plain, links: { ...plain.links!, publicUrl: base } };
    app = createConsoleApp({ db, ctx: (actor, requestId) => makeCtx(ctxBase, actor, requestId), secureCookies: false, intake: submitStructured });
    smtp = await startSmtpReceiver(20000 + Math.floor(Math.random() * 20000));
    chrome = await launchChromium();
    browser = chrome.browser;
  }, 120_000);
  let app: ReturnType<typeof createConsoleApp>;

  afterAll(async () => {
    await chrome?.close();
    await smtp?.stop();
    await stopServer(server);
    await db?.destroy();
  });

  async function deliver(raw: Uint8Array) {
    const ctx = makeCtx(ctxBase);
    const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
    return processMessage(ctx, message.id);
  }

  async function sendMail() {
    const mailer = createSmtpMailer(smtp.url);
    await sendQueuedReplies(db, mailer, { from: 'ipr@noticedesk.test', fromName: 'IPR Desk' });
    await mailer.close();
  }

  it('acknowledgement link -> status page; forged withdrawal held -> confirmation mail -> confirm in the browser -> withdrawn once', async () => {
    const filed = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: '<browser-status@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/copycat/browser'] }) }));
    if (filed.status !== 'processed') throw new Error('not processed');
    const number = filed.case.number;
    await sendMail();
    const [ack] = await smtp.waitFor(1);
    expect(ack?.envelopeTo).toEqual(['sam@orbit-labs.example']);
    const link = new RegExp(`${base}/status/[\\w-]+\\.[\\w-]+`).exec(ack?.parsed.text ?? '')?.[0];
    expect(link).toBeDefined();

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(link!);
    expect(await page.textContent('h1')).toBe(`Case ${number}`);
    expect(await page.textContent('#status-words')).toBe('Waiting for a reviewer.');
    expect(await page.textContent('table')).toContain('https://github.com/copycat/browser');

    // Someone at the same domain, not authenticated, asks to withdraw: held, and the complainant is asked.
    await deliver(makeEmail({ from: 'Sam <sam.okafor@orbit-labs.example>', subject: `Re: [${number}]`, messageId: '<browser-forged@orbit-labs.example>', headers: { 'Reply-To': 'merchant@evil.example' }, body: `We hereby withdraw our complaint ${number} and retract the takedown request.` }));
    expect((await findCaseByNumber(db, number))?.status).toBe('in_review');
    await sendMail();
    const mails = await smtp.waitFor(2);
    const confirm = mails.find((m) => /Please confirm/.test(m.parsed.subject ?? ''));
    expect(confirm?.envelopeTo).toEqual(['sam@orbit-labs.example']);
    const confirmLink = new RegExp(`${base}/status/[\\w-]+\\.[\\w-]+`).exec(confirm?.parsed.text ?? '')?.[0];

    await page.goto(confirmLink!);
    expect(await page.textContent('#held-h')).toBe('Changes waiting for your confirmation');
    await Promise.all([page.waitForURL(/done=confirmed/), page.click('form.held button[type=submit]')]);
    expect(await page.textContent('.alert.ok')).toContain('The change you confirmed is applied.');
    expect(await page.textContent('#status-words')).toBe('Withdrawn.');
    expect(await page.locator('form.held').count()).toBe(0);
    expect(await page.locator('text=Withdraw my complaint').count()).toBe(0);

    const events = await listCaseEvents(db, filed.case.id);
    expect(events.filter((e) => e.type === 'withdrawn')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'withdrawn')[0]?.actor.type).toBe('complainant');
    expect(problems).toEqual([]);

    // A made-up token: a clear page, no case.
    const res = await page.goto(`${base}/status/not-a-real-token`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('.alert')).toContain('This status link is not valid');
    await page.close();
  });
});
