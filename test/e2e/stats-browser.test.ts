import type { ServerType } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { acceptCase } from '../../src/domain/cases/accept-case.js';
import { rejectCase } from '../../src/domain/cases/reject-case.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx } from '../../src/domain/context.js';
import { weekStart } from '../../src/domain/stats/trends.js';
import { hashPassword } from '../../src/domain/users/password.js';
import { upsertUser } from '../../src/store/repos/users.js';
import type { Db } from '../../src/store/open.js';
import { REVIEWER, seedCase } from '../integration/domain/seed.js';
import { launchChromium, type TestBrowser, signInInBrowser } from '../support/chromium.js';
import { openTestDb, testCtx } from '../support/store.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';

const RITA = { email: 'rita@desk.test', password: 'correct horse battery' };
const HOUR = 3600_000;
const SCREENS = process.env.NOTICEDESK_SCREENS_DIR ?? join(tmpdir(), 'noticedesk-screens');

describe('/stats in a real browser', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let browser: BrowserContext;
  let chrome: TestBrowser;
  /** Seeded per week (Monday, YYYY-MM-DD): received, decided. */
  const expected = new Map<string, [number, number]>();

  beforeAll(async () => {
    db = await openTestDb();
    const ctxBase = testCtx(db);
    await upsertUser(db, { email: RITA.email, name: 'Rita Reviewer', passwordHash: await hashPassword(RITA.password), role: 'reviewer', at: new Date().toISOString() });
    // Over the last five weeks: week k (0 = this week) gets k + 1 notices, of which k are decided 5 h after arrival.
    const thisWeek = weekStart(new Date()).getTime();
    for (let k = 0; k < 5; k++) {
      const received = thisWeek - k * 7 * 24 * HOUR + HOUR; // Monday 01:00, this week or k weeks back
      const week = new Date(thisWeek - k * 7 * 24 * HOUR).toISOString().slice(0, 10);
      expected.set(week, [k + 1, k]);
      for (let i = 0; i <= k; i++) {
        const ctx = makeCtx({ ...ctxBase, now: () => new Date(received + i * 60_000) }, REVIEWER);
        const c = await seedCase(ctx, { complaint: { platform: i % 2 ? 'taobao' : 'aliexpress' } });
        if (i === k) continue;
        const later = makeCtx({ ...ctxBase, now: () => new Date(received + i * 60_000 + 5 * HOUR) }, REVIEWER);
        if (i % 2) await rejectCase(later, { caseNumber: c.number, reason: 'false_information' });
        else await acceptCase(later, { caseNumber: c.number });
      }
    }
    const app = createConsoleApp({ db, ctx: (actor, requestId) => makeCtx(ctxBase, actor, requestId), secureCookies: false, intake: submitStructured });
    ({ server, base } = await serveOnLoopback(app.fetch));
    chrome = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    browser = chrome.browser;
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await stopServer(server);
    await db?.destroy();
  });

  it('draws each chart as SVG with a table of the same numbers beside it', async () => {
    const page = await browser.newPage();
    await signInInBrowser(page, base, RITA);
    await page.goto(`${base}/stats?weeks=12`);
    expect(await page.title()).toBe('Stats · Noticedesk');
    for (const id of ['volume', 'within24h', 'platform-times', 'reviewer-times', 'counter-outcomes']) {
      expect(await page.locator(`svg[data-chart="${id}"]`).count(), id).toBe(1);
    }
    // One bar per non-zero value: 15 received and 10 decided in five weeks make 9 bars (week 0 has no decision).
    expect(await page.locator('svg[data-chart="volume"] rect').count()).toBe(9);
    const rows = await page.$$eval('table[aria-label="Notices received and decided per week"] tbody tr', (trs) => trs.map((tr) => Array.from(tr.children, (td) => td).map((td) => td.textContent)));
    expect(rows).toHaveLength(12);
    const shown = new Map(rows.map((r) => [r[0]!, [Number(r[1]), Number(r[2])]]));
    for (const [week, figures] of expected) expect(shown.get(week), week).toEqual(figures);
    expect(rows.filter((r) => !expected.has(r[0]!)).every((r) => r[1] === '0' && r[2] === '0')).toBe(true);
    // All decided after 5 h: medians and 90th percentiles read 5.0 h, every share 100%.
    const times = await page.$$eval('table[aria-label="Time to decision per platform"] tbody tr', (trs) => trs.map((tr) => Array.from(tr.children, (td) => td).map((td) => td.textContent)));
    expect(times).toEqual([
      ['aliexpress', '5.0 h', '5.0 h', '6', '100.0%'],
      ['taobao', '5.0 h', '5.0 h', '4', '100.0%'],
    ]);
    const box = await page.locator('svg[data-chart="volume"]').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await page.screenshot({ path: join(SCREENS, 'stats-1400.png'), fullPage: true });
    await page.close();
  });

  it('every page, the public form included, names itself in the title and carries the favicon', async () => {
    const page = await browser.newPage();
    for (const [path, title] of [['/report', /· Noticedesk$/], ['/login', /· Noticedesk$/]] as const) {
      await page.goto(`${base}${path}`);
      expect(await page.title()).toMatch(title);
      const href = await page.getAttribute('link[rel="icon"]', 'href');
      const icon = await page.request.get(`${base}${href}`);
      expect(icon.headers()['content-type']).toBe('image/svg+xml');
      expect(await icon.text()).toMatch(/^<svg /);
    }
    expect((await page.request.get(`${base}/favicon.ico`)).headers()['content-type']).toBe('image/svg+xml');
    await page.close();
  });
});
