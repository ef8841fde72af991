import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { verifyLink } from '../../../src/domain/links/signed-link.js';
import { listCaseEvents } from '../../../src/store/repos/cases.js';
import { listStatements } from '../../../src/store/repos/statements.js';
import type { Db } from '../../../src/store/open.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { openTestDb, TEST_LINK_SECRET, testCtx } from '../../support/store.js';
import { REVIEWER, seedCase } from '../domain/seed.js';

describe('statements of reasons', () => {
  let db: Db;
  let ctx: Ctx;
  beforeAll(async () => {
    db = await openTestDb();
    const platforms = await loadPlatforms('data/platforms');
    ctx = makeCtx(testCtx(db, { now: () => new Date('2026-03-04T10:00:00Z'), platforms }), REVIEWER);
  });
  afterAll(() => db.destroy());

  it('stores one statement per removed listing when a reviewer accepts, with the facts of the case', async () => {
    const c = await seedCase(ctx, { complaint: { iprType: 'trademark', disclosureConsent: false, rightsOwner: 'Acme GmbH' } });
    const urls = c.complaint.listings.map((l) => l.url);
    await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), keptReason: 'Genuine goods.' });
    const stored = await listStatements(db, { caseId: c.id });
    expect(stored.map((s) => s.statement.listingUrl)).toEqual(urls.slice(0, 2));
    const [first] = stored.map((s) => s.statement);
    expect(first!.puid).toBe(`${c.number}-L1`);
    expect(first!.restriction.territorialScope).toContain('DE');
    expect(first!.facts).toMatchObject({ source: 'notice', right: 'trademark', rightsOwner: null, complainantDisclosed: false, decidedAt: '2026-03-04T10:00:00.000Z' });
    expect(first!.automated).toEqual({ detection: false, decision: false });
    expect(first!.legalGround.law).toMatch(/Regulation \(EU\) 2017\/1001/);
    expect(first!.legalGround.termsClause).toMatch(/AliExpress/);
    const token = first!.redress.counterNoticeUrl!.split('/counter-notice/')[1]!;
    const check = verifyLink(TEST_LINK_SECRET, token, 'counter_notice', new Date('2026-03-05T00:00:00Z'));
    expect(check.ok && check.claims.caseId).toBe(c.id);
    const accepted = (await listCaseEvents(db, c.id)).find((e) => e.type === 'partially_accepted');
    expect(accepted!.data.statementsOfReasons).toEqual([`${c.number}-L1`, `${c.number}-L2`]);
  });

  it('names the rights owner only when the complainant consented to disclosure', async () => {
    const c = await seedCase(ctx, { complaint: { iprType: 'copyright', disclosureConsent: true, rightsOwner: 'Acme GmbH' } });
    await acceptCase(ctx, { caseNumber: c.number });
    const stored = await listStatements(db, { caseId: c.id });
    expect(stored).toHaveLength(3);
    expect(stored[0]!.statement.facts).toMatchObject({ rightsOwner: 'Acme GmbH', complainantDisclosed: true, right: 'copyright' });
  });

  it('marks the decision automated when the desk decided without a reviewer', async () => {
    const c = await seedCase(ctx);
    const system = makeCtx(ctx, { type: 'system', id: 'noticedesk', name: 'Noticedesk' });
    await acceptCase(system, { caseNumber: c.number });
    const stored = await listStatements(db, { caseId: c.id });
    expect(stored.map((s) => s.statement.automated)).toEqual([1, 2, 3].map(() => ({ detection: false, decision: true })));
  });
});
