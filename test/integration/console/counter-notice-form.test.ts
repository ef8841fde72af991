import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../../console/app.js';
import { CONTENT_SECURITY_POLICY } from '../../../console/http/security.js';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { submitStructured } from '../../../src/domain/cases/submit-structured.js';
import { statusLinkFor } from '../../../src/domain/complainant/status-link.js';
import { makeCtx, type CtxBase } from '../../../src/domain/context.js';
import type { CounterNoticeCtx } from '../../../src/domain/counter-notices/business-days.js';
import { withdrawComplaint } from '../../../src/domain/counter-notices/withdraw-complaint.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { signLink } from '../../../src/domain/links/signed-link.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { SYSTEM, type Case } from '../../../src/domain/schemas/index.js';
import { deliverDueWebhooks } from '../../../src/domain/webhooks/deliver.js';
import { verifyWebhookSignature } from '../../../src/domain/webhooks/signature.js';
import { STATEMENTS } from '../../../src/rules/finding-texts.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { listChildCases } from '../../../src/store/repos/case-links.js';
import { findCaseById, listCaseEvents } from '../../../src/store/repos/cases.js';
import type { Db } from '../../../src/store/open.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { openTestDb, TEST_LINK_SECRET, testCtx } from '../../support/store.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';
import { listing, REVIEWER, seedCase } from '../domain/seed.js';

const SECRET = 'platform-webhook-secret-0123456789';
const ORIGIN = 'http://desk.test';

let db: Db;
let base: CtxBase;
let app: ReturnType<typeof createConsoleApp>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let reviewer: CounterNoticeCtx;
let seq = 0;
/** The desk's clock: a Friday afternoon. */
let clock = new Date('2026-03-06T15:00:00Z');
const now = () => clock;

const request = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);

beforeAll(async () => {
  db = await openTestDb();
  receiver = await startWebhookReceiver();
  base = { ...testCtx(db, { now, platforms: await loadPlatforms('data/platforms') }), webhooks: { endpoints: [{ url: receiver.url, secret: SECRET }] } };
  const counterNotice = { businessDays: 3, holidays: [] };
  reviewer = { ...makeCtx(base, REVIEWER), counterNotice };
  app = createConsoleApp({ db, ctx: (actor, requestId) => ({ ...makeCtx(base, actor, requestId), counterNotice }), secureCookies: true, intake: submitStructured, reportRateLimit: 1000 });
});
afterAll(async () => {
  await receiver.close();
  await db.destroy();
});

