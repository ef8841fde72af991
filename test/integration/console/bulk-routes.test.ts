import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('bulk actions from the queue', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    await upsertUser(h.db, { email: 'sam@desk.test', name: 'Sam Second', passwordHash: await hashPassword('another pass phrase'), role: 'reviewer', at: new Date().toISOString() });
    session = await h.signIn();
  });
  afterAll(() => h.close());
  const seed = (owner = 'Bulk Owner Ltd') => seedCase(makeCtx(h.base, REVIEWER), { complaint: { rightsOwner: owner } });
  const picked = (...cases: Array<{ number: string; version: number }>) => cases.map((c) => `${c.number}@${c.version}`);

  it('assigns three ticked cases to another reviewer in one action and reports each', async () => {
    const cases = [await seed(), await seed(), await seed()];
    const res = await h.post('/bulk', session, { case: picked(...cases), action: 'assign', assignee: 'sam@desk.test' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('3 of 3 done');
    for (const c of cases) expect((await findCaseById(h.db, c.id))?.assignee).toBe('sam@desk.test');
  });

  it('requests the same documents on two cases: two replies are queued, each naming the item', async () => {
    const cases = [await seed(), await seed()];
    const res = await h.post('/bulk', session, { case: picked(...cases), action: 'request_info', requested: 'A copy of the trademark registration certificate' });
    expect(await res.text()).toContain('2 of 2 done');
    for (const c of cases) {
      expect((await findCaseById(h.db, c.id))?.status).toBe('awaiting_complainant');
      const mails = await h.db.selectFrom('outbox').select(['template', 'vars']).where('case_id', '=', c.id).execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.vars).toContain('A copy of the trademark registration certificate');
    }
  });

  it('a conflict on one case does not stop the others, and the page says which was left as it was', async () => {
    const [fresh, stale] = [await seed(), await seed()];
    await h.post(`/cases/${stale.number}/assign`, session, { version: String(stale.version) });
    const res = await h.post('/bulk', session, { case: picked(stale, fresh), action: 'reject', reason: 'no_authorization', note: 'No letter of authorization was sent.' });
    const html = await res.text();
    expect(html).toContain('1 of 2 done');
    expect(html).toMatch(new RegExp(`${stale.number}[\\s\\S]*not changed[\\s\\S]*changed by someone else`));
    expect((await findCaseById(h.db, fresh.id))?.status).toBe('rejected');
    expect((await findCaseById(h.db, stale.id))?.status).toBe('in_review');
  });

  it('"select all matching" acts on every case of the filter, across pages', async () => {
    const owner = `Matching Owner ${Date.now()}`;
    const cases = [await seed(owner), await seed(owner), await seed(owner)];
    const other = await seed();
    const res = await h.post('/bulk', session, { matching: '1', filter: `?q=${encodeURIComponent(owner)}&pageSize=10`, action: 'close', note: 'Sent in error by the vendor.' });
    expect(await res.text()).toContain('3 of 3 done');
    for (const c of cases) expect((await findCaseById(h.db, c.id))?.status).toBe('closed');
    expect((await findCaseById(h.db, other.id))?.status).toBe('in_review');
  });

  it('refuses an action without its required input and changes nothing', async () => {
    const c = await seed();
    const res = await h.post('/bulk', session, { case: picked(c), action: 'request_info', requested: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Name at least one item to send');
    expect((await findCaseById(h.db, c.id))?.status).toBe('in_review');
  });

  it('shows row checkboxes and the bulk form on the queue', async () => {
    const c = await seed();
    const html = await (await h.request('/', { headers: { cookie: session.cookie } })).text();
    expect(html).toContain(`name="case" value="${c.number}@${c.version}" form="bulk"`);
    expect(html).toContain('id="bulk-matching"');
  });
});
