import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { statusLinkFor } from '../../../src/domain/complainant/status-link.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { signLink } from '../../../src/domain/links/signed-link.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import type { Case } from '../../../src/domain/schemas/index.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { findCaseById, listCaseEvents } from '../../../src/store/repos/cases.js';
import { CONTENT_SECURITY_POLICY } from '../../../console/http/security.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { TEST_LINK_SECRET } from '../../support/store.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

let desk: Awaited<ReturnType<typeof openConsole>>;
let ctx: Ctx;
let seq = 0;

async function fileByEmail(url: string): Promise<Case> {
  const raw = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<status-${++seq}@orbit-labs.example>`, body: makeDmcaBody({ urls: [url] }) });
  const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
  const outcome = await processMessage(ctx, message.id);
  if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
  return outcome.case;
}

const pathOf = (url: string) => new URL(url).pathname;
const statusPathFor = (c: Case) => pathOf(statusLinkFor(ctx, c)!);

/** Opens the status page as a browser would: the page sets its CSRF cookie, the form repeats it. */
async function openPage(path: string) {
  const res = await desk.request(path);
  const html = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { res, html, cookie, csrf };
}

function press(path: string, page: { cookie: string; csrf: string }, fields: Record<string, string> = {}) {
  return desk.request(path, { method: 'POST', headers: { cookie: page.cookie, origin: desk.origin }, body: new URLSearchParams({ _csrf: page.csrf, ...fields }) });
}

beforeAll(async () => {
  desk = await openConsole();
  ctx = makeCtx(desk.base);
});
afterAll(() => desk.close());

describe('acknowledgement carries the status link', () => {
  it('queues the link with the acknowledgement, and every template shows it', async () => {
    const c = await fileByEmail('https://github.com/status/ack');
    const row = await desk.db.selectFrom('outbox').select(['template', 'vars', 'to_address']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ template: 'acknowledgement', to_address: 'sam@orbit-labs.example' });
    const vars = JSON.parse(row.vars) as { statusUrl: string };
    expect(vars.statusUrl).toMatch(/^http:\/\/desk\.test\/status\/[\w-]+\.[\w-]+$/);
    for (const language of ['en', 'zh']) {
      const mail = renderReply('acknowledgement', vars, language);
      expect(mail.text, language).toContain(vars.statusUrl);
      expect(mail.html, language).toContain(`href="${vars.statusUrl}"`);
    }
    const page = await openPage(pathOf(vars.statusUrl));
    expect(page.res.status).toBe(200);
    expect(page.html).toContain(c.number);
  });
});

describe('the status page', () => {
  it('shows the case, its status in words, its listings, with the console\'s CSP', async () => {
    const c = await fileByEmail('https://github.com/status/show');
    const page = await openPage(statusPathFor(c));
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.html).toContain(`Case ${c.number}`);
    expect(page.html).toContain('Waiting for a reviewer.');
    expect(page.html).toContain('https://github.com/status/show');
    expect(page.html).toContain('not decided yet');
    expect(page.html).toContain('Withdraw my complaint');
    expect(page.html).not.toContain('Answer the counter-notice');
  });

  it('shows what is missing on a deficient case', async () => {
    const raw = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<status-def@orbit-labs.example>`, body: makeDmcaBody({ urls: ['https://github.com/status/deficient'], statements: false }) });
    const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
    const outcome = await processMessage(ctx, message.id);
    if (outcome.status !== 'processed') throw new Error('not processed');
    expect(outcome.case.status).toBe('deficient');
    // The first reply of a deficient notice is its acknowledgement: it carries the link too.
    const row = await desk.db.selectFrom('outbox').select(['template', 'vars']).where('case_id', '=', outcome.case.id).executeTakeFirstOrThrow();
    expect(row.template).toBe('deficiency');
    const vars = JSON.parse(row.vars) as { statusUrl: string };
    for (const language of ['en', 'zh']) {
      const mail = renderReply('deficiency', vars, language);
      expect(mail.text, language).toContain(vars.statusUrl);
      expect(mail.html, language).toContain(`href="${vars.statusUrl}"`);
    }
    const page = await openPage(pathOf(vars.statusUrl));
    expect(page.html).toContain('What is missing');
    expect(page.html).toMatch(/good[- ]faith/i);
  });

  it('is written in Chinese for a complaint written in Chinese, what is missing included', async () => {
    const body = readFileSync(join('test', 'fixtures', 'notices', 'taobao-utility-model-zh.txt'), 'utf8');
    const raw = makeEmail({ from: 'ipr@jiaju.example', subject: '淘宝专利侵权投诉', messageId: '<status-zh@jiaju.example>', body });
    const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
    const outcome = await processMessage(ctx, message.id);
    if (outcome.status !== 'processed') throw new Error('not processed');
    expect(outcome.case.status).toBe('deficient');
    const page = await openPage(statusPathFor(outcome.case));
    expect(page.html).toContain('<html lang="zh">');
    expect(page.html).toContain(`案件 ${outcome.case.number}`);
    expect(page.html).toContain('等待您补充材料');
    expect(page.html).toContain('缺少的内容');
    expect(page.html).toContain('撤回我的投诉');
    expect(page.html).not.toMatch(/What is missing|Withdraw my complaint|Waiting for/);
    const missing = /<h2 id="missing-h">[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(page.html)?.[1] ?? '';
    expect(missing).toMatch(/<li>[^<]*[\u4e00-\u9fff]/);
  });

  it('answers 404 to a tampered, foreign or wrong-purpose token and 410 to an expired one, showing no case', async () => {
    const a = await fileByEmail('https://github.com/status/token-a');
    const b = await fileByEmail('https://github.com/status/token-b');
    const good = statusPathFor(a).slice('/status/'.length);
    const [payload, sig] = good.split('.') as [string, string];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forgedForB = `${Buffer.from(JSON.stringify({ ...body, c: b.id })).toString('base64url')}.${sig}`;
    const otherSecret = signLink('another-secret-of-at-least-32-characters!', { purpose: 'status', caseId: a.id, expiresAt: new Date(Date.now() + 3600_000) });
    const confirmPurpose = signLink(TEST_LINK_SECRET, { purpose: 'confirm_change', caseId: a.id, expiresAt: new Date(Date.now() + 3600_000) });
    const flipped = `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [forgedForB, otherSecret, confirmPurpose, flipped, 'garbage', `${payload}.`]) {
      const res = await desk.request(`/status/${token}`);
      const html = await res.text();
      expect(res.status, token).toBe(404);
      expect(html).toContain('This status link is not valid');
      expect(html).not.toContain(a.number);
      expect(html).not.toContain(b.number);
    }
    const expired = signLink(TEST_LINK_SECRET, { purpose: 'status', caseId: a.id, expiresAt: new Date(Date.now() - 1000) });
    const res = await desk.request(`/status/${expired}`);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain('This status link has expired');
    expect(html).not.toContain(a.number);
    // Nor can a forged token act on B.
    const pageA = await openPage(statusPathFor(a));
    const acted = await press(`/status/${forgedForB}/withdraw`, pageA);
    expect(acted.status).toBe(404);
    expect((await findCaseById(desk.db, b.id))?.status).toBe('in_review');
  });

  it('a token for case A reads and withdraws only A', async () => {
    const a = await fileByEmail('https://github.com/status/only-a');
    const b = await fileByEmail('https://github.com/status/only-b');
    const page = await openPage(statusPathFor(a));
    expect(page.html).not.toContain(b.number);
    expect(page.html).not.toContain('https://github.com/status/only-b');
    const res = await press(`${statusPathFor(a)}/withdraw`, page);
    expect(res.status).toBe(303);
    expect((await findCaseById(desk.db, a.id))?.status).toBe('withdrawn');
    expect((await findCaseById(desk.db, b.id))?.status).toBe('in_review');
  });

  it('refuses a button press without the page\'s CSRF token, or from another site, and changes nothing', async () => {
    const c = await fileByEmail('https://github.com/status/csrf');
    const path = statusPathFor(c);
    const page = await openPage(path);
    expect((await press(`${path}/withdraw`, { cookie: page.cookie, csrf: 'x'.repeat(page.csrf.length) })).status).toBe(403);
    expect((await press(`${path}/withdraw`, { cookie: '', csrf: page.csrf })).status).toBe(403);
    const crossSite = await desk.request(`${path}/withdraw`, { method: 'POST', headers: { cookie: page.cookie, origin: 'https://evil.example' }, body: new URLSearchParams({ _csrf: page.csrf }) });
    expect(crossSite.status).toBe(403);
    expect((await findCaseById(desk.db, c.id))?.status).toBe('in_review');
    expect((await listCaseEvents(desk.db, c.id)).map((e) => e.type)).not.toContain('withdrawn');
  });

  it('withdraws through the same verb as the console, recorded as done by the complainant on the status page', async () => {
    const c = await fileByEmail('https://github.com/status/withdraw');
    const path = statusPathFor(c);
    const page = await openPage(path);
    const res = await press(`${path}/withdraw`, page);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path}?done=withdrawn`);
    const after = await openPage(`${path}?done=withdrawn`);
    expect(after.html).toContain('Your complaint is withdrawn');
    expect(after.html).toContain('Withdrawn.');
    expect(after.html).not.toContain('Withdraw my complaint');
    const event = (await listCaseEvents(desk.db, c.id)).find((e) => e.type === 'withdrawn');
    expect(event?.actor).toEqual({ type: 'complainant', id: c.number, name: 'Complainant, via the status page' });
    const replies = await desk.db.selectFrom('outbox').select(['template', 'to_address']).where('case_id', '=', c.id).orderBy('id').execute();
    expect(replies.at(-1)).toEqual({ template: 'withdrawn', to_address: 'sam@orbit-labs.example' });
    // A second press finds nothing to withdraw and says so.
    const again = await press(`${path}/withdraw`, page);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Nothing was changed');
  });
});

