import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { issueApiToken } from '../../../src/domain/users/api-tokens.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { findCaseById, linkMessageToCase } from '../../../src/store/repos/cases.js';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('reviewer decisions through POST /api/v1/cases/{caseNumber}/decision', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let reviewerToken: string;
  let submitterToken: string;
  beforeAll(async () => {
    h = await openConsole();
    const submitter = await upsertUser(h.db, { email: 'vera@brandguard.example', name: 'Vera', passwordHash: await hashPassword('vendor pass phrase'), role: 'submitter', at: new Date().toISOString() });
    reviewerToken = (await issueApiToken(makeCtx(h.base), { userId: 1, label: 'triage tool' })).token;
    submitterToken = (await issueApiToken(makeCtx(h.base), { userId: submitter.id, label: 'vendor' })).token;
  });
  afterAll(() => h.close());
  const seed = () => seedCase(makeCtx(h.base, REVIEWER));
  const decide = (caseNumber: string, token: string, body: unknown) =>
    h.request(`/api/v1/cases/${caseNumber}/decision`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const mailOf = async (caseId: number) => {
    const row = await h.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    return { row, mail: renderReply(row.template!, JSON.parse(row.vars), row.language) };
  };

  it('accepts two of three listings and mails exactly those as taken down, the third as kept', async () => {
    const c = await seed();
    const urls = c.complaint.listings.map((l) => l.url);
    const res = await decide(c.number, reviewerToken, { action: 'accept', listings: urls.slice(0, 2), note: 'Test purchase confirmed.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ caseNumber: c.number, status: 'partially_accepted' });
    const { row, mail } = await mailOf(c.id);
    expect(row.template).toBe('partially-accepted');
    const [removed, kept] = mail.text.split('stay online');
    expect(removed).toContain(urls[0]);
    expect(removed).not.toContain(urls[2]);
    expect(kept).toContain(urls[2]);
    expect(mail.text).toContain('Test purchase confirmed.');
  });

  it('rejects with a reason in words and mails it; asks for the items given', async () => {
    const c = await seed();
    expect((await decide(c.number, reviewerToken, { action: 'reject', reason: 'The listings sell our own licensed goods.' })).status).toBe(200);
    expect((await mailOf(c.id)).mail.text).toContain('The listings sell our own licensed goods.');
    const d = await seed();
    expect((await decide(d.number, reviewerToken, { action: 'request_info', items: ['Proof of identity', 'The registration certificate'] })).status).toBe(200);
    const { mail } = await mailOf(d.id);
    expect(mail.text).toContain('- Proof of identity');
    expect(mail.text).toContain('- The registration certificate');
  });

  it('refuses a submitter token (403), a stale version (409) and a malformed body (422), changing nothing', async () => {
    const c = await seed();
    expect((await decide(c.number, submitterToken, { action: 'accept' })).status).toBe(403);
    expect((await decide(c.number, reviewerToken, { action: 'accept', version: c.version + 5 })).status).toBe(409);
    const bad = await decide(c.number, reviewerToken, { action: 'request_info', items: [] });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { details: { fields: Record<string, string> } } }).error.details.fields).toHaveProperty('items');
    expect((await decide(c.number, reviewerToken, { action: 'teleport' })).status).toBe(422);
    expect((await findCaseById(h.db, c.id))?.status).toBe('in_review');
  });

  it('forwards a DMCA counter-notice: the complainant gets its copy and at least 10 business days, and the notice stays decided', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const github = { platform: 'github', listings: [{ url: 'https://github.com/copycat/engine', platform: 'github', kind: 'listing' as const, valid: true, problem: null, evidence: null }] };
    const notice = await seedCase(ctx, { complaint: github });
    await acceptCase(ctx, { caseNumber: notice.number });
    const merchant = { name: 'Shop Owner', organisation: 'Cheap Shop', email: 'shop@merchant.test', phone: null, address: null };
    const counter = await seedCase(ctx, { parentCaseId: notice.id, complaint: { kind: 'counter_notice', platform: 'github', complainant: merchant, listings: [] } });
    const text = 'I swear, under penalty of perjury, that the material was removed as a result of mistake. I consent to the jurisdiction of the Federal District Court. /s/ Shop Owner';
    const { message } = await receiveMessage(ctx, { channel: 'email', raw: new TextEncoder().encode(`From: shop@merchant.test\r\nSubject: Counter notice\r\nMessage-ID: <cn-api@merchant.test>\r\n\r\n${text}`), origin: 'test' });
    await h.db.transaction().execute((trx) => linkMessageToCase(trx, counter.id, message.id));
    const res = await decide(counter.number, reviewerToken, { action: 'forward_counter_notice' });
    expect(res.status).toBe(200);
    const row = await h.db.selectFrom('outbox').selectAll().where('case_id', '=', notice.id).where('template', '=', 'counter-notice-forwarded').executeTakeFirstOrThrow();
    const vars = JSON.parse(row.vars);
    const mail = renderReply(row.template!, vars, row.language);
    expect(mail.text).toContain('I consent to the jurisdiction of the Federal District Court.');
    expect(mail.text).not.toMatch(/reject/i);
    const due = new Date((await findCaseById(h.db, counter.id))!.dueAt ?? (await findCaseById(h.db, notice.id))!.dueAt!);
    let businessDays = 0;
    for (const d = new Date(); d < due; d.setUTCDate(d.getUTCDate() + 1)) if (d.getUTCDay() % 6 !== 0) businessDays += 1;
    expect(businessDays).toBeGreaterThanOrEqual(10);
    // The notice waits for a court action now; deciding it again is not offered.
    expect((await decide(notice.number, reviewerToken, { action: 'accept' })).status).toBe(409);
    expect((await decide(notice.number, reviewerToken, { action: 'reject', reason: 'other', note: 'again' })).status).toBe(409);
  });

  it('is described in the OpenAPI document with an example per action', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: { Decision: { examples: Array<{ action: string }> } } } };
    expect(Object.keys(doc.paths)).toContain('/cases/{caseNumber}/decision');
    expect(doc.components.schemas.Decision.examples.map((e) => e.action)).toEqual(['accept', 'reject', 'request_info', 'forward_counter_notice']);
    expect(await (await h.request('/api/v1/docs')).text()).toContain('Decide a case');
  });
});
