import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { addNote } from '../../../src/domain/notes/add-note.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('internal notes with @mentions', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    const at = new Date().toISOString();
    await upsertUser(h.db, { email: 'sam@desk.test', name: 'Sam Second', passwordHash: await hashPassword('another pass phrase'), role: 'reviewer', at });
    await upsertUser(h.db, { email: 'lee@desk.test', name: 'Lee Linked', passwordHash: await hashPassword('another pass phrase'), role: 'reviewer', at });
    await h.db.updateTable('users').set({ slack_user_id: 'U0LEE' }).where('email', '=', 'lee@desk.test').execute();
    session = await h.signIn();
  });
  afterAll(() => h.close());
  const seed = () => seedCase(makeCtx(h.base, REVIEWER));
  const outboxTo = (to: string) => h.db.selectFrom('outbox').selectAll().where('to_address', '=', to).execute();

  it('keeps the note in the timeline, mails the mentioned reviewer and nothing to the sender', async () => {
    const c = await seed();
    const before = await h.db.selectFrom('outbox').select('id').where('case_id', '=', c.id).execute();
    const res = await h.post(`/cases/${c.number}/note`, session, { text: '@sam please check the power of attorney date.' });
    expect(res.status).toBe(303);
    const page = await (await h.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('please check the power of attorney date.');
    expect(page).toContain('Told: sam@desk.test by mail');
    const mails = await outboxTo('sam@desk.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Rita Reviewer mentioned you on case ${c.number}`);
    expect(mails[0]!.text_body).toContain('please check the power of attorney date.');
    expect(await h.db.selectFrom('outbox').select('id').where('case_id', '=', c.id).execute()).toEqual(before);
  });

  it('tells a reviewer linked to Slack through Slack when the bot runs, with no mail', async () => {
    const c = await seed();
    const ctx = { ...makeCtx(h.base, REVIEWER), mentions: { slack: true } };
    const { mentioned } = await addNote(ctx, { caseNumber: c.number, text: 'Looks fine to me, @lee and @sam@desk.test.' });
    expect(mentioned).toEqual([
      { email: 'lee@desk.test', via: 'slack', slackUserId: 'U0LEE' },
      { email: 'sam@desk.test', via: 'email', slackUserId: null },
    ]);
    expect(await outboxTo('lee@desk.test')).toHaveLength(0);
  });

  it('refuses a mention of no reviewer, saves nothing and says which handle', async () => {
    const c = await seed();
    const res = await h.post(`/cases/${c.number}/note`, session, { text: 'Ask @nobody about this' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('@nobody is not a reviewer account');
    const notes = await h.db.selectFrom('case_events').select('id').where('case_id', '=', c.id).where('type', '=', 'note').execute();
    expect(notes).toHaveLength(0);
  });

  it('gives back the typed note in its box, with the unknown name beside it, when a mention is refused', async () => {
    const c = await seed();
    const text = 'Long reasoning about the trademark registration in class 9 & 11 <b>not markup</b>, ask @nobody.';
    const res = await h.post(`/cases/${c.number}/note`, session, { text });
    expect(res.status).toBe(422);
    const html = await res.text();
    const box = /<textarea id="note-text"[^>]*>([^<]*)<\/textarea>/.exec(html);
    expect(box?.[1]).toBe(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(html).toMatch(/id="note-text-error">@nobody is not a reviewer account</);
  });

  it('an address inside the text is not a mention', async () => {
    const c = await seed();
    const { mentioned } = await addNote(makeCtx(h.base, REVIEWER), { caseNumber: c.number, text: 'Sender wrote from jane@bluelantern.example twice.' });
    expect(mentioned).toEqual([]);
  });
});
