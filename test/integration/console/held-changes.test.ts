import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { statusLinkFor } from '../../../src/domain/complainant/status-link.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import type { Case } from '../../../src/domain/schemas/index.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { findCaseById, listCaseEvents } from '../../../src/store/repos/cases.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { authPass } from '../../support/store.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

let desk: Awaited<ReturnType<typeof openConsole>>;
let ctx: Ctx;
let seq = 0;

async function deliver(raw: Uint8Array) {
  const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
  return processMessage(ctx, message.id);
}

async function fileCase(url: string): Promise<Case> {
  const outcome = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<held-${++seq}@orbit-labs.example>`, body: makeDmcaBody({ urls: [url] }) }));
  if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
  return outcome.case;
}

/** A mail claiming to come from the complainant's organisation, with no authentication a trusted server wrote. */
function forged(c: Case, body: string, headers: Record<string, string> = {}) {
  return deliver(makeEmail({ from: 'Sam Okafor <sam.okafor@orbit-labs.example>', subject: `Re: [${c.number}]`, messageId: `<forged-${++seq}@orbit-labs.example>`, headers, body }));
}
const withdrawal = (c: Case) => `We hereby withdraw our complaint ${c.number} and retract the takedown request. Please reinstate the content.`;
const addition = (c: Case) => `Please also remove these copies for ${c.number}:\nhttps://github.com/competitor-a/engine\nhttps://github.com/competitor-b/engine`;

const replies = (caseId: number) => desk.db.selectFrom('outbox').select(['template', 'to_address', 'vars']).where('case_id', '=', caseId).orderBy('id').execute();
const statusPath = (c: Case) => new URL(statusLinkFor(ctx, c)!).pathname;

async function openPage(path: string) {
  const res = await desk.request(path);
  const html = await res.text();
  return { res, html, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}
function press(path: string, page: { cookie: string; csrf: string }, fields: Record<string, string>) {
  return desk.request(path, { method: 'POST', headers: { cookie: page.cookie, origin: desk.origin }, body: new URLSearchParams({ _csrf: page.csrf, ...fields }) });
}
const holdIdIn = (html: string) => /name="holdId" value="([^"]+)"/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  desk = await openConsole();
  ctx = makeCtx(desk.base);
});
afterAll(() => desk.close());

