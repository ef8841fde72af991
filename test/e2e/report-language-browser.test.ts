import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { acceptCase } from '../../src/domain/cases/accept-case.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx, type CtxBase } from '../../src/domain/context.js';
import { counterNoticeLink } from '../../src/domain/links/counter-notice-link.js';
import { sendQueuedReplies } from '../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../src/replies/smtp-mailer.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { findCaseByNumber } from '../../src/store/repos/cases.js';
import type { Db } from '../../src/store/open.js';
import { startSmtpReceiver, type SmtpReceiver } from '../setup/smtp-receiver.js';
import { launchChromium, type TestBrowser } from '../support/chromium.js';
import { makePdf } from '../support/evidence-files.js';
import { openTestDb, testCtx } from '../support/store.js';
import { REVIEWER } from '../integration/domain/seed.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';

const SCREENS = process.env.NOTICEDESK_SCREENS_DIR ?? join(tmpdir(), 'noticedesk-screens');
const pdfFile = (name: string, lines: string[]) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(makePdf(lines)) });

describe('the public form in Chinese, in a real browser set to Chinese', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let chrome: TestBrowser;
  let smtp: SmtpReceiver;
  let ctxBase: CtxBase;

  beforeAll(async () => {
    db = await openTestDb();
    ({ server, base } = await serveOnLoopback((req) => app.fetch(req)));
    const plain = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
    ctxBase = { ...plain, links: { ...plain.links!, publicUrl: base } };
    const app = createConsoleApp({ db, ctx: (actor, requestId) => ({ ...makeCtx(ctxBase, actor, requestId), counterNotice: { businessDays: 3, holidays: [] } }), secureCookies: false, intake: submitStructured });
    smtp = await startSmtpReceiver(20000 + Math.floor(Math.random() * 20000));
    chrome = await launchChromium({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await smtp?.stop();
    await stopServer(server);
    await db?.destroy();
  });

  /** The page names itself and carries the favicon, which the server answers as an SVG. */
  async function expectTitleAndIcon(page: Page, title: string) {
    expect(await page.title()).toBe(`${title} · Noticedesk`);
    const href = await page.getAttribute('link[rel="icon"]', 'href');
    const icon = await page.request.get(`${base}${href}`);
    expect(icon.headers()['content-type']).toBe('image/svg+xml');
  }

  it('form in Chinese -> Chinese errors -> filed -> Chinese receipt, mail, status page and counter-notice form', async () => {
    const page = await chrome.browser.newPage();
    const problems: string[] = [];
    // The refused post answers 422 on purpose; Chromium logs that status, nothing else may be logged.
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));

    // No ?lang=: the browser's Accept-Language (zh-CN) chooses.
    await page.goto(`${base}/report`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    await expectTitleAndIcon(page, '投诉侵权');
    expect(await page.textContent('h1')).toBe('投诉侵权');
    expect(await page.textContent('label[for=listingUrls]')).toBe('商品链接，每行一个 *');
    expect(await page.textContent('nav.languages a[aria-current=true]')).toBe('中文');
    await page.screenshot({ path: join(SCREENS, 'report-form-zh-1400.png'), fullPage: true });

    // A first try without an email address or the statements: each field says what it needs, in Chinese.
    await page.selectOption('#platform', 'taobao');
    await page.fill('#listingUrls', 'https://item.taobao.com/item.htm?id=6120001\nhttps://item.taobao.com/item.htm?id=6120002');
    await page.fill('#rightsOwner', '蓝灯玩具有限公司');
    await page.click('button[type=submit]');
    expect(await page.textContent('#email-error')).toBe('请填写可回复的电子邮箱。');
    expect(await page.textContent('#goodFaith-error')).toBe('请确认善意声明。');
    expect(await page.textContent('#iprType-error')).toBe('请选择权利类型。');
    expect(await page.textContent('.alert.error')).toBe('请更正下方标出的字段。尚未提交任何内容。');
    expect(await page.inputValue('#rightsOwner')).toBe('蓝灯玩具有限公司');
    expect(await page.title()).toBe('投诉侵权 · Noticedesk');
    await page.screenshot({ path: join(SCREENS, 'report-form-zh-errors-1400.png'), fullPage: true });

    await page.selectOption('#iprType', 'trademark');
    await page.fill('#registrationNumber', '第 12345678 号');
    await page.fill('#jurisdiction', 'CN');
    await page.selectOption('#location', 'listing');
    await page.selectOption('#reason', 'counterfeit');
    await page.fill('#description', '这些商品使用我们的注册商标“蓝灯”销售假冒玩具，商品图片和包装均为仿制。');
    await page.selectOption('#role', 'owner');
    await page.setInputFiles('#identity', pdfFile('business-licence.pdf', ['Business licence', 'Blue Lantern Toys Ltd']));
    await page.setInputFiles('#iprProof', pdfFile('registration.pdf', ['Trademark registration certificate', 'No. 12345678']));
    await page.fill('#name', '李明');
    await page.fill('#email', 'liming@bluelantern.example');
    await page.fill('#phone', '+86 21 5555 0100');
    await page.check('input[name=goodFaith]');
    await page.check('input[name=accuracy]');
    await page.fill('#signature', '李明');

    await Promise.all([page.waitForURL(`${base}/report/received`), page.click('button[type=submit]')]);
    await expectTitleAndIcon(page, '投诉已收到');
    const number = (await page.textContent('#case-number'))!;
    expect(await page.textContent('#receipt .alert')).toBe(`您的投诉已登记，案件编号为 ${number}。`);
    expect(await page.textContent('#mailed')).toBe('有关本案件的邮件已排队发送至 liming@bluelantern.example。后续联系请注明案件编号。');
    await page.screenshot({ path: join(SCREENS, 'report-receipt-zh-1400.png'), fullPage: true });
    const c = await findCaseByNumber(db, number);
    expect(c?.complaint.language).toBe('zh');
    expect(c?.platform).toBe('taobao');

    // The reader switches the receipt to English: the same case.
    await page.click('nav.languages a[lang=en]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#case-number')).toBe(number);
    await expectTitleAndIcon(page, 'Complaint received');

    // The mail about it goes out in Chinese, and its status link opens a Chinese page.
    const mailer = createSmtpMailer(smtp.url);
    await sendQueuedReplies(db, mailer, { from: 'ipr@noticedesk.test', fromName: 'IPR Desk' });
    await mailer.close();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['liming@bluelantern.example']);
    expect(mail!.parsed.subject).toMatch(new RegExp(`^\\[${number}\\] .*[\\u4e00-\\u9fff]`));
    expect(mail!.parsed.text).toContain('李明，您好');
    const statusLink = /(http:\/\/127\.0\.0\.1:\d+\/status\/\S+)/.exec(mail!.parsed.text ?? '')![1]!;
    await page.goto(statusLink);
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    await expectTitleAndIcon(page, `案件 ${number}`);
    expect(await page.textContent('header nav a[href="/report?lang=zh"]')).toBe('投诉表单');

    // The merchant's counter-notice form for the same case (Taobao writes to merchants in Chinese).
    await acceptCase(makeCtx(ctxBase, REVIEWER), { caseNumber: number });
    await page.goto(counterNoticeLink(makeCtx(ctxBase, REVIEWER), c!.id).url!);
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    await expectTitleAndIcon(page, '反通知');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the switch goes between the languages on the form; the fields are the same', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${base}/report`);
    const names = () => page.$$eval('form[action^="/report"] [name]', (els) => els.map((e) => e.getAttribute('name')).sort());
    const zh = await names();
    await page.click('nav.languages a[lang=en]');
    expect(page.url()).toBe(`${base}/report?lang=en`);
    await expectTitleAndIcon(page, 'Report an infringement');
    expect(await page.textContent('button[type=submit]')).toBe('Submit complaint');
    expect(await names()).toEqual(zh);
    await page.click('nav.languages a[lang=zh]');
    expect(await page.textContent('button[type=submit]')).toBe('提交投诉');
    await page.close();
  });
});
