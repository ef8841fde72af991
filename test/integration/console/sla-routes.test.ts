import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestInfo } from '../../../src/domain/cases/request-info.js';
import { returnUnanswered } from '../../../src/domain/cases/return-unanswered.js';
import { makeCtx } from '../../../src/domain/context.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

const HOUR = 3600_000;

describe('SLA timers in the queue', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
  });
  afterAll(() => h.close());
  const at = (hoursAgo: number) => makeCtx({ ...h.base, now: () => new Date(Date.now() - hoursAgo * HOUR) }, REVIEWER);
  const page = async (path: string) => (await h.request(path, { headers: { cookie: session.cookie } })).text();
  const rowOf = (html: string, number: string) => new RegExp(`data-case="${number}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

  it('shows a case received 30 hours ago as past its 24 h target, a fresh one with time left, and sorts by time left', async () => {
    const owner = `SLA Owner ${Date.now()}`;
    const late = await seedCase(at(30), { complaint: { rightsOwner: owner } });
    const near = await seedCase(at(22), { complaint: { rightsOwner: owner } });
    const fresh = await seedCase(at(0), { complaint: { rightsOwner: owner } });
    expect(late.slaDueAt).toBe(new Date(new Date(late.createdAt).getTime() + 24 * HOUR).toISOString());
    const html = await page(`/?q=${encodeURIComponent(owner)}&sort=sla`);
    expect(rowOf(html, late.number)).toMatch(/class="sla-past"[^>]*>6 h past SLA/);
    expect(rowOf(html, near.number)).toMatch(/class="sla-near"[^>]*>2 h left/);
    expect(rowOf(html, fresh.number)).toMatch(/class="sla-ok"[^>]*>24 h left/);
    const order = [...html.matchAll(/data-case="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([late.number, near.number, fresh.number]);
  });

  it('a request nobody answered within the window comes back to Needs action by itself', async () => {
    const c = await seedCase(at(130));
    await requestInfo(at(125), { caseNumber: c.number, requested: ['The power of attorney'] });
    const waiting = await findCaseById(h.db, c.id);
    expect(waiting?.status).toBe('awaiting_complainant');
    expect(await page('/')).not.toContain(`data-case="${c.number}"`);

    const answered = await seedCase(at(2));
    await requestInfo(at(1), { caseNumber: answered.number, requested: ['The power of attorney'] });

    const returned = await returnUnanswered(makeCtx(h.base));
    expect(returned).toContain(c.number);
    expect(returned).not.toContain(answered.number);
    const back = await findCaseById(h.db, c.id);
    expect(back?.status).toBe('in_review');
    expect(new Date(back!.slaDueAt!).getTime()).toBeGreaterThan(Date.now());
    expect(await page('/')).toContain(`data-case="${c.number}"`);
    const events = await h.db.selectFrom('case_events').select('type').where('case_id', '=', c.id).execute();
    expect(events.map((e) => e.type)).toContain('answer_overdue');
    expect((await findCaseById(h.db, answered.id))?.status).toBe('awaiting_complainant');
  });
});

describe('the "Past SLA" tab', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
  });
  afterAll(() => h.close());
  const at = (hoursAgo: number) => makeCtx({ ...h.base, now: () => new Date(Date.now() - hoursAgo * HOUR) }, REVIEWER);
  const page = async (path: string) => (await h.request(path, { headers: { cookie: session.cookie } })).text();

  it('counts and lists the cases whose SLA timer has run out, not those merely received over 24 h ago', async () => {
    const late = await seedCase(at(30));
    const back = await seedCase(at(130));
    await requestInfo(at(125), { caseNumber: back.number, requested: ['The power of attorney'] });
    expect(await returnUnanswered(makeCtx(h.base))).toContain(back.number);
    const returned = await findCaseById(h.db, back.id);
    expect(new Date(returned!.slaDueAt!).getTime()).toBeGreaterThan(Date.now());

    const html = await page('/?sla=breached');
    expect(html).toContain(`data-case="${late.number}"`);
    expect(html).not.toContain(`data-case="${back.number}"`);
    expect(html).toMatch(/Past SLA<span class="n">1<\/span>/);
    expect(await page('/')).toContain(`data-case="${back.number}"`);
  });
});