describe('a change held for safety', () => {
  it('changes nothing, mails the case\'s own complainant address a link, and puts the case in front of a reviewer', async () => {
    const c = await fileCase('https://github.com/held/accepted');
    await acceptCase(desk.deps.ctx(REVIEWER, 'test'), { caseNumber: c.number });
    const accepted = await findCaseById(desk.db, c.id);
    expect(accepted?.status).toBe('accepted');
    const outcome = await forged(c, withdrawal(c), { 'Reply-To': 'merchant@evil.example' });
    expect(outcome).toMatchObject({ status: 'processed', joined: true });
    const after = await findCaseById(desk.db, c.id);
    expect(after?.status).toBe('accepted');
    const held = (await listCaseEvents(desk.db, c.id)).filter((e) => e.type === 'change_held');
    expect(held).toHaveLength(1);
    expect(held[0]?.data).toMatchObject({ change: 'withdrawal', sender: 'sam.okafor@orbit-labs.example', awaiting: 'complainant_confirmation' });

    const mail = (await replies(c.id)).at(-1)!;
    expect(mail.template).toBe('change-held');
    // The address on the case, not the message's sender, not its Reply-To.
    expect(mail.to_address).toBe('sam@orbit-labs.example');
    const vars = JSON.parse(mail.vars) as Record<string, unknown>;
    for (const language of ['en', 'zh']) {
      const rendered = renderReply('change-held', vars, language);
      expect(rendered.text).toContain(String(vars.statusUrl));
      expect(rendered.subject).toContain(c.number);
    }
    expect(rendered('en', vars)).toContain('nothing has been changed');

    // Needs action: the queue's open tab lists it, the case page says why.
    const session = await desk.signIn();
    const queue = await (await desk.request('/', { headers: { cookie: session.cookie } })).text();
    expect(queue).toContain(c.number);
    const page = await (await desk.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('Change held: waiting for the complainant&#39;s confirmation');
  });

  it('is applied exactly once when the complainant confirms it on the status page', async () => {
    const c = await fileCase('https://github.com/held/confirm');
    await forged(c, withdrawal(c));
    await forged(c, withdrawal(c));
    // One confirmation mail for a kind of change, however many forged mails ask for it.
    expect((await replies(c.id)).filter((r) => r.template === 'change-held')).toHaveLength(1);
    expect((await findCaseById(desk.db, c.id))?.status).toBe('in_review');

    const path = statusPath(c);
    const page = await openPage(path);
    expect(page.html).toContain('Changes waiting for your confirmation');
    expect(page.html).toContain('Confirm: withdraw this complaint');
    const holdId = holdIdIn(page.html);
    const res = await press(`${path}/confirm`, page, { holdId });
    expect(res.status).toBe(303);
    const after = await findCaseById(desk.db, c.id);
    expect(after?.status).toBe('withdrawn');

    const again = await press(`${path}/confirm`, page, { holdId });
    expect(again.status).toBe(409);
    const events = await listCaseEvents(desk.db, c.id);
    expect(events.filter((e) => e.type === 'withdrawn')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'change_confirmed')).toHaveLength(1);
    expect(events.find((e) => e.type === 'change_confirmed')?.actor).toMatchObject({ type: 'complainant', id: c.number });
    expect((await findCaseById(desk.db, c.id))?.version).toBe(after?.version);
  });

  it('adds held listings once, on confirmation only', async () => {
    const c = await fileCase('https://github.com/held/first');
    await forged(c, addition(c));
    expect((await findCaseById(desk.db, c.id))?.complaint.listings.map((l) => l.url)).toEqual(['https://github.com/held/first']);
    const mail = (await replies(c.id)).at(-1)!;
    expect(mail.template).toBe('change-held');
    expect(JSON.parse(mail.vars).heldListings).toEqual(['https://github.com/competitor-a/engine', 'https://github.com/competitor-b/engine']);

    const path = statusPath(c);
    const page = await openPage(path);
    expect(page.html).toContain('https://github.com/competitor-a/engine');
    const holdId = holdIdIn(page.html);
    expect((await press(`${path}/confirm`, page, { holdId })).status).toBe(303);
    expect((await press(`${path}/confirm`, page, { holdId })).status).toBe(409);
    const urls = (await findCaseById(desk.db, c.id))?.complaint.listings.map((l) => l.url);
    expect(urls).toEqual(['https://github.com/held/first', 'https://github.com/competitor-a/engine', 'https://github.com/competitor-b/engine']);
    const session = await desk.signIn();
    const casePage = await (await desk.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
    expect(casePage).not.toContain('Change held');
  });

  it('cannot be confirmed with another case\'s token, nor with a made-up hold id', async () => {
    const a = await fileCase('https://github.com/held/a');
    const b = await fileCase('https://github.com/held/b');
    await forged(b, withdrawal(b));
    const pageB = await openPage(statusPath(b));
    const holdOfB = holdIdIn(pageB.html);
    const pageA = await openPage(statusPath(a));
    expect((await press(`${statusPath(a)}/confirm`, pageA, { holdId: holdOfB })).status).toBe(404);
    expect((await press(`${statusPath(b)}/confirm`, pageB, { holdId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await findCaseById(desk.db, a.id))?.status).toBe('in_review');
    expect((await findCaseById(desk.db, b.id))?.status).toBe('in_review');
  });

  it('can be set aside by a reviewer: the case leaves Needs action and the link no longer confirms it', async () => {
    const c = await fileCase('https://github.com/held/dismiss');
    await acceptCase(desk.deps.ctx(REVIEWER, 'test'), { caseNumber: c.number });
    await forged(c, withdrawal(c));
    const session = await desk.signIn();
    const before = await (await desk.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
    const holdId = /name="holdId" value="([^"]+)"/.exec(before)?.[1] ?? '';
    expect(await (await desk.request('/', { headers: { cookie: session.cookie } })).text()).toContain(c.number);
    const res = await desk.post(`/cases/${c.number}/dismiss-held-change`, session, { holdId });
    expect(res.status).toBe(303);
    const after = await (await desk.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
    expect(after).not.toContain('Change held');
    expect(await (await desk.request('/', { headers: { cookie: session.cookie } })).text()).not.toContain(c.number);
    const page = await openPage(statusPath(c));
    expect(page.html).not.toContain('Changes waiting for your confirmation');
    expect((await press(`${statusPath(c)}/confirm`, page, { holdId })).status).toBe(409);
    expect((await findCaseById(desk.db, c.id))?.status).toBe('accepted');
    expect((await listCaseEvents(desk.db, c.id)).find((e) => e.type === 'change_dismissed')?.actor).toMatchObject({ type: 'user', id: 'rita@desk.test' });
  });

  it('is not held when the sender is authenticated', async () => {
    const c = await fileCase('https://github.com/held/verified');
    await forged(c, withdrawal(c), authPass('orbit-labs.example'));
    expect((await findCaseById(desk.db, c.id))?.status).toBe('withdrawn');
    expect((await replies(c.id)).map((r) => r.template)).not.toContain('change-held');
  });
});

describe('an answer to a counter-notice by email', () => {
  async function awaitingAnswer() {
    const reviewer = desk.deps.ctx(REVIEWER, 'test');
    const notice = await seedCase(reviewer);
    await acceptCase(reviewer, { caseNumber: notice.number });
    const counter = await seedCase(reviewer, { parentCaseId: notice.id, complaint: { kind: 'counter_notice', complainant: { name: 'Shop', organisation: null, email: 'shop@merchant.test', phone: null, address: null }, listings: [] } });
    return (await forwardCounterNotice(reviewer, { caseNumber: counter.number })).notice;
  }
  const answer = (c: Case, id: string, headers: Record<string, string> = {}) =>
    deliver(makeEmail({ from: 'Jane Doe <jane@acme.example>', subject: `Re: [${c.number}]`, messageId: `<${id}@acme.example>`, headers, body: `We do not accept the merchant's response in ${c.number}: the goods are fakes. Please keep the listings down.` }));

  it('from an unauthenticated sender is held: the deadline still runs until the complainant confirms', async () => {
    const notice = await awaitingAnswer();
    await answer(notice, 'cn-forged');
    const held = await findCaseById(desk.db, notice.id);
    expect(held?.status).toBe('awaiting_complainant');
    expect(held?.dueAt).toBe(notice.dueAt);
    expect((await replies(notice.id)).at(-1)).toMatchObject({ template: 'change-held', to_address: 'jane@acme.example' });

    const path = statusPath(notice);
    const page = await openPage(path);
    expect(page.html).toContain('Answer the counter-notice as your message said');
    expect((await press(`${path}/confirm`, page, { holdId: holdIdIn(page.html) })).status).toBe(303);
    expect((await findCaseById(desk.db, notice.id))?.status).toBe('disputed');
    const event = (await listCaseEvents(desk.db, notice.id)).find((e) => e.type === 'counter_notice_rejected');
    expect(event).toMatchObject({ actor: { type: 'complainant', id: notice.number }, data: { answer: 'reject' } });
  });

  it('from an authenticated sender goes to a reviewer as before', async () => {
    const notice = await awaitingAnswer();
    await answer(notice, 'cn-verified', authPass('acme.example'));
    expect((await findCaseById(desk.db, notice.id))?.status).toBe('in_review');
    expect((await listCaseEvents(desk.db, notice.id)).map((e) => e.type)).not.toContain('change_held');
  });
});

function rendered(language: string, vars: Record<string, unknown>): string {
  return renderReply('change-held', vars, language).text;
}
