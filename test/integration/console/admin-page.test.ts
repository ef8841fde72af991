import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, openConsole } from './harness.js';

describe('/admin', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole();
  });
  afterAll(() => h.close());

  it('a reviewer gets the console page saying only administrators manage tokens', async () => {
    const reviewer = await h.signIn();
    const res = await h.request('/admin', { headers: { cookie: reviewer.cookie } });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('/static/app.css');
    expect(html).toContain('aria-label="Main"');
    expect(html).toMatch(/id="not-allowed">Only administrators/);
    expect(html).not.toContain('Create token');
  });

  it('creating a token redirects to a page that shows it once; a reload shows it no more and makes none', async () => {
    const admin = await h.signIn(ADMIN_LOGIN);
    const count = async () => Number((await h.db.selectFrom('api_tokens').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const posted = await h.post('/admin/tokens', admin, { userId: '1', label: 'reload test' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/admin');
    expect(await posted.text()).not.toMatch(/nd_[\w-]{10,}/);
    const shown = await h.follow(posted, admin);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toMatch(/id="new-token">nd_[\w-]+</);
    expect(await count()).toBe(before + 1);
    // The browser drops the one-time cookie the page cleared; a reload is a plain GET.
    const cleared = shown.headers.getSetCookie().some((c) => /^nd_new_token=;/.test(c) || /Max-Age=0/i.test(c));
    expect(cleared).toBe(true);
    const reloaded = await h.request('/admin', { headers: { cookie: admin.cookie } });
    expect(await reloaded.text()).not.toContain('id="new-token"');
    expect(await count()).toBe(before + 1);
  });
});
