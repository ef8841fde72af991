import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { assignCase } from '../../../src/domain/cases/assign-case.js';
import { closeCase } from '../../../src/domain/cases/close-case.js';
import { markDuplicate } from '../../../src/domain/cases/mark-duplicate.js';
import { rejectCase } from '../../../src/domain/cases/reject-case.js';
import { requestInfo } from '../../../src/domain/cases/request-info.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { ConflictError, DomainError } from '../../../src/domain/errors.js';
import { findCaseById, listCaseEvents } from '../../../src/store/repos/cases.js';
import { listListingDecisions } from '../../../src/store/repos/listing-decisions.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { REJECT_REASON_LABELS } from '../../../src/domain/cases/listing-decision.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { REVIEWER, seedCase } from './seed.js';

describe('reviewer verbs', () => {
  let db: Db;
  let ctx: Ctx;
  beforeAll(async () => {
    db = await openTestDb();
    const base = testCtx(db, { now: () => new Date('2026-03-04T10:00:00Z') });
    ctx = makeCtx(base, REVIEWER);
  });
  afterAll(() => db.destroy());

  const outbox = (caseId: number) => db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).execute();

  it('assigns a case to the acting reviewer and releases it', async () => {
    const c = await seedCase(ctx);
    const mine = await assignCase(ctx, { caseNumber: c.number });
    expect(mine.case.assignee).toBe('rita@desk.test');
    const released = await assignCase(ctx, { caseNumber: c.number, assignee: null });
    expect(released.case.assignee).toBeNull();
    expect((await listCaseEvents(db, c.id)).map((e) => e.type)).toEqual(['received', 'checked', 'assigned', 'unassigned']);
  });

  it('accepts all listings: accepted, decisions stored, reply queued in the thread', async () => {
    const c = await seedCase(ctx);
    const result = await acceptCase(ctx, { caseNumber: c.number, version: c.version });
    expect(result.case.status).toBe('accepted');
    expect((await listListingDecisions(db, c.id)).map((d) => d.decision)).toEqual(['removed', 'removed', 'removed']);
    const [reply] = await outbox(c.id);
    expect(reply).toMatchObject({ template: 'accepted', to_address: 'jane@acme.example', status: 'queued' });
    expect(reply?.in_reply_to).toMatch(/@sender\.test>$/);
  });

  it('accepts some listings: the mail names exactly the listings to take down and the ones kept, with the reason and note', async () => {
    const c = await seedCase(ctx);
    const urls = c.complaint.listings.map((l) => l.url);
    const result = await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), keptReason: 'The third listing sells genuine goods.', note: 'Thank you for the test purchase.' });
    expect(result.case.status).toBe('partially_accepted');
    const decisions = await listListingDecisions(db, c.id);
    expect(decisions.find((d) => d.url === urls[2])).toMatchObject({ decision: 'kept', reason: 'The third listing sells genuine goods.' });
    const [row] = await outbox(c.id);
    expect(row).toMatchObject({ template: 'partially-accepted', subject: null });
    const mail = renderReply(row!.template!, JSON.parse(row!.vars), row!.language);
    const [removedPart, keptPart] = mail.text.split('stay online');
    expect(removedPart).toContain(urls[0]);
    expect(removedPart).toContain(urls[1]);
    expect(removedPart).not.toContain(urls[2]);
    expect(keptPart).toContain(urls[2]);
    expect(mail.text).toContain('The third listing sells genuine goods.');
    expect(mail.text).toContain('Thank you for the test purchase.');
    expect(mail.text).not.toMatch(/merchant has been (told|notified)/i);
    expect(mail.html).toContain(urls[2]);
    const event = (await listCaseEvents(db, c.id)).find((e) => e.type === 'partially_accepted');
    expect(event?.actor).toEqual(REVIEWER);
  });

  it('writes a partial acceptance and a rejection of a Chinese complaint in Chinese, with exactly the decided listings and the reason', async () => {
    const c = await seedCase(ctx, { complaint: { language: 'zh' } });
    const urls = c.complaint.listings.map((l) => l.url);
    await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), keptReason: '第三个链接销售正品。' });
    const [row] = await outbox(c.id);
    const mail = renderReply(row!.template!, JSON.parse(row!.vars), row!.language);
    const [removedPart, keptPart] = mail.text.split('以下链接予以保留');
    expect(removedPart).toContain(urls[0]);
    expect(removedPart).toContain(urls[1]);
    expect(removedPart).not.toContain(urls[2]);
    expect(keptPart).toContain(urls[2]);
    expect(keptPart).toContain('第三个链接销售正品。');
    expect(mail.text).not.toMatch(/Dear|listings|removed/);

    const rejected = await seedCase(ctx, { complaint: { language: 'zh' } });
    await rejectCase(ctx, { caseNumber: rejected.number, reason: 'other', note: '请提供商标注册证书原件。' });
    const [r] = await outbox(rejected.id);
    const rejectMail = renderReply(r!.template!, JSON.parse(r!.vars), r!.language);
    expect(rejectMail.text).toContain('请提供商标注册证书原件。');
    expect(rejectMail.text).toContain('您好');
    expect(rejectMail.text).not.toContain('Dear');
  });

  it("sends a reviewer's own wording only when it keeps the decision's facts, with an HTML part", async () => {
    const c = await seedCase(ctx);
    const urls = c.complaint.listings.map((l) => l.url);
    const dropped = acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), reply: { subject: 'Done', text: `We removed ${urls[0]}.` } });
    await expect(dropped).rejects.toMatchObject({ code: 'invalid_input', details: { fields: { reply_text: expect.stringContaining(urls[1]!) } } });
    expect((await findCaseById(db, c.id))?.status).toBe('in_review');
    const text = `We will take down ${urls[0]} and ${urls[1]}.\n\n${urls[2]} stays online.`;
    await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), reply: { subject: 'Two listings', text } });
    const [row] = await outbox(c.id);
    expect(row).toMatchObject({ subject: 'Two listings', text_body: text });
    expect(row!.html_body).toContain('<p>We will take down');
  });

  it("mails the rejection reason and note, and the items a reviewer asked for, in the sender's language", async () => {
    const rejected = await seedCase(ctx);
    await rejectCase(ctx, { caseNumber: rejected.number, reason: 'no_authorization', note: 'Please send the power of attorney.' });
    const [r] = await outbox(rejected.id);
    const rejectMail = renderReply(r!.template!, JSON.parse(r!.vars), r!.language);
    expect(rejectMail.text).toContain(REJECT_REASON_LABELS.no_authorization);
    expect(rejectMail.text).toContain('Please send the power of attorney.');
    expect(rejectMail.text).not.toContain('see below');

    const chinese = await seedCase(ctx, { complaint: { language: 'zh' } });
    await requestInfo(ctx, { caseNumber: chinese.number, requested: ['商标注册证书', 'A copy of the test purchase receipt'] });
    const [q] = await outbox(chinese.id);
    expect(q!.template).toBe('request-info');
    const ask = renderReply(q!.template!, JSON.parse(q!.vars), q!.language);
    expect(ask.text).toContain('商标注册证书');
    expect(ask.text).toContain('A copy of the test purchase receipt');
    expect(ask.text).toContain('您好');
    expect(ask.text).not.toContain('Dear');
  });

  it('refuses listings that are not in the case, and an empty choice', async () => {
    const c = await seedCase(ctx);
    await expect(acceptCase(ctx, { caseNumber: c.number, listings: ['https://evil.test/x'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(acceptCase(ctx, { caseNumber: c.number, listings: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await findCaseById(db, c.id))?.status).toBe('in_review');
  });

  it('rejects with a reason from the list; "other" needs a note', async () => {
    const c = await seedCase(ctx);
    await expect(rejectCase(ctx, { caseNumber: c.number, reason: 'other' })).rejects.toMatchObject({ code: 'invalid_input', details: { fields: { note: expect.any(String) } } });
    await expect(rejectCase(ctx, { caseNumber: c.number, reason: 'because' as never })).rejects.toBeInstanceOf(DomainError);
    const result = await rejectCase(ctx, { caseNumber: c.number, reason: 'possibly_genuine_goods' });
    expect(result.case.status).toBe('rejected');
    expect((await outbox(c.id))[0]).toMatchObject({ template: 'rejected' });
  });

  it('requests information: deficient or awaiting the complainant, with the deficiency reply', async () => {
    const c = await seedCase(ctx);
    const result = await requestInfo(ctx, { caseNumber: c.number, status: 'deficient', requested: ['Proof of authorization from the rights owner'] });
    expect(result.case.status).toBe('deficient');
    const [reply] = await outbox(c.id);
    expect(JSON.parse(reply!.vars)).toMatchObject({ requested: ['Proof of authorization from the rights owner'], caseNumber: c.number });
    await expect(requestInfo(ctx, { caseNumber: c.number })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('marks a duplicate: closed, linked both ways', async () => {
    const original = await seedCase(ctx);
    const copy = await seedCase(ctx);
    const result = await markDuplicate(ctx, { caseNumber: copy.number, duplicateOf: original.number });
    expect(result.case.status).toBe('closed');
    expect((await listCaseEvents(db, original.id)).at(-1)).toMatchObject({ type: 'duplicate_linked', data: { duplicate: copy.number } });
    await expect(markDuplicate(ctx, { caseNumber: original.number, duplicateOf: 'ND-2026-999999' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('closes with a note and no reply unless asked', async () => {
    const c = await seedCase(ctx);
    const result = await closeCase(ctx, { caseNumber: c.number, note: 'Spam' });
    expect(result.case.status).toBe('closed');
    expect(result.replyId).toBeNull();
    await expect(closeCase(ctx, { caseNumber: c.number, note: 'again' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('gives the second of two reviewers deciding at once a conflict and changes nothing', async () => {
    const c = await seedCase(ctx);
    const other = makeCtx(ctx, { type: 'slack', id: 'U123', name: 'Sam' });
    const results = await Promise.allSettled([
      acceptCase(ctx, { caseNumber: c.number, version: c.version }),
      rejectCase(other, { caseNumber: c.number, version: c.version, reason: 'no_authorization' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    expect(failed.reason.message).toMatch(/changed by someone else/);
    const decided = (await listCaseEvents(db, c.id)).filter((e) => ['accepted', 'rejected'].includes(e.type));
    expect(decided).toHaveLength(1);
    expect(await outbox(c.id)).toHaveLength(1);
  });

  it('refuses a sender as the actor', async () => {
    const c = await seedCase(ctx);
    const sender = makeCtx(ctx, { type: 'sender', id: 'x@y.test', name: null });
    await expect(acceptCase(sender, { caseNumber: c.number })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
