import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectCase } from '../../../src/domain/cases/reject-case.js';
import { listQueue } from '../../../src/domain/cases/list-queue.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { markTrustedFlagger } from '../../../src/domain/trust/trusted-flaggers.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { Case } from '../../../src/domain/schemas/index.js';
import { listCaseEvents } from '../../../src/store/repos/cases.js';
import { listMeasures } from '../../../src/store/repos/complainant-measures.js';
import type { Db } from '../../../src/store/open.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { REVIEWER } from './seed.js';

let db: Db;
let ctx: Ctx;
let seq = 0;

beforeAll(async () => {
  db = await openTestDb();
  const base = testCtx(db, { platforms: await loadPlatforms(join('data', 'platforms')) });
  ctx = makeCtx({ ...base, misuse: { windowDays: 90, minNotices: 3, warnShare: 0.5, suspendShare: 0.6, suspendDays: 30 } });
});
afterAll(() => db.destroy());

async function notice(from: string): Promise<Case> {
  seq += 1;
  const raw = makeEmail({ from, subject: `DMCA notice ${seq}`, messageId: `<n-${seq}@sender.example>`, body: makeDmcaBody({ urls: [`https://github.com/copycat-${seq}/engine`] }).replace('sam@orbit-labs.example', /<([^>]+)>/.exec(from)![1]!) });
  const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
  const outcome = await processMessage(ctx, message.id);
  if (outcome.status !== 'processed') throw new Error(`not processed: ${outcome.status}`);
  return outcome.case;
}
const outbox = (caseId: number) => db.selectFrom('outbox').select(['template', 'to_address', 'vars']).where('case_id', '=', caseId).orderBy('id').execute();

describe('trusted flaggers (DSA Art. 22)', () => {
  it('a trusted flagger\'s case sorts first in the queue and carries the flag', async () => {
    const older = await notice('Sam Okafor <sam@orbit-labs.example>');
    await markTrustedFlagger(makeCtx(ctx, REVIEWER), { kind: 'domain', value: 'brandwatch.example' });
    const flagged = await notice('Ana Lima <ana@brandwatch.example>');
    expect(flagged.trustedFlagger).toBe(true);
    expect(older.trustedFlagger).toBe(false);
    const page = await listQueue(makeCtx(ctx, REVIEWER), {});
    const numbers = page.cases.map((c) => c.number);
    expect(numbers.indexOf(flagged.number)).toBeLessThan(numbers.indexOf(older.number));
    expect(page.cases.find((c) => c.number === flagged.number)?.trustedFlagger).toBe(true);
    // Marking a sender later moves their undecided cases up too.
    await markTrustedFlagger(makeCtx(ctx, REVIEWER), { kind: 'account', value: 'sam@orbit-labs.example' });
    expect((await listQueue(makeCtx(ctx, REVIEWER), {})).cases.find((c) => c.number === older.number)?.trustedFlagger).toBe(true);
  });
});

describe('misuse (DSA Art. 23)', () => {
  it('warns a complainant over the threshold, then suspends them; their next notice is kept, acknowledged and not queued', async () => {
    const from = 'Max Spam <max@claims.example>';
    const reviewer = makeCtx(ctx, REVIEWER);
    const cases: Case[] = [];
    for (let i = 0; i < 3; i += 1) cases.push(await notice(from));
    await rejectCase(reviewer, { caseNumber: cases[0]!.number, reason: 'manifestly_unfounded' });
    await rejectCase(reviewer, { caseNumber: cases[1]!.number, reason: 'manifestly_unfounded' });
    expect(await listMeasures(db, { complainantKey: 'address:max@claims.example', limit: 10 })).toEqual([]);
    // The third decision reaches the minimum count: 3 of 3 unfounded -> a warning, not yet a suspension.
    await rejectCase(reviewer, { caseNumber: cases[2]!.number, reason: 'manifestly_unfounded' });
    expect((await listMeasures(db, { complainantKey: 'address:max@claims.example', limit: 10 })).map((m) => m.kind)).toEqual(['warning']);
    expect((await listCaseEvents(db, cases[2]!.id)).some((e) => e.type === 'complainant_warned')).toBe(true);
    expect((await outbox(cases[2]!.id)).map((r) => r.template)).toEqual(['acknowledgement', 'rejected', 'misuse-warning']);

    // Warned before, still over the share: suspended.
    const fourth = await notice(from);
    expect(fourth.status).toBe('in_review');
    await rejectCase(reviewer, { caseNumber: fourth.number, reason: 'manifestly_unfounded' });
    const measures = await listMeasures(db, { complainantKey: 'address:max@claims.example', limit: 10 });
    expect(measures.map((m) => m.kind)).toEqual(['suspension', 'warning']);
    expect((await listCaseEvents(db, fourth.id)).some((e) => e.type === 'complainant_suspended')).toBe(true);
    expect((await outbox(fourth.id)).map((r) => r.template)).toContain('misuse-suspended');
    // One warning only.
    expect((await listMeasures(db, { kind: 'warning', complainantKey: 'address:max@claims.example', limit: 10 }))).toHaveLength(1);

    const during = await notice(from);
    expect(during.status).toBe('suspended');
    const ack = await outbox(during.id);
    expect(ack.map((r) => [r.template, r.to_address])).toEqual([['acknowledgement-suspended', 'max@claims.example']]);
    expect(JSON.parse(ack[0]!.vars).until).toBe(measures[0]!.until);
    expect((await listCaseEvents(db, during.id)).map((e) => e.type)).toContain('notice_suspended');
    const queue = await listQueue(reviewer, {});
    expect(queue.cases.map((c) => c.number)).not.toContain(during.number);
    // Someone else's notice still goes to review.
    expect((await notice('Sam Okafor <sam@orbit-labs.example>')).status).toBe('in_review');
  });
});
