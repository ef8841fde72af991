import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseByNumber, listCaseEvents } from '../../../src/store/repos/cases.js';
import { makeReportForm } from '../../support/report-form.js';
import { openConsole } from './harness.js';

describe('the case record says who did what', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let number = '';
  beforeAll(async () => {
    h = await openConsole({ reportRateLimit: 20 });
    const posted = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm() });
    number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await (await h.follow(posted)).text())?.[1] ?? '';
  });
  afterAll(() => h.close());

  it('credits the filing to the sender and the check and the automatic reply to the desk', async () => {
    const c = await findCaseByNumber(h.db, number);
    const events = await listCaseEvents(h.db, c!.id);
    const by = Object.fromEntries(events.map((e) => [e.type, e.actor]));
    expect(by.received).toMatchObject({ type: 'sender', id: 'jane@bluelantern.example' });
    expect(by.checked).toMatchObject({ type: 'system' });
    expect(by.reply_queued).toMatchObject({ type: 'system' });
    // An automatic reply is the desk's, so it is marked as one (Auto-Submitted: auto-replied).
    const reply = await h.db.selectFrom('outbox').select('vars').where('case_id', '=', c!.id).executeTakeFirstOrThrow();
    expect(JSON.parse(reply.vars).byReviewer).toBe(false);
  });

  it('shows no step from a status to the same status, and names the desk for its own steps', async () => {
    const reviewer = await h.signIn();
    const html = await (await h.request(`/cases/${number}`, { headers: { cookie: reviewer.cookie } })).text();
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    expect(timeline).toContain('<b>received</b>');
    for (const item of timeline.split('<li>').slice(1)) {
      const statuses = [...item.matchAll(/class="badge ([a-z_]+)"/g)].map((m) => m[1]);
      const step = /<b>([^<]+)<\/b>/.exec(item)?.[1]?.replace(/ /g, '_');
      expect(statuses.filter((s) => s === step), item).toEqual([]);
      if (statuses.length === 2) expect(statuses[0], item).not.toBe(statuses[1]);
    }
    const checked = timeline.split('<li>').find((i) => i.includes('<b>checked</b>')) ?? '';
    expect(checked).toMatch(/received<\/span> → <span class="badge deficient"/);
    expect(checked).toContain('Noticedesk (automatic)');
    expect(checked).not.toContain('Jane Doe');
  });
});
