import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../../src/store/repos/users.js';
import { ADMIN_LOGIN, openConsole } from './harness.js';

describe('accounts on /admin', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let admin: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    admin = await h.signIn(ADMIN_LOGIN);
  });
  afterAll(() => h.close());
  const login = (email: string, password: string) => h.request('/login', { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams({ email, password }) });

  it('adds an account who can then sign in; a new password ends its sessions; disabling locks it out', async () => {
    const res = await h.post('/admin/accounts', admin, { email: 'Nina@Desk.test', name: 'Nina New', role: 'reviewer', password: 'first pass phrase' });
    expect(await res.text()).toContain('Account nina@desk.test (reviewer) added.');
    const nina = await h.signIn({ email: 'nina@desk.test', password: 'first pass phrase' });
    expect((await h.request('/', { headers: { cookie: nina.cookie } })).status).toBe(200);
    const id = (await findUserByEmail(h.db, 'nina@desk.test'))!.id;

    await h.post(`/admin/accounts/${id}`, admin, { password: 'second pass phrase' });
    expect((await h.request('/', { headers: { cookie: nina.cookie } })).status).toBe(303);
    expect((await login('nina@desk.test', 'first pass phrase')).status).toBe(401);
    const again = await h.signIn({ email: 'nina@desk.test', password: 'second pass phrase' });

    const disabled = await h.post(`/admin/accounts/${id}`, admin, { disabled: 'yes' });
    expect(await disabled.text()).toContain('nina@desk.test: disabled; its sessions were ended.');
    expect((await h.request('/', { headers: { cookie: again.cookie } })).status).toBe(303);
    expect((await login('nina@desk.test', 'second pass phrase')).status).toBe(401);
    expect(await (await h.request('/', { headers: { cookie: admin.cookie } })).text()).not.toContain('nina@desk.test');

    await h.post(`/admin/accounts/${id}`, admin, { disabled: 'no' });
    await h.post(`/admin/accounts/${id}`, admin, { role: 'submitter' });
    expect((await findUserByEmail(h.db, 'nina@desk.test'))).toMatchObject({ role: 'submitter', disabled: false });
  });

  it('keeps one admin who can sign in, refuses a second account for an address, and a short password', async () => {
    const me = (await findUserByEmail(h.db, ADMIN_LOGIN.email))!;
    const demote = await h.post(`/admin/accounts/${me.id}`, admin, { role: 'reviewer' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('is the last admin who can sign in');
    expect((await findUserByEmail(h.db, ADMIN_LOGIN.email))?.role).toBe('admin');
    expect((await h.post('/admin/accounts', admin, { email: ADMIN_LOGIN.email, role: 'reviewer', password: 'long enough pass' })).status).toBe(409);
    const short = await h.post('/admin/accounts', admin, { email: 'short@desk.test', role: 'reviewer', password: 'short' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('password: at least 8 characters');
  });

  it('is for admins only', async () => {
    const reviewer = await h.signIn();
    expect((await h.request('/admin/accounts', { headers: { cookie: reviewer.cookie } })).status).toBe(403);
    expect((await h.post('/admin/accounts', reviewer, { email: 'x@desk.test', role: 'admin', password: 'long enough pass' })).status).toBe(403);
    expect(await findUserByEmail(h.db, 'x@desk.test')).toBeNull();
  });
});
