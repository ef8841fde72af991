import type { ServerType } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../console/app.js';
import { requestInfo } from '../../src/domain/cases/request-info.js';
import { returnUnanswered } from '../../src/domain/cases/return-unanswered.js';
import { saveMacro } from '../../src/domain/cases/macros.js';
import { submitStructured } from '../../src/domain/cases/submit-structured.js';
import { makeCtx } from '../../src/domain/context.js';
import type { Case } from '../../src/domain/schemas/index.js';
import { hashPassword } from '../../src/domain/users/password.js';
import { sendQueuedReplies } from '../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../src/replies/smtp-mailer.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { findCaseById } from '../../src/store/repos/cases.js';
import { upsertUser } from '../../src/store/repos/users.js';
import type { Db } from '../../src/store/open.js';
import { REVIEWER, seedCase } from '../integration/domain/seed.js';
import { startSmtpReceiver, type SmtpReceiver } from '../setup/smtp-receiver.js';
import { openTestDb, testCtx } from '../support/store.js';
import { launchChromium, type TestBrowser, signInInBrowser } from '../support/chromium.js';
import { serveOnLoopback, stopServer } from '../support/serve-on-loopback.js';

const RITA = { email: 'rita@desk.test', password: 'correct horse battery' };
const SAM = { email: 'sam@desk.test', password: 'second pass phrase' };
const HOUR = 3600_000;
/** Screenshots for people to look at; kept outside the repository. */
const SCREENS = process.env.NOTICEDESK_SCREENS_DIR ?? join(tmpdir(), 'noticedesk-screens');

