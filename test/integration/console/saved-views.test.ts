import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

const rowsOf = (html: string) => [...html.matchAll(/<tr class="row" data-case="([^"]+)"/g)].map((m) => m[1]);

describe('saved views and queue columns', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let rita: { cookie: string; csrf: string };
  let sam: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    await upsertUser(h.db, { email: 'sam@desk.test', name: 'Sam Second', passwordHash: await hashPassword('another pass phrase'), role: 'reviewer', at: new Date().toISOString() });
    rita = await h.signIn();
    sam = await h.signIn({ email: 'sam@desk.test', password: 'another pass phrase' });
  });
  afterAll(() => h.close());
  const page = async (path: string, s: { cookie: string }) => (await h.request(path, { headers: { cookie: s.cookie } })).text();

  it('a saved view opens on the same rows after a reload; private views stay private, shared ones are offered to all', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const wanted = [await seedCase(ctx, { complaint: { rightsOwner: 'Viewed Brand GmbH', iprType: 'copyright' } }), await seedCase(ctx, { complaint: { rightsOwner: 'Viewed Brand GmbH', iprType: 'copyright' } })];
    await seedCase(ctx, { complaint: { rightsOwner: 'Viewed Brand GmbH', iprType: 'patent' } });
    const query = 'q=Viewed+Brand&iprType=copyright&page=1';
    const before = rowsOf(await page(`/?${query}`, rita));
    expect(before.sort()).toEqual(wanted.map((c) => c.number).sort());

    const saved = await h.post('/views', rita, { name: 'Viewed copyright', query });
    expect(saved.status).toBe(303);
    const location = saved.headers.get('location')!;
    expect(location).toBe('/?status=open&iprType=copyright&q=Viewed+Brand');
    const queue = await page('/', rita);
    expect(queue).toContain(`href="${location.replace(/&/g, '&amp;')}"`);
    expect(rowsOf(await page(location, rita)).sort()).toEqual(before.sort());
    expect(await page('/', sam)).not.toContain('Viewed copyright');

    await h.post('/views', rita, { name: 'Team patents', query: 'iprType=patent', shared: 'on' });
    const samQueue = await page('/', sam);
    expect(samQueue).toContain('Team patents');
    expect(samQueue).not.toContain('aria-label="Delete view Team patents"');
  });

  it('refuses a view without a name or with a filter the queue does not take', async () => {
    expect((await h.post('/views', rita, { name: '', query: 'status=all' })).status).toBe(422);
    const res = await h.post('/views', rita, { name: 'Bad', query: 'status=nonsense' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('status');
  });

  it('shows subject and IPR type columns and says findings in words', async () => {
    await seedCase(makeCtx(h.base, REVIEWER), { complaint: { subject: 'Counterfeit lanterns on three listings', iprType: 'trademark' } });
    const html = await page('/?q=Counterfeit+lanterns', rita);
    expect(html).toContain('<th>Subject</th>');
    expect(html).toContain('Counterfeit lanterns on three listings');
    expect(html).toContain('<td>trademark</td>');
    expect(html).toContain('<span class="sev ok">complete</span>');
    expect(html).not.toContain('✓</span></td>');
  });
});
