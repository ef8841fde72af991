import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

const SAM = { email: 'sam@desk.test', password: 'another pass phrase' };

describe('assignment and ownership', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let rita: { cookie: string; csrf: string };
  let sam: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    await upsertUser(h.db, { email: SAM.email, name: 'Sam Second', passwordHash: await hashPassword(SAM.password), role: 'reviewer', at: new Date().toISOString() });
    rita = await h.signIn();
    sam = await h.signIn(SAM);
  });
  afterAll(() => h.close());
  const seed = () => seedCase(makeCtx(h.base, REVIEWER));
  const page = async (path: string, session: { cookie: string }) => (await h.request(path, { headers: { cookie: session.cookie } })).text();

  it('assigns a case to another reviewer, whose "Mine" view then lists it with their name in the queue', async () => {
    const c = await seed();
    const other = await seed();
    expect(await page(`/cases/${c.number}`, rita)).toContain('<option value="sam@desk.test">Sam Second (sam@desk.test)</option>');
    const res = await h.post(`/cases/${c.number}/assign`, rita, { version: String(c.version), assignee: SAM.email });
    expect(res.status).toBe(303);
    expect((await findCaseById(h.db, c.id))?.assignee).toBe(SAM.email);

    const mine = await page('/?assignee=me', sam);
    expect(mine).toContain(c.number);
    expect(mine).not.toContain(other.number);
    expect(mine).toMatch(/Mine<span class="n">1<\/span>/);
    expect(mine).toContain('Sam Second');
    expect(await page('/?assignee=me', rita)).not.toContain(c.number);

    const unassigned = await page('/?assignee=unassigned', rita);
    expect(unassigned).toContain(other.number);
    expect(unassigned).not.toContain(c.number);
  });

  it('refuses to assign a case to an address that is not a reviewer account, and keeps the assignee', async () => {
    const c = await seed();
    const res = await h.post(`/cases/${c.number}/assign`, rita, { version: String(c.version), assignee: 'stranger@elsewhere.test' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('There is no reviewer account stranger@elsewhere.test');
    expect((await findCaseById(h.db, c.id))?.assignee).toBeNull();
  });
});
