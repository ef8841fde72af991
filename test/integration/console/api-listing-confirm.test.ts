import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { issueApiToken } from '../../../src/domain/users/api-tokens.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { listCaseEvents } from '../../../src/store/repos/cases.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('the platform confirms takedowns through POST /api/v1/listings/confirm', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let platformToken: string;
  let reviewerToken: string;
  beforeAll(async () => {
    h = await openConsole();
    const platform = await upsertUser(h.db, { email: 'ops@marketplace.example', name: 'Marketplace', passwordHash: await hashPassword('platform pass phrase'), role: 'platform', at: new Date().toISOString() });
    platformToken = (await issueApiToken(makeCtx(h.base), { userId: platform.id, label: 'marketplace' })).token;
    reviewerToken = (await issueApiToken(makeCtx(h.base), { userId: 1, label: 'triage tool' })).token;
  });
  afterAll(() => h.close());
  const confirm = (token: string, body: unknown) =>
    h.request('/api/v1/listings/confirm', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const mails = async (caseId: number) =>
    (await h.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('id').execute()).map((row) => ({ row, mail: renderReply(row.template!, JSON.parse(row.vars), row.language) }));

  it('mails "removed" only after the platform confirmed it, once per listing, in the notice language', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const c = await seedCase(ctx);
    const urls = c.complaint.listings.map((l) => l.url);
    await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), keptReason: 'Genuine goods.' });
    const before = await mails(c.id);
    expect(before.map((m) => m.row.template)).toEqual(['partially-accepted']);
    expect(before[0]!.mail.text).not.toMatch(/(was|were|been) removed/i);

    const res = await confirm(platformToken, { caseNumber: c.number, url: urls[0], action: 'removed' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ caseNumber: c.number, url: urls[0], action: 'removed', alreadyConfirmed: false });
    const after = await mails(c.id);
    expect(after.map((m) => m.row.template)).toEqual(['partially-accepted', 'listing-confirmed']);
    expect(after[1]!.mail.text).toContain('The platform confirmed that this listing');
    expect(after[1]!.mail.text).toMatch(/was removed/);
    expect(after[1]!.mail.text).toContain(urls[0]);
    expect(after[1]!.mail.text).not.toContain(urls[1]);
    const events = await listCaseEvents(h.db, c.id);
    expect(events.filter((e) => e.type === 'listing_removal_confirmed')).toMatchObject([{ data: { url: urls[0] }, actor: { id: 'ops@marketplace.example' } }]);

    // A repeat changes nothing.
    const again = await confirm(platformToken, { caseNumber: c.number, url: urls[0], action: 'removed' });
    expect(await again.json()).toMatchObject({ alreadyConfirmed: true });
    expect(await mails(c.id)).toHaveLength(2);
  });

  it('refuses a reviewer token (403), a kept listing (409), an unknown listing (422) and bad input (422), changing nothing', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const c = await seedCase(ctx);
    const urls = c.complaint.listings.map((l) => l.url);
    expect((await confirm(platformToken, { caseNumber: c.number, url: urls[0], action: 'removed' })).status).toBe(422);
    await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 1), keptReason: 'Genuine goods.' });
    expect((await confirm(reviewerToken, { caseNumber: c.number, url: urls[0], action: 'removed' })).status).toBe(403);
    expect((await confirm(platformToken, { caseNumber: c.number, url: urls[1], action: 'removed' })).status).toBe(409);
    expect((await confirm(platformToken, { caseNumber: c.number, url: urls[0], action: 'restored' })).status).toBe(409);
    expect((await confirm(platformToken, { caseNumber: c.number, url: 'https://elsewhere.example/x', action: 'removed' })).status).toBe(422);
    expect((await confirm(platformToken, { caseNumber: c.number, url: urls[0], action: 'deleted' })).status).toBe(422);
    expect((await confirm(platformToken, { caseNumber: 'ND-2026-999999', url: urls[0], action: 'removed' })).status).toBe(404);
    expect((await confirm('not-a-token', { caseNumber: c.number, url: urls[0], action: 'removed' })).status).toBe(401);
    expect((await mails(c.id)).map((m) => m.row.template)).toEqual(['partially-accepted']);
  });

  it('writes the confirmation mail in Chinese for a Chinese notice', () => {
    const mail = renderReply('listing-confirmed', { caseNumber: 'ND-2026-000001', url: 'https://shop.example/1', action: 'removed', list: (x: unknown) => x, urlOf: (x: unknown) => x }, 'zh');
    expect(mail.subject).toContain('已下架');
    expect(mail.text).toContain('平台已确认');
  });
});