describe('answering a counter-notice on the status page', () => {
  async function awaitingAnswer(platform: 'aliexpress' | 'github') {
    const reviewer = desk.deps.ctx(REVIEWER, 'test');
    const urls = platform === 'github' ? ['https://github.com/cn/one', 'https://github.com/cn/two'] : undefined;
    const notice = await seedCase(reviewer, { complaint: { platform, ...(urls ? { listings: urls.map((url) => ({ url, platform, kind: 'listing' as const, valid: true, problem: null, evidence: null })) } : {}) } });
    await acceptCase(reviewer, { caseNumber: notice.number });
    const counter = await seedCase(reviewer, { parentCaseId: notice.id, complaint: { kind: 'counter_notice', platform, complainant: { name: 'Shop', organisation: null, email: 'shop@merchant.test', phone: null, address: null }, listings: [] } });
    const forwarded = await forwardCounterNotice(reviewer, { caseNumber: counter.number });
    return { notice: forwarded.notice, counter };
  }

  it('rejects the counter-notice where the platform lets the complainant reject it', async () => {
    const { notice, counter } = await awaitingAnswer('aliexpress');
    const path = statusPathFor(notice);
    const page = await openPage(path);
    expect(page.html).toContain('Reject the counter-notice');
    expect(page.html).toContain('Your answer to the counter-notice is due by');
    expect(page.html).toContain('decided: remove');
    const res = await press(`${path}/answer`, page, { note: 'The goods are counterfeit.' });
    expect(res.status).toBe(303);
    expect((await findCaseById(desk.db, notice.id))?.status).toBe('disputed');
    expect((await findCaseById(desk.db, counter.id))?.status).toBe('disputed');
    const event = (await listCaseEvents(desk.db, notice.id)).find((e) => e.type === 'counter_notice_rejected');
    expect(event).toMatchObject({ actor: { type: 'complainant', id: notice.number }, data: { answer: 'reject', note: 'The goods are counterfeit.' } });
  });

  it('reports a court action where the platform (DMCA) asks for one', async () => {
    const { notice } = await awaitingAnswer('github');
    const path = statusPathFor(notice);
    const page = await openPage(path);
    expect(page.html).toContain('Report a court action');
    expect(page.html).not.toContain('Reject the counter-notice');
    const res = await press(`${path}/answer`, page, { note: 'N.D. Cal. 5:26-cv-01234' });
    expect(res.status).toBe(303);
    const event = (await listCaseEvents(desk.db, notice.id)).find((e) => e.type === 'counter_notice_rejected');
    expect(event).toMatchObject({ actor: { type: 'complainant' }, data: { answer: 'court_action' } });
  });

  it('offers no answer when no counter-notice waits, and refuses one posted anyway', async () => {
    const c = await fileByEmail('https://github.com/status/no-counter');
    const path = statusPathFor(c);
    const page = await openPage(path);
    expect(page.html).not.toContain('Answer the counter-notice');
    const res = await press(`${path}/answer`, page);
    expect(res.status).toBe(409);
    expect((await findCaseById(desk.db, c.id))?.status).toBe('in_review');
  });
});
