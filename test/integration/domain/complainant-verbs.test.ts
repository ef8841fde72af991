import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmHeldChange, dismissHeldChange } from '../../../src/domain/complainant/held-changes.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { rejectCounterNotice } from '../../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../../src/domain/counter-notices/withdraw-complaint.js';
import { DomainError } from '../../../src/domain/errors.js';
import type { Actor } from '../../../src/domain/schemas/index.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { seedCase } from './seed.js';

let db: Db;
let base: Ctx;
const as = (actor: Actor) => makeCtx(base, actor);
const complainantOf = (caseNumber: string): Actor => ({ type: 'complainant', id: caseNumber, name: 'Complainant, via the status page' });

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e);
  return error instanceof DomainError ? error.code : String(error);
}

beforeAll(async () => {
  db = await openTestDb();
  base = testCtx(db);
});
afterAll(() => db.destroy());

describe('the complainant acts only on their own case', () => {
  it('may withdraw their own case, and no other', async () => {
    const a = await seedCase(base);
    const b = await seedCase(base);
    expect(await refusal(withdrawComplaint(as(complainantOf(a.number)), { caseNumber: b.number }))).toBe('forbidden');
    expect((await findCaseById(db, b.id))?.status).toBe('in_review');
    await withdrawComplaint(as(complainantOf(a.number)), { caseNumber: a.number });
    expect((await findCaseById(db, a.id))?.status).toBe('withdrawn');
  });

  it('may not answer another case\'s counter-notice, confirm its held changes, or set them aside', async () => {
    const a = await seedCase(base);
    const b = await seedCase(base, { status: 'awaiting_complainant' });
    const stranger = as(complainantOf(a.number));
    expect(await refusal(rejectCounterNotice(stranger, { caseNumber: b.number }))).toBe('forbidden');
    expect(await refusal(confirmHeldChange(stranger, { caseNumber: b.number, holdId: '00000000-0000-4000-8000-000000000000' }))).toBe('forbidden');
    expect(await refusal(dismissHeldChange(as(complainantOf(b.number)), { caseNumber: b.number, holdId: '00000000-0000-4000-8000-000000000000' }))).toBe('forbidden');
  });

  it('a sender is not a complainant, whatever id it carries', async () => {
    const a = await seedCase(base);
    expect(await refusal(withdrawComplaint(as({ type: 'sender', id: a.number, name: null }), { caseNumber: a.number }))).toBe('forbidden');
    expect((await findCaseById(db, a.id))?.status).toBe('in_review');
  });
});
