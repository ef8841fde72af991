import type { ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx } from '../../src/domain/context.js';
import { processMessage } from '../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../src/domain/messages/receive-message.js';
import { hashPassword } from '../../src/domain/users/password.js';
import { sendQueuedReplies } from '../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../src/replies/smtp-mailer.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { upsertUser } from '../../src/store/repos/users.js';
import type { Db } from '../../src/store/open.js';
import { startSmtpReceiver, type SmtpReceiver } from '../setup/smtp-receiver.js';
import { openTestDb, testCtx } from '../support/store.js';
import { launchChromium, type TestBrowser, signInInBrowser } from '../support/chromium.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';

const LOGIN = { email: 'rita@desk.test', password: 'correct horse battery' };

describe('console in a real browser', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let browser: BrowserContext;
  let chrome: TestBrowser;
  let smtp: SmtpReceiver;
  let ctxBase: ReturnType<typeof testCtx>;

  beforeAll(async () => {
    db = await openTestDb();
    ctxBase = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
    await upsertUser(db, { email: LOGIN.email, name: 'Rita Reviewer', passwordHash: await hashPassword(LOGIN.password), role: 'reviewer', at: new Date().toISOString() });
    const app = createConsoleApp({ db, ctx: (actor, requestId) => makeCtx(ctxBase, actor, requestId), secureCookies: false, intake: submitStructured });
    ({ server, base } = await serveOnLoopback(app.fetch));
    smtp = await startSmtpReceiver(20000 + Math.floor(Math.random() * 20000));
    chrome = await launchChromium();
    browser = chrome.browser;
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await smtp?.stop();
    await stopServer(server);
    await db?.destroy();
  });

  it('form with an upload -> queue -> accept 2 of 3 listings -> reply arrives by SMTP', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/report`);
    await page.selectOption('#platform', 'aliexpress');
    await page.selectOption('#iprType', 'trademark');
    await page.fill('#registrationNumber', 'US 5,123,456');
    await page.fill('#jurisdiction', 'US');
    await page.selectOption('#location', 'listing');
    await page.selectOption('#reason', 'counterfeit');
    const urls = [1, 2, 3].map((n) => `https://www.aliexpress.com/item/100500${n}.html`);
    await page.fill('#listingUrls', urls.join('\n'));
    await page.fill('#description', 'These three listings sell counterfeit Blue Lantern toys under our mark.');
    await page.setInputFiles('#evidence', { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.selectOption('#role', 'owner');
    await page.fill('#rightsOwner', 'Blue Lantern Toys Ltd');
    await page.fill('#name', 'Jane Doe');
    await page.fill('#email', 'jane@bluelantern.example');
    await page.check('input[name=goodFaith]');
    await page.check('input[name=accuracy]');
    await page.fill('#signature', 'Jane Doe');
    await page.click('button[type=submit]');
    const caseNumber = (await page.textContent('#case-number'))!.trim();
    expect(caseNumber).toMatch(/^ND-\d{4}-\d{6}$/);

    await signInInBrowser(page, base, LOGIN);
    await page.goto(`${base}/?status=all`);
    await page.fill('input[type=search]', caseNumber);
    await page.press('input[type=search]', 'Enter');
    await page.click(`a[href="/cases/${caseNumber}"]`);
    await page.waitForURL(`${base}/cases/${caseNumber}`);
    await page.uncheck(`input[name=listings][value="${urls[2]}"]`);
    await page.click('#decide-accept summary');
    await page.fill('#keptReason', 'The third listing sells genuine goods.');
    await Promise.all([page.waitForURL(/done=accept/), page.click('#accept-form button[type=submit]')]);
    expect(await page.textContent('h1')).toContain('partially accepted');

    // The reply is written from the decision and sent by the same sender the desk runs.
    const mailer = createSmtpMailer(smtp.url);
    await sendQueuedReplies(db, mailer, { from: 'ipr@noticedesk.test', fromName: 'Blue Desk' });
    await mailer.close();
    const queued = await db.selectFrom('outbox').select('id').where('to_address', '=', 'jane@bluelantern.example').execute();
    const mails = await smtp.waitFor(queued.length);
    const mail = mails.find((m) => /partly accepted/.test(m.parsed.subject ?? ''));
    expect(mail?.envelopeTo).toEqual(['jane@bluelantern.example']);
    const [removed, kept] = (mail?.parsed.text ?? '').split('stay online');
    expect(removed).toContain(urls[0]);
    expect(removed).toContain(urls[1]);
    expect(removed).not.toContain(urls[2]);
    expect(kept).toContain(urls[2]);
    expect(kept).toContain('The third listing sells genuine goods.');
    expect(mail?.parsed.text).not.toMatch(/merchant has been/i);
  });

  it('a notice with hostile HTML renders without running any script', async () => {
    const raw = [
      'From: Mallory <mallory@evil.example>',
      'To: ipr@noticedesk.test',
      'Subject: DMCA notice <script>alert(1)</script>',
      'Message-ID: <hostile-1@evil.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Please remove https://www.aliexpress.com/item/666.html</p><script>window.parent.__pwned=1;alert("x")</script>',
      '<img src="x" onerror="window.parent.__pwned=2;alert(2)"><a href="javascript:alert(3)">click</a><svg onload="alert(4)"></svg>',
    ].join('\r\n');
    const ctx = makeCtx(ctxBase);
    const { message } = await receiveMessage(ctx, { channel: 'email', raw: new TextEncoder().encode(raw), origin: 'e2e' });
    const outcome = await processMessage(ctx, message.id);
    expect(outcome.status).toBe('processed');
    const number = outcome.status === 'processed' ? outcome.case.number : '';

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}/cases/${number}`);
    if (page.url().includes('/login')) {
      await signInInBrowser(page, base, LOGIN);
      await page.goto(`${base}/cases/${number}`);
    }
    await page.click('details summary:has-text("Show the HTML as sent")');
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent('body')).toContain('<script>alert(1)</script>');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.evaluate(() => document.querySelectorAll('script,img,svg').length).catch(() => 0)).toBe(0);
  });
  it('shortcuts open a panel without typing their letter, the case page fits 1400 px, /admin explains itself to a reviewer', async () => {
    const raw = [
      'From: Sam Okafor <sam@orbit-labs.example>',
      'To: ipr@noticedesk.test',
      'Subject: Copied listing photos',
      'Message-ID: <shortcuts-1@orbit-labs.example>',
      '',
      'We own the copyright in our product photos. These AliExpress listings copy them:',
      'https://www.aliexpress.com/item/1005007.html',
      'https://www.aliexpress.com/item/1005008.html',
    ].join('\r\n');
    const ctx = makeCtx(ctxBase);
    const { message } = await receiveMessage(ctx, { channel: 'email', raw: new TextEncoder().encode(raw), origin: 'e2e' });
    const outcome = await processMessage(ctx, message.id);
    const number = outcome.status === 'processed' ? outcome.case.number : '';
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${base}/cases/${number}`);
    if (page.url().includes('/login')) {
      await signInInBrowser(page, base, LOGIN);
      await page.goto(`${base}/cases/${number}`);
    }
    await page.keyboard.press('x');
    await page.waitForSelector('#decide-reject[open]');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '')).not.toContain('x');
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    await page.waitForSelector('#decide-duplicate[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('duplicateOf');
    expect(await page.inputValue('#duplicateOf')).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    const admin = await page.goto(`${base}/admin`);
    expect(admin?.status()).toBe(403);
    expect(await page.textContent('#not-allowed')).toContain('Only administrators');
    expect(await page.locator('header.top').count()).toBe(1);
  });
});
