import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { rejectCase } from '../../../src/domain/cases/reject-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import type { CounterNoticeCtx } from '../../../src/domain/counter-notices/business-days.js';
import { decideDispute } from '../../../src/domain/counter-notices/decide-dispute.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { rejectCounterNotice } from '../../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../../src/domain/counter-notices/withdraw-complaint.js';
import { computeTrends, percentile } from '../../../src/domain/stats/trends.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { REVIEWER, seedCase } from './seed.js';

const SAM = { type: 'user', id: 'sam@desk.test', name: 'Sam Second' } as const;

describe('the desk week by week', () => {
  let db: Db;
  let clock = new Date();
  const at = (iso: string, actor: typeof REVIEWER | typeof SAM = REVIEWER): CounterNoticeCtx => {
    clock = new Date(iso);
    return { ...makeCtx(testCtx(db, { now: () => clock }), actor), counterNotice: { businessDays: 3, holidays: [] } };
  };
  beforeAll(async () => {
    db = await openTestDb();
    // Week of Monday 9 November: two notices in, one accepted after 6 h, one rejected after 48 h.
    const a = await seedCase(at('2026-11-10T09:00:00Z'), { complaint: { platform: 'aliexpress' } });
    const b = await seedCase(at('2026-11-10T10:00:00Z'), { complaint: { platform: 'taobao' } });
    await acceptCase(at('2026-11-10T15:00:00Z'), { caseNumber: a.number });
    await rejectCase(at('2026-11-12T10:00:00Z', SAM), { caseNumber: b.number, reason: 'false_information' });
    // Week of 16 November: one in, accepted a week later; then a counter-notice, a dispute, decided for the complainant.
    const c = await seedCase(at('2026-11-17T10:00:00Z'), { complaint: { platform: 'aliexpress' } });
    await acceptCase(at('2026-11-24T10:00:00Z'), { caseNumber: c.number });
    const counter = await seedCase(at('2026-11-24T11:00:00Z'), { parentCaseId: c.id, complaint: { kind: 'counter_notice', listings: [] } });
    await forwardCounterNotice(at('2026-11-24T12:00:00Z'), { caseNumber: counter.number });
    await rejectCounterNotice(at('2026-11-24T13:00:00Z'), { caseNumber: c.number, note: 'Counterfeit.' });
    await decideDispute(at('2026-11-25T09:00:00Z'), { caseNumber: counter.number, outcome: 'takedown_upheld', note: 'Test purchase.' });
    // Week of 23 November: one in, undecided; the first notice withdrawn.
    await seedCase(at('2026-11-24T08:00:00Z'));
    await withdrawComplaint(at('2026-11-25T10:00:00Z'), { caseNumber: a.number });
  });
  afterAll(() => db.destroy());

  it('counts notices received and first decided per week, and those decided within 24 h', async () => {
    const t = await computeTrends(at('2026-11-25T12:00:00Z'), 4);
    expect(t.weeks.map((w) => [w.week, w.received, w.decided, w.decidedWithin24h])).toEqual([
      ['2026-11-02', 0, 0, 0],
      ['2026-11-09', 2, 2, 1],
      ['2026-11-16', 1, 0, 0],
      ['2026-11-23', 1, 1, 0],
    ]);
    expect([t.decided, t.decidedWithin24h]).toEqual([3, 1]);
  });

  it('gives median and 90th percentile time to decision per platform and per reviewer', async () => {
    const t = await computeTrends(at('2026-11-25T12:00:00Z'), 4);
    const hours = (s: number) => Math.round(s / 360) / 10;
    expect(t.byPlatform.map((p) => [p.key, p.decided, hours(p.medianSeconds), hours(p.p90Seconds), p.within24h])).toEqual([
      ['aliexpress', 2, 6, 168, 1],
      ['taobao', 1, 48, 48, 0],
    ]);
    expect(t.byReviewer.map((p) => [p.key, p.decided, hours(p.medianSeconds)])).toEqual([
      ['Rita Reviewer', 2, 6],
      ['Sam Second', 1, 48],
    ]);
  });

  it('counts counter-notice outcomes once per notice, in the week they happened', async () => {
    const t = await computeTrends(at('2026-11-25T12:00:00Z'), 4);
    const last = t.weeks.at(-1)!.counterOutcomes;
    expect(last).toEqual({ reinstated_no_answer: 0, withdrawn: 1, dispute_opened: 1, dispute_reinstated: 0, dispute_upheld: 1 });
    expect(t.weeks.slice(0, 3).every((w) => Object.values(w.counterOutcomes).every((n) => n === 0))).toBe(true);
  });

  it('leaves out weeks before the period asked for', async () => {
    const t = await computeTrends(at('2026-11-25T12:00:00Z'), 2);
    expect(t.weeks.map((w) => w.week)).toEqual(['2026-11-16', '2026-11-23']);
    expect(t.byReviewer.map((p) => [p.key, p.decided])).toEqual([['Rita Reviewer', 1]]);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
  });
});
