import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { ConflictError } from '../../../src/domain/errors.js';
import type { CounterNoticeCtx } from '../../../src/domain/counter-notices/business-days.js';
import { decideDispute } from '../../../src/domain/counter-notices/decide-dispute.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { reinstateOverdue } from '../../../src/domain/counter-notices/reinstate-overdue.js';
import { rejectCounterNotice } from '../../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../../src/domain/counter-notices/withdraw-complaint.js';
import { SYSTEM } from '../../../src/domain/schemas/index.js';
import { findCaseById, listCaseEvents } from '../../../src/store/repos/cases.js';
import { listListingDecisions } from '../../../src/store/repos/listing-decisions.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { linkMessageToCase } from '../../../src/store/repos/cases.js';
import { REVIEWER, seedCase } from './seed.js';

describe('counter-notice workflow', () => {
  let db: Db;
  let clock = new Date('2026-03-06T15:00:00Z'); // a Friday
  let ctx: CounterNoticeCtx;
  beforeAll(async () => {
    db = await openTestDb();
    ctx = { ...makeCtx(testCtx(db, { now: () => clock }), REVIEWER), counterNotice: { businessDays: 3, holidays: ['2026-03-10'] } };
  });
  afterAll(() => db.destroy());

  const merchant = { name: 'Shop Owner', organisation: 'Cheap Shop', email: 'shop@merchant.test', phone: null, address: null };

  async function acceptedWithCounterNotice() {
    clock = new Date('2026-03-06T15:00:00Z');
    const notice = await seedCase(ctx);
    const urls = notice.complaint.listings.map((l) => l.url);
    await acceptCase(ctx, { caseNumber: notice.number, listings: urls.slice(0, 2) });
    const counter = await seedCase(ctx, { parentCaseId: notice.id, complaint: { kind: 'counter_notice', complainant: merchant, listings: [] } });
    return { notice, counter };
  }

  const replies = (caseId: number) => db.selectFrom('outbox').select(['template', 'to_address']).where('case_id', '=', caseId).orderBy('id').execute();

  it('forwards to the complainant with a deadline in business days, skipping weekends and holidays', async () => {
    const { notice, counter } = await acceptedWithCounterNotice();
    const result = await forwardCounterNotice(ctx, { caseNumber: counter.number });
    // Friday + 3 business days, Tuesday 10th is a holiday: Mon 9, Wed 11, Thu 12.
    expect(result.dueAt).toBe('2026-03-12T23:59:59.999Z');
    expect(result.notice.status).toBe('awaiting_complainant');
    expect(result.counterNotice.status).toBe('awaiting_complainant');
    expect((await replies(notice.id)).at(-1)).toEqual({ template: 'counter-notice-forwarded', to_address: 'jane@acme.example' });
    expect((await replies(counter.id)).at(-1)).toEqual({ template: 'counter-notice-received', to_address: 'shop@merchant.test' });
  });

  it('reinstates when the complainant does not answer in time, tells both sides, and only once', async () => {
    const { notice, counter } = await acceptedWithCounterNotice();
    await forwardCounterNotice(ctx, { caseNumber: counter.number });
    const system = makeCtx(ctx, SYSTEM);
    clock = new Date('2026-03-12T20:00:00Z');
    expect((await reinstateOverdue(system)).reinstated).not.toContain(notice.number);
    clock = new Date('2026-03-13T00:00:01Z');
    expect((await reinstateOverdue(system)).reinstated).toContain(notice.number);
    expect((await reinstateOverdue(system)).reinstated).toEqual([]);
    expect((await findCaseById(db, notice.id))?.status).toBe('reinstated');
    expect((await findCaseById(db, counter.id))?.status).toBe('closed');
    const decisions = await listListingDecisions(db, notice.id);
    expect(decisions.map((d) => d.decision).sort()).toEqual(['kept', 'reinstated', 'reinstated']);
    expect((await replies(notice.id)).at(-1)?.template).toBe('reinstated');
    expect((await replies(counter.id)).at(-1)).toEqual({ template: 'reinstated', to_address: 'shop@merchant.test' });
    const event = (await listCaseEvents(db, notice.id)).at(-2);
    expect(event).toMatchObject({ type: 'reinstated', actor: SYSTEM });
  });

  it('opens a dispute when the complainant rejects, and the final decision settles both cases', async () => {
    const { notice, counter } = await acceptedWithCounterNotice();
    await forwardCounterNotice(ctx, { caseNumber: counter.number });
    const disputed = await rejectCounterNotice(ctx, { caseNumber: notice.number, note: 'The goods are counterfeit.' });
    expect(disputed.case.status).toBe('disputed');
    expect(disputed.case.dueAt).toBeNull();
    clock = new Date('2026-04-01T00:00:00Z');
    expect((await reinstateOverdue(makeCtx(ctx, SYSTEM))).reinstated).not.toContain(notice.number);
    const decided = await decideDispute(ctx, { caseNumber: counter.number, outcome: 'takedown_upheld', note: 'Test purchase shows counterfeit.' });
    expect(decided.case.status).toBe('partially_accepted');
    expect(decided.counterNotices.map((c) => c.status)).toEqual(['closed']);
    expect((await replies(counter.id)).at(-1)?.template).toBe('dispute-decided');
  });

  it('reinstates the removed listings on withdrawal and closes the counter-notice', async () => {
    const { notice, counter } = await acceptedWithCounterNotice();
    await forwardCounterNotice(ctx, { caseNumber: counter.number });
    const result = await withdrawComplaint(ctx, { caseNumber: notice.number });
    expect(result.case.status).toBe('withdrawn');
    expect(result.reinstated).toHaveLength(2);
    expect((await findCaseById(db, counter.id))?.status).toBe('closed');
    expect((await replies(counter.id)).at(-1)?.template).toBe('withdrawn');
  });

  it('refuses to forward a counter-notice for a notice that was never accepted', async () => {
    const notice = await seedCase(ctx);
    const counter = await seedCase(ctx, { parentCaseId: notice.id, complaint: { kind: 'counter_notice', complainant: merchant } });
    await expect(forwardCounterNotice(ctx, { caseNumber: counter.number })).rejects.toBeInstanceOf(ConflictError);
    await expect(forwardCounterNotice(ctx, { caseNumber: notice.number })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('follows the DMCA procedure on a code host: 10 business days, a copy of the counter-notice, a court action instead of "reject", and the notice stays decided', async () => {
    clock = new Date('2026-03-06T15:00:00Z');
    const dmca = { ...ctx, platforms: await loadPlatforms('data/platforms') };
    const notice = await seedCase(dmca, { complaint: { platform: 'github', listings: [{ url: 'https://github.com/copycat/engine', platform: 'github', kind: 'listing', valid: true, problem: null, evidence: null }] } });
    await acceptCase(dmca, { caseNumber: notice.number });
    const counter = await seedCase(dmca, { parentCaseId: notice.id, complaint: { kind: 'counter_notice', platform: 'github', complainant: merchant, listings: [] } });
    const text = 'I swear, under penalty of perjury, that I have a good faith belief the material was removed as a result of mistake. I consent to the jurisdiction of the Federal District Court. /s/ Shop Owner';
    const { message } = await receiveMessage(dmca, { channel: 'email', raw: new TextEncoder().encode(`From: shop@merchant.test\r\nSubject: Counter notice\r\nMessage-ID: <cn-dmca@merchant.test>\r\n\r\n${text}`), origin: 'test' });
    await db.transaction().execute((trx) => linkMessageToCase(trx, counter.id, message.id));

    await expect(forwardCounterNotice(dmca, { caseNumber: counter.number, businessDays: 3 })).rejects.toMatchObject({ code: 'invalid_input' });
    const result = await forwardCounterNotice(dmca, { caseNumber: counter.number });
    // Friday + 10 business days, Tuesday 10th a holiday: Mon 9, Wed 11 ... Fri 20 is the 9th, Mon 23 the 10th.
    expect(result.dueAt).toBe('2026-03-23T23:59:59.999Z');
    const row = await db.selectFrom('outbox').selectAll().where('case_id', '=', notice.id).where('template', '=', 'counter-notice-forwarded').executeTakeFirstOrThrow();
    const mail = renderReply(row.template!, JSON.parse(row.vars), row.language);
    expect(mail.text).toContain('court order');
    expect(mail.text).not.toMatch(/reject/i);
    expect(mail.text).toContain('I consent to the jurisdiction of the Federal District Court.');
    expect(mail.html).toContain('Federal District Court');
    // The rights owner's thread is its own: nothing of the merchant's message threads it.
    expect(row.in_reply_to ?? '').not.toContain('merchant.test');
    expect(row.references ?? '').not.toContain('merchant.test');

    await expect(acceptCase(dmca, { caseNumber: notice.number })).rejects.toBeInstanceOf(ConflictError);
  });
});
