import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { ADMIN_LOGIN, openConsole } from './harness.js';

const TEXT = 'The letter of authorization you sent expired on 2025-12-31; please send a current one.';

describe('macros', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let admin: { cookie: string; csrf: string };
  let rita: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    admin = await h.signIn(ADMIN_LOGIN);
    rita = await h.signIn();
  });
  afterAll(() => h.close());

  it('an admin saves a macro per language; a reviewer inserts it into a reject, and the reply carries it', async () => {
    expect((await h.post('/admin/macros', admin, { name: 'Expired authorization', language: 'en', body: TEXT })).status).toBe(303);
    expect((await h.post('/admin/macros', admin, { name: 'Expired authorization', language: 'zh', body: '授权书已过期。' })).status).toBe(303);
    const c = await seedCase(makeCtx(h.base, REVIEWER));
    const page = await (await h.request(`/cases/${c.number}`, { headers: { cookie: rita.cookie } })).text();
    expect(page).toContain(`data-text="${TEXT}"`);
    expect(page).not.toContain('授权书已过期');
    const id = /<option value="(\d+)" data-text="The letter/.exec(page)?.[1];
    const res = await h.post(`/cases/${c.number}/reject`, rita, { version: String(c.version), reason: 'no_authorization', note: '', macro: id! });
    expect(res.status).toBe(303);
    expect((await findCaseById(h.db, c.id))?.status).toBe('rejected');
    const mail = await h.db.selectFrom('outbox').select('vars').where('case_id', '=', c.id).where('template', '=', 'rejected').executeTakeFirstOrThrow();
    expect(JSON.parse(mail.vars).note).toBe(TEXT);
  });

  it('saving the same name and language replaces the text; a reviewer may not edit macros', async () => {
    await h.post('/admin/macros', admin, { name: 'Thanks', language: 'en', body: 'First text' });
    await h.post('/admin/macros', admin, { name: 'Thanks', language: 'en', body: 'Second text' });
    const rows = await h.db.selectFrom('macros').selectAll().where('name', '=', 'Thanks').execute();
    expect(rows.map((r) => r.body)).toEqual(['Second text']);
    const denied = await h.post('/admin/macros', rita, { name: 'Mine', language: 'en', body: 'x' });
    expect(denied.status).toBe(403);
    expect(await h.db.selectFrom('macros').select('id').where('name', '=', 'Mine').execute()).toHaveLength(0);
  });

  it('refuses a macro without text and says so', async () => {
    const res = await h.post('/admin/macros', admin, { name: 'Empty', language: 'en', body: ' ' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('body: Write the text.');
  });
});
