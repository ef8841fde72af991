import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx } from '../../src/domain/context.js';
import { SYSTEM } from '../../src/domain/schemas/index.js';
import { hashPassword } from '../../src/domain/users/password.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { upsertUser } from '../../src/store/repos/users.js';
import type { Db } from '../../src/store/open.js';
import { launchChromium, type TestBrowser, signInInBrowser } from '../support/chromium.js';
import { makePdf, makePng } from '../support/evidence-files.js';
import { openTestDb, testCtx } from '../support/store.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';

const SCREENS = process.env.NOTICEDESK_SCREENS_DIR ?? join(tmpdir(), 'noticedesk-screens');
const RITA = { email: 'rita@desk.test', password: 'correct horse battery' };
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('a reviewer looks at the evidence in a real browser', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let chrome: TestBrowser;
  let ctxBase: ReturnType<typeof testCtx>;

  beforeAll(async () => {
    db = await openTestDb();
    ctxBase = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
    await upsertUser(db, { email: RITA.email, name: 'Rita Reviewer', passwordHash: await hashPassword(RITA.password), role: 'reviewer', at: new Date().toISOString() });
    const app = createConsoleApp({ db, ctx: (actor, requestId) => makeCtx(ctxBase, actor, requestId), secureCookies: false, intake: submitStructured });
    ({ server, base } = await serveOnLoopback(app.fetch));
    chrome = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await stopServer(server);
    await db?.destroy();
  });

  it('a PDF shows in its viewer and an image inline on the case page; an HTML file is never shown; the whole message without a scroll box', async () => {
    const pdf = makePdf(['Trademark registration certificate', 'Mark: BLUE LANTERN', 'Class 28: toys', 'Registered 2019-04-02, valid to 2029-04-01']);
    const png = makePng(480, 240);
    const html = '<html><body><script>document.title = "ran"</script>Invoice</body></html>';
    const lines = Array.from({ length: 40 }, (_, i) => `${i + 1}. https://www.aliexpress.com/item/10050${String(i).padStart(5, '0')}.html sells counterfeit Blue Lantern toys.`);
    const submission = {
      subject: 'Counterfeit Blue Lantern toys on AliExpress',
      text: ['Dear IP team,', '', 'Infringing listings:', ...lines, '', 'Our registration certificate and a comparison photo are attached.', '', 'Jane Doe, Blue Lantern Toys Ltd'].join('\n'),
      from: { name: 'Jane Doe', address: 'jane@bluelantern.example' },
      platform: 'aliexpress',
      attachments: [
        { filename: 'tm-certificate.pdf', contentType: 'application/pdf', contentBase64: Buffer.from(pdf).toString('base64') },
        { filename: 'comparison.png', contentType: 'image/png', contentBase64: Buffer.from(png).toString('base64') },
        { filename: 'invoice.html', contentType: 'text/html', contentBase64: Buffer.from(html).toString('base64') },
      ],
    };
    const result = await submitStructured(makeCtx(ctxBase, SYSTEM), new TextEncoder().encode(JSON.stringify(submission)), 'api', 'test:evidence-preview');
    const number = result.caseNumber!;

    const page = await chrome.browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await signInInBrowser(page, base, RITA);
    const pdfAnswer = page.waitForResponse((r) => r.url().endsWith(`/attachments/${sha(pdf)}/preview/tm-certificate.pdf`));
    await page.goto(`${base}/cases/${number}`);

    // The PDF: served inline as a PDF, in a frame of our page (loaded once scrolled to), drawn by Chromium's viewer.
    const frame = page.locator(`iframe.preview.pdf[src$="${sha(pdf)}/preview/tm-certificate.pdf"]`);
    await frame.scrollIntoViewIfNeeded();
    const answer = await pdfAnswer;
    const headers = await answer.allHeaders();
    expect(answer.status()).toBe(200);
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    const box = (await frame.boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    expect(box.height).toBeGreaterThan(600);
    // A frame the viewer refuses (as in a parent-sandboxed frame) holds Chromium's error page instead.
    await expect.poll(() => page.frames().map((f) => f.url()).filter((u) => u.startsWith('chrome-extension://')).length, { timeout: 15_000 }).toBe(1);
    expect(page.frames().some((f) => f.url().startsWith('chrome-error://'))).toBe(false);

    // The image: drawn at its size from the preview address.
    const img = page.locator(`img.preview[src$="${sha(png)}/preview"]`);
    await img.scrollIntoViewIfNeeded();
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(480);

    // The HTML file: a download link, no frame, no image, and its preview address refuses it.
    expect(await page.locator(`a[href$="/attachments/${sha(html)}"]`).count()).toBe(1);
    expect(await page.locator(`[src*="${sha(html)}"]`).count()).toBe(0);
    const refused = await page.request.get(`${base}/cases/${number}/attachments/${sha(html)}/preview`);
    expect(refused.status()).toBe(415);
    expect(refused.headers()['content-type']).toMatch(/^text\/plain/);

    // The whole message: all 40 listings visible, nothing scrolls inside the box.
    const message = page.locator('.message.whole').first();
    const sizes = await message.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, maxHeight: getComputedStyle(el).maxHeight }));
    expect(sizes.maxHeight).toBe('none');
    expect(sizes.client).toBeGreaterThan(480);
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client + 1);
    expect(await message.textContent()).toContain('40. https://www.aliexpress.com/item/1005000039.html');

    await page.waitForTimeout(1_000);
    await page.screenshot({ path: join(SCREENS, 'case-page-full-1400.png'), fullPage: true });
    await page.evaluate(() => document.querySelector('iframe.preview.pdf')?.closest('.panel')?.scrollIntoView());
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENS, 'case-pdf-preview-1400.png') });
    expect(await page.title()).toBe(`${number} · Noticedesk`);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