/** A DMCA notice to the code host by email, accepted for every repository. */
async function acceptedByEmail(urls: string[]): Promise<Case> {
  const intake = makeCtx(base, SYSTEM);
  const raw = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<cn-form-${++seq}@orbit-labs.example>`, body: makeDmcaBody({ urls }) });
  const { message } = await receiveMessage(intake, { channel: 'email', raw, origin: 'test' });
  const outcome = await processMessage(intake, message.id);
  if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
  return (await acceptCase(reviewer, { caseNumber: outcome.case.number })).case;
}

async function deliver() {
  const before = receiver.received.length;
  await deliverDueWebhooks({ db, endpoints: [{ url: receiver.url, secret: SECRET }], now, retryBaseMs: 1_000, retryForMs: 24 * 3_600_000, timeoutMs: 5_000 });
  return receiver.received.slice(before);
}

/** The counter-notice link the platform got in the case's listing.remove event. */
async function linkFromRemoveEvent(c: Case): Promise<string> {
  await deliver();
  const removal = receiver.received.find((r) => r.event.type === 'listing.remove' && r.event.case.number === c.number);
  const url = (removal?.event.data.counter_notice as { url: string } | undefined)?.url;
  if (!url) throw new Error(`no listing.remove with a counter-notice link for ${c.number}`);
  return new URL(url).pathname;
}

/** Opens the form as a browser does: the page sets its CSRF cookie, the form repeats it. */
async function openForm(path: string) {
  const res = await request(path);
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { res, html, cookie, csrf };
}

const complete = { name: 'Lee Chan', address: '12 Harbour Road, Hong Kong', phone: '+852 5555 0100', email: 'lee@merchant.example', explanation: 'The engine is my own code, written in 2024.', mistake: 'on', jurisdiction: 'on', signature: 'Lee Chan' };

function post(path: string, page: { cookie: string; csrf: string }, fields: Record<string, string | string[]>, headers: Record<string, string> = { origin: ORIGIN }) {
  const body = new URLSearchParams({ _csrf: page.csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return request(path, { method: 'POST', headers: { cookie: page.cookie, ...headers }, body });
}

async function follow(res: Response) {
  expect(res.status).toBe(303);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  return request(res.headers.get('location')!, { headers: { cookie } });
}

const counterNoticesOf = (c: Case) => listChildCases(db, c.id, ['received', 'deficient', 'in_review', 'awaiting_complainant', 'disputed', 'closed']);

describe('the merchant\'s counter-notice form', () => {
  it('listing.remove link -> the form shows the listings -> filed -> joins the case, counter_notice.received signed, deadline on forwarding', async () => {
    const urls = ['https://github.com/copycat/cn-engine', 'https://github.com/copycat/cn-tools'];
    const notice = await acceptedByEmail(urls);
    const other = await acceptedByEmail(['https://github.com/someone-else/cn-other']);
    const path = await linkFromRemoveEvent(notice);
    expect(path).toMatch(/^\/counter-notice\/[\w-]+\.[\w-]+$/);

    const page = await openForm(path);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain(`Counter-notice for case ${notice.number}`);
    for (const url of urls) expect(page.html).toContain(url);
    expect(page.html).not.toContain(other.number);
    expect(page.html).not.toContain('cn-other');
    // The DMCA 512(g)(3) statements, from the desk's one vocabulary.
    expect(page.html).toContain(STATEMENTS.mistake.en);
    expect(page.html).toContain(STATEMENTS.counterJurisdiction.en.replace(/'/g, '&#39;'));
    expect(page.html).toContain('10 business days');

    const filed = await post(path, page, { ...complete, listings: urls[0]! });
    expect(filed.headers.get('location')).toBe('/counter-notice/received');
    const receipt = await follow(filed);
    const receiptHtml = await receipt.text();
    const [counter] = await counterNoticesOf(notice);
    expect(counter).toMatchObject({ kind: 'counter_notice', status: 'in_review', parentCaseId: notice.id, complainantEmail: 'lee@merchant.example' });
    expect(counter!.complaint.listings.map((l) => l.url)).toEqual([urls[0]]);
    expect(receiptHtml).toContain(`Your counter-notice is registered as case ${counter!.number}, linked to case ${notice.number}.`);
    expect(receiptHtml).toContain('It has the statements a counter-notice needs.');
    expect(receiptHtml).toContain('An email about it is queued for lee@merchant.example.');
    expect(receiptHtml).not.toContain(other.number);

    // The same record and mail as an emailed counter-notice.
    expect((await listCaseEvents(db, notice.id)).filter((e) => e.type === 'counter_notice_received').map((e) => e.data.counterNoticeCase)).toEqual([counter!.number]);
    const mails = await db.selectFrom('outbox').select(['template', 'to_address', 'language']).where('case_id', '=', counter!.id).execute();
    expect(mails).toEqual([{ template: 'acknowledgement', to_address: 'lee@merchant.example', language: 'en' }]);

    // The platform hears of it, signed.
    const hooks = (await deliver()).filter((h) => h.event.type === 'counter_notice.received');
    expect(hooks).toHaveLength(1);
    expect(verifyWebhookSignature(SECRET, hooks[0]!.body, hooks[0]!.signature!, clock)).toBe(true);
    expect(hooks[0]!.event).toMatchObject({
      case: { number: notice.number },
      data: { counter_notice: { case_number: counter!.number, channel: 'form', status: 'in_review', missing: [] }, listings: [{ url: urls[0], platform: 'github', case_number: notice.number }] },
    });

    // A reviewer forwards it as any other: the code host's 10 business days, the complainant gets the merchant's statements.
    const forwarded = await forwardCounterNotice(reviewer, { caseNumber: counter!.number });
    expect((await findCaseById(db, notice.id))).toMatchObject({ status: 'awaiting_complainant', dueAt: forwarded.dueAt });
    // Friday + 10 business days (the desk's own setting says 3): the end of Friday two weeks on.
    expect(forwarded.dueAt).toBe('2026-03-20T23:59:59.999Z');
    const copy = await db.selectFrom('outbox').select('vars').where('case_id', '=', notice.id).where('template', '=', 'counter-notice-forwarded').executeTakeFirstOrThrow();
    expect(JSON.parse(copy.vars).counterNoticeText).toContain(STATEMENTS.counterJurisdiction.en);
  });

  it('a second press files nothing new', async () => {
    const notice = await acceptedByEmail(['https://github.com/copycat/cn-twice']);
    const path = await linkFromRemoveEvent(notice);
    const page = await openForm(path);
    const fields = { ...complete, listings: 'https://github.com/copycat/cn-twice' };
    await follow(await post(path, page, fields));
    const again = await (await follow(await post(path, page, fields))).text();
    const counters = await counterNoticesOf(notice);
    expect(counters).toHaveLength(1);
    expect(again).toContain(`This counter-notice was already registered as case ${counters[0]!.number}`);
  });

  it('missing statements get the same deficiency handling as by email', async () => {
    const notice = await acceptedByEmail(['https://github.com/copycat/cn-deficient']);
    const path = await linkFromRemoveEvent(notice);
    const page = await openForm(path);
    const { mistake: _m, jurisdiction: _j, signature: _s, ...bare } = complete;
    const receipt = await (await follow(await post(path, page, { ...bare, listings: 'https://github.com/copycat/cn-deficient' }))).text();
    const [counter] = await counterNoticesOf(notice);
    expect(counter!.status).toBe('deficient');
    expect(counter!.findings.map((f) => f.code).sort()).toEqual(['counter.jurisdiction.missing', 'counter.mistake.missing', 'counter.signature.missing']);
    expect(receipt).toContain('It cannot be forwarded to the rights owner until we have the following:');
    expect(receipt).toContain('Please sign the counter-notice with your full legal name.');
    const [mail] = await db.selectFrom('outbox').select(['template', 'vars', 'language']).where('case_id', '=', counter!.id).execute();
    expect(mail?.template).toBe('deficiency');
    // The mail names what was filed: a counter-notice, not a notice.
    const rendered = renderReply('deficiency', JSON.parse(mail!.vars), mail!.language);
    expect(rendered.subject).toContain('Your counter-notice needs more information');
    expect(rendered.text).toContain(`Your counter-notice was registered as case ${counter!.number}`);
    expect(rendered.text).toContain('Please add the statement: "I swear, under penalty of perjury');
    const [hook] = (await deliver()).filter((h) => h.event.type === 'counter_notice.received');
    expect(hook!.event.data.counter_notice).toMatchObject({ status: 'deficient', missing: ['counter.signature.missing', 'counter.mistake.missing', 'counter.jurisdiction.missing'] });
  });

  it('refuses bad input with the fields at fault and files nothing', async () => {
    const notice = await acceptedByEmail(['https://github.com/copycat/cn-bad']);
    const other = await acceptedByEmail(['https://github.com/someone-else/cn-bad-other']);
    const path = await linkFromRemoveEvent(notice);
    const page = await openForm(path);
    const noEmail = await post(path, page, { ...complete, email: '', listings: 'https://github.com/copycat/cn-bad' });
    expect(noEmail.status).toBe(422);
    expect(await noEmail.text()).toMatch(/id="email-error">Required\./);
    // A listing of another case, slipped into the form.
    const foreign = await post(path, page, { ...complete, listings: ['https://github.com/copycat/cn-bad', 'https://github.com/someone-else/cn-bad-other'] });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('Choose among the listings removed under this case.');
    const none = await post(path, page, { ...complete });
    expect(none.status).toBe(422);
    expect(await counterNoticesOf(notice)).toEqual([]);
    expect(await counterNoticesOf(other)).toEqual([]);
  });

  it('is safe to post only from this site with the form\'s token', async () => {
    const notice = await acceptedByEmail(['https://github.com/copycat/cn-csrf']);
    const path = await linkFromRemoveEvent(notice);
    const page = await openForm(path);
    const fields = { ...complete, listings: 'https://github.com/copycat/cn-csrf' };
    expect((await post(path, { cookie: page.cookie, csrf: 'x'.repeat(32) }, fields)).status).toBe(403);
    expect((await post(path, { cookie: '', csrf: page.csrf }, fields)).status).toBe(403);
    expect((await post(path, page, fields, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(path, page, fields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await counterNoticesOf(notice)).toEqual([]);
  });

  it('refuses another case\'s, a tampered, a wrong-purpose and an expired token, showing no case', async () => {
    const a = await acceptedByEmail(['https://github.com/copycat/cn-token-a']);
    const b = await acceptedByEmail(['https://github.com/copycat/cn-token-b']);
    const good = (await linkFromRemoveEvent(a)).slice('/counter-notice/'.length);
    const [payload, sig] = good.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forgedForB = `${Buffer.from(JSON.stringify({ ...claims, c: b.id })).toString('base64url')}.${sig}`;
    const statusToken = new URL(statusLinkFor(makeCtx(base), a)!).pathname.split('/').at(-1)!;
    const otherSecret = signLink('another-secret-of-at-least-32-characters!', { purpose: 'counter_notice', caseId: a.id, expiresAt: new Date(clock.getTime() + 3600_000) });
    const flipped = `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`;
    const page = await openForm(`/counter-notice/${good}`);
    for (const token of [forgedForB, statusToken, otherSecret, flipped, 'garbage']) {
      const res = await request(`/counter-notice/${token}`);
      const html = await res.text();
      expect(res.status, token).toBe(404);
      expect(html).toContain('This counter-notice link is not valid.');
      expect(html).not.toContain(a.number);
      expect(html).not.toContain(b.number);
      const posted = await post(`/counter-notice/${token}`, page, { ...complete, listings: 'https://github.com/copycat/cn-token-b' });
      expect(posted.status, token).toBe(404);
    }
    const expired = signLink(TEST_LINK_SECRET, { purpose: 'counter_notice', caseId: a.id, expiresAt: new Date(clock.getTime() - 1000) });
    const res = await request(`/counter-notice/${expired}`);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain('This counter-notice link has expired.');
    expect(html).not.toContain(a.number);
    expect(await counterNoticesOf(a)).toEqual([]);
    expect(await counterNoticesOf(b)).toEqual([]);
  });

  it('speaks the platform\'s language, and says when nothing is left to contest', async () => {
    const seeded = await seedCase(reviewer, { complaint: { platform: '1688', listings: [listing('https://detail.1688.com/offer/612345.html')] } });
    const notice = (await acceptCase(reviewer, { caseNumber: seeded.number })).case;
    const path = await linkFromRemoveEvent(notice);
    const page = await openForm(path);
    expect(page.html).toContain('<html lang="zh">');
    expect(page.html).toContain(`案件 ${notice.number} 的反通知`);
    expect(page.html).toContain(STATEMENTS.mistake.zh);
    expect(page.html).toContain(STATEMENTS.counterJurisdictionTerms.zh);
    const receipt = await (await follow(await post(path, page, { ...complete, listings: 'https://detail.1688.com/offer/612345.html' }))).text();
    expect(receipt).toContain('您的反通知已登记为案件');
    const [counter] = await counterNoticesOf(notice);
    expect(counter!.complaint.language).toBe('zh');
    expect((await db.selectFrom('outbox').select('language').where('case_id', '=', counter!.id).execute()).map((r) => r.language)).toEqual(['zh']);

    // Withdrawn: the listing is back up, the form says so and takes nothing.
    await withdrawComplaint(reviewer, { caseNumber: notice.number });
    const after = await openForm(path);
    expect(after.html).toContain(`案件 ${notice.number} 下已没有需删除的商品`);
    expect(after.html).not.toContain('name="listings"');
    expect((await post(path, page, { ...complete, signature: 'Lee Chan again', listings: 'https://detail.1688.com/offer/612345.html' })).status).toBe(409);
    expect(await counterNoticesOf(notice)).toHaveLength(1);
  });
});
