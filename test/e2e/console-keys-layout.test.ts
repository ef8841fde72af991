import type { ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../src/domain/context.js';
import { processMessage } from '../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../src/domain/messages/receive-message.js';
import { openConsole, REVIEWER_LOGIN } from '../integration/console/harness.js';
import { launchChromium, type TestBrowser } from '../support/chromium.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';


describe('case page keys and layout in a real browser', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let server: ServerType;
  let base: string;
  let browser: BrowserContext;
  let chrome: TestBrowser;
  let caseNumber: string;

  beforeAll(async () => {
    h = await openConsole();
    ({ server, base } = await serveOnLoopback(h.app.fetch));
    const raw = [
      'From: Jane Doe <jane@bluelantern.example>',
      'To: ipr@noticedesk.test',
      'Subject: Counterfeit listing',
      'Message-ID: <keys-1@bluelantern.example>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please remove https://www.aliexpress.com/item/1005001.html which sells counterfeit Blue Lantern toys.',
    ].join('\r\n');
    const ctx = makeCtx(h.base);
    const { message } = await receiveMessage(ctx, { channel: 'email', raw: new TextEncoder().encode(raw), origin: 'e2e' });
    const outcome = await processMessage(ctx, message.id);
    caseNumber = outcome.status === 'processed' ? outcome.case.number : '';
    chrome = await launchChromium();
    browser = chrome.browser;
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await stopServer(server);
    await h?.close();
  });

  async function openCase(page: Page) {
    await page.goto(`${base}/cases/${caseNumber}`);
    if (!page.url().includes('/login')) return;
    await page.fill('#email', REVIEWER_LOGIN.email);
    await page.fill('#password', REVIEWER_LOGIN.password);
    await Promise.all([page.waitForURL(`${base}/cases/${caseNumber}`), page.click('button[type=submit]')]);
  }

  it('a shortcut opens its panel and focuses the field without typing its own letter into it', async () => {
    expect(caseNumber).toMatch(/^ND-/);
    const page = await browser.newPage();
    await openCase(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('duplicateOf');
    expect(await page.inputValue('#duplicateOf')).toBe('');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('keptReason');
    expect(await page.inputValue('#keptReason')).toBe('');
    await page.close();
  }, 60_000);

  for (const width of [1400, 1280, 1024, 800]) {
    it(`the reject panel fits a ${width} px window`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await openCase(page);
      await page.click('#decide-reject summary');
      const fit = await page.evaluate(() => {
        const select = document.getElementById('reason')!.getBoundingClientRect();
        const panel = document.getElementById('decide-reject')!.getBoundingClientRect();
        // Names the element that sticks out, so a failure says where to look.
        const wide = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" in ${el.parentElement?.className ?? ''}`).slice(-3);
        return { selectRight: select.right, panelRight: panel.right, pageWidth: document.documentElement.scrollWidth, window: window.innerWidth, wide };
      });
      expect(fit.selectRight).toBeLessThanOrEqual(fit.panelRight);
      expect(fit.pageWidth, fit.wide.join(' ')).toBeLessThanOrEqual(fit.window);
      await page.close();
    }, 60_000);
  }
});