describe('a reviewer team works the queue in a real browser', () => {
  let db: Db;
  let server: ServerType;
  let base: string;
  let browser: BrowserContext;
  let chrome: TestBrowser;
  let smtp: SmtpReceiver;
  let ctxBase: ReturnType<typeof testCtx>;
  const ago = (hours: number) => makeCtx({ ...ctxBase, now: () => new Date(Date.now() - hours * HOUR) }, REVIEWER);

  beforeAll(async () => {
    db = await openTestDb();
    ctxBase = testCtx(db, { platforms: await loadPlatforms('data/platforms') });
    const at = new Date().toISOString();
    await upsertUser(db, { email: RITA.email, name: 'Rita Reviewer', passwordHash: await hashPassword(RITA.password), role: 'admin', at });
    await upsertUser(db, { email: SAM.email, name: 'Sam Second', passwordHash: await hashPassword(SAM.password), role: 'reviewer', at });
    const app = createConsoleApp({ db, ctx: (actor, requestId) => makeCtx(ctxBase, actor, requestId), secureCookies: false, intake: submitStructured });
    ({ server, base } = await serveOnLoopback(app.fetch));
    smtp = await startSmtpReceiver(20000 + Math.floor(Math.random() * 20000));
    chrome = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    browser = chrome.browser;
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await smtp?.stop();
    await stopServer(server);
    await db?.destroy();
  });

  async function sendMail(): Promise<void> {
    const mailer = createSmtpMailer(smtp.url);
    await sendQueuedReplies(db, mailer, { from: 'ipr@noticedesk.test', fromName: 'Team Desk' });
    await mailer.close();
  }

  const rowsShown = (page: Page) => page.$$eval('tr.row', (rows) => rows.map((r) => r.getAttribute('data-case')));

  it('select 3 -> assign to Sam -> Sam\'s "Mine"; bulk request-info mails 2; a note mentions; a view reloads the same rows', async () => {
    const owner = 'Team Walk Brand Ltd';
    const cases: Case[] = [];
    for (let i = 0; i < 5; i++) cases.push(await seedCase(ago(0), { complaint: { rightsOwner: owner, subject: `Counterfeit lamps, batch ${i + 1}` } }));
    const page = await browser.newPage();
    await signInInBrowser(page, base, RITA);
    await page.goto(`${base}/?q=${encodeURIComponent(owner)}`);
    expect(await rowsShown(page)).toEqual(cases.map((c) => c.number));

    // Shift-click ticks the range: first and third box tick three rows.
    await page.click(`input.pick[value^="${cases[0]!.number}@"]`);
    await page.click(`input.pick[value^="${cases[2]!.number}@"]`, { modifiers: ['Shift'] });
    expect(await page.textContent('#picked-count')).toBe('3 selected');
    await page.selectOption('#bulk-action', 'assign');
    await page.selectOption('#bulk-assignee', SAM.email);
    await Promise.all([page.waitForURL(`${base}/bulk`), page.click('#bulk-apply')]);
    expect(await page.textContent('h1')).toContain('3 of 3 done');

    // Two more: the same documents asked of both senders, two mails.
    await page.goto(`${base}/?q=${encodeURIComponent(owner)}`);
    await page.check(`input.pick[value^="${cases[3]!.number}@"]`);
    await page.check(`input.pick[value^="${cases[4]!.number}@"]`);
    await page.selectOption('#bulk-action', 'request_info');
    await page.fill('#bulk-requested', 'A current letter of authorization from the rights owner');
    await Promise.all([page.waitForURL(`${base}/bulk`), page.click('#bulk-apply')]);
    expect(await page.textContent('h1')).toContain('2 of 2 done');
    const before = smtp.messages.length;
    await sendMail();
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.parsed.text).toContain('A current letter of authorization from the rights owner');

    // A note mentions Sam: kept in the record, Sam is told by mail.
    await page.goto(`${base}/cases/${cases[0]!.number}`);
    await page.fill('#note-text', '@sam the trademark certificate looks altered; please compare with the registry.');
    await Promise.all([page.waitForURL(/done=note/), page.click('#note-form button[type=submit]')]);
    expect(await page.textContent('.timeline')).toContain('Told: sam@desk.test by mail');
    const count = smtp.messages.length;
    await sendMail();
    const [told] = (await smtp.waitFor(count + 1)).slice(count);
    expect(told!.envelopeTo).toEqual([SAM.email]);
    expect(told!.parsed.text).toContain('the trademark certificate looks altered');

    // A saved view gives the same rows after a reload.
    await page.goto(`${base}/?q=${encodeURIComponent(owner)}&status=all`);
    const shown = await rowsShown(page);
    await page.fill('#view-name', 'Team walk brand');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/views"] button[type=submit]')]);
    await page.goto(`${base}/`);
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Team walk brand")')]);
    await page.reload();
    expect(await rowsShown(page)).toEqual(shown);

    // Sam signs in: "Mine" holds the three.
    await signInInBrowser(page, base, SAM);
    await Promise.all([page.waitForNavigation(), page.click('nav[aria-label=Assignee] a:has-text("Mine")')]);
    expect((await rowsShown(page)).sort()).toEqual(cases.slice(0, 3).map((c) => c.number).sort());
    await page.close();
  });

  it('an overdue case shows past its SLA; an unanswered request comes back to Needs action; a certificate from an earlier case is attached; a macro goes into a reject', async () => {
    const late = await seedCase(ago(30), { complaint: { rightsOwner: 'Late Owner Co', subject: 'Pirated film posters' } });
    const waiting = await seedCase(ago(130), { complaint: { rightsOwner: 'Silent Owner Co', subject: 'Copied product photos' } });
    await requestInfo(ago(125), { caseNumber: waiting.number, requested: ['The copyright registration certificate'] });
    await saveMacro(makeCtx(ctxBase, { type: 'user', id: RITA.email, name: 'Rita Reviewer' }), 'admin', {
      name: 'Genuine goods',
      language: 'en',
      body: 'The listing sells genuine goods bought from an authorized distributor; reselling them is not infringement.',
    });
    // An earlier case of the same sender holds a trademark certificate read from its attachment.
    const earlier = await seedCase(ago(200), {
      status: 'accepted',
      complaint: { rightsOwner: 'Late Owner Co', documents: [{ kind: 'ipr_certificate', foundIn: 'attachment', expiresOn: '2031-05-01', evidence: { source: 'attachment:tm-certificate.pdf', start: 0, end: 11, text: 'Certificate' } }] },
    });
    const certSha = 'd'.repeat(64);
    const link = await db.selectFrom('case_messages').select('message_id').where('case_id', '=', earlier.id).executeTakeFirstOrThrow();
    await db.insertInto('attachments').values({ message_id: link.message_id, sha256: certSha, filename: 'tm-certificate.pdf', content_type: 'application/pdf', size: 4096, text: 'Certificate of registration', problem: null, stored: 1 }).execute();
    for (let i = 0; i < 4; i++) await seedCase(ago(i * 7), { complaint: { rightsOwner: `Queue Owner ${i}`, subject: `Trademark misuse on storefront ${i}`, iprType: i % 2 ? 'copyright' : 'trademark' } });

    const page = await browser.newPage();
    await signInInBrowser(page, base, RITA);
    await page.goto(`${base}/?sort=sla`);
    expect(await page.textContent(`tr[data-case="${late.number}"] .sla-past`)).toMatch(/past SLA/);
    expect(await rowsShown(page)).not.toContain(waiting.number);
    expect((await rowsShown(page))[0]).toBe(late.number);
    await page.screenshot({ path: join(SCREENS, 'queue.png'), fullPage: true });

    expect(await returnUnanswered(makeCtx(ctxBase))).toEqual([waiting.number]);
    await page.reload();
    expect(await rowsShown(page)).toContain(waiting.number);

    await page.goto(`${base}/cases/${late.number}`);
    await Promise.all([page.waitForURL(/done=attach-library/), page.click(`li[data-library="${certSha}"] button`)]);
    expect((await page.textContent(`li[data-library="${certSha}"]`))?.replace(/\s+/g, ' ').trim()).toBe(`ipr certificate tm-certificate.pdf from ${earlier.number} valid until 2031-05-01 attached`);
    await page.click('#decide-reject summary');
    await page.selectOption('#reason', 'possibly_genuine_goods');
    await page.selectOption('#reject-note-macro', { label: 'Genuine goods' });
    expect(await page.inputValue('#reject-note')).toContain('bought from an authorized distributor');
    await page.screenshot({ path: join(SCREENS, 'case.png'), fullPage: true });
    await Promise.all([page.waitForURL(/done=reject/), page.click('#decide-reject button[type=submit]')]);
    expect((await findCaseById(db, late.id))?.status).toBe('rejected');
    const reply = await db.selectFrom('outbox').select('vars').where('case_id', '=', late.id).where('template', '=', 'rejected').executeTakeFirstOrThrow();
    expect(JSON.parse(reply.vars).note).toBe('The listing sells genuine goods bought from an authorized distributor; reselling them is not infringement.');

    await page.goto(`${base}/stats`);
    expect(await page.textContent('h1')).toBeTruthy();
    await page.screenshot({ path: join(SCREENS, 'stats.png'), fullPage: true });
    await page.close();
  });
});
