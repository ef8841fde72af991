import { sql } from 'kysely';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { changeCase } from '../../../src/domain/cases/change-case.js';
import { rejectCase } from '../../../src/domain/cases/reject-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import type { CounterNoticeCtx } from '../../../src/domain/counter-notices/business-days.js';
import { decideDispute } from '../../../src/domain/counter-notices/decide-dispute.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { reinstateOverdue } from '../../../src/domain/counter-notices/reinstate-overdue.js';
import { rejectCounterNotice } from '../../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../../src/domain/counter-notices/withdraw-complaint.js';
import { SYSTEM, type Case } from '../../../src/domain/schemas/index.js';
import { computeStats } from '../../../src/domain/stats/complainant-stats.js';
import { computeTrends } from '../../../src/domain/stats/trends.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { migrationProvider } from '../../../src/store/migrations/index.js';
import { openDatabase, type Db } from '../../../src/store/open.js';
import { findCaseByNumber, updateCaseIf } from '../../../src/store/repos/cases.js';
import { recountFigures } from '../../../src/store/repos/stats-recount.js';
import { startPostgres, type ThrowawayPostgres } from '../../setup/postgres.js';
import { freePort } from '../../support/ports.js';
import { tempSqlitePath, testCtx } from '../../support/store.js';
import { REVIEWER, seedCase } from './seed.js';

const SAM = { type: 'user', id: 'sam@desk.test', name: 'Sam Second' } as const;
const MERCHANT = { name: 'Shop Owner', organisation: 'Cheap Shop', email: 'shop@merchant.test', phone: null, address: null };
const sender = (email: string | null) => ({ name: 'Sender', organisation: null, email, phone: null, address: null });
/** The migration before the kept figures: a desk with history upgrades from here. */
const BEFORE_KEPT = '20261129T1400-stats-trend-indexes';

/** A desk's weeks: decisions (one exactly 24 hours after arrival), a reopened case, withdrawals and every counter-notice ending. */
async function deskHistory(db: Db) {
  let clock = new Date();
  const at = (iso: string, actor: typeof REVIEWER | typeof SAM | typeof SYSTEM = REVIEWER): CounterNoticeCtx => {
    clock = new Date(iso);
    return { ...makeCtx(testCtx(db, { now: () => clock }), actor), counterNotice: { businessDays: 3, holidays: [] } };
  };
  const notice = (iso: string, email: string | null, platform: string | null = 'aliexpress') => seedCase(at(iso), { complaint: { platform, complainant: sender(email) } });
  const counterTo = async (n: Case, iso: string) => {
    const counter = await seedCase(at(iso), { parentCaseId: n.id, complaint: { kind: 'counter_notice', complainant: MERCHANT, listings: [] } });
    await forwardCounterNotice(at(iso), { caseNumber: counter.number });
    return counter;
  };

  const a = await notice('2026-10-05T09:00:00.000Z', 'a@firm.test');
  await acceptCase(at('2026-10-06T09:00:00.000Z'), { caseNumber: a.number }); // exactly 24 h
  const b = await notice('2026-10-05T10:00:00.000Z', 'a@firm.test', 'taobao');
  await rejectCase(at('2026-10-07T10:00:00.001Z', SAM), { caseNumber: b.number, reason: 'false_information' });
  // Rejected, reopened, then accepted: the first decision stays the reject; the takedown counts.
  const c = await notice('2026-10-12T08:00:00.000Z', 'b@vendor.test', null);
  await rejectCase(at('2026-10-12T20:00:00.000Z'), { caseNumber: c.number, reason: 'missing_information' });
  const reopen = at('2026-10-13T08:00:00.000Z');
  const rejected = (await findCaseByNumber(db, c.number))!;
  await db.transaction().execute((trx) => changeCase(trx, reopen, rejected, { to: 'in_review', event: { type: 'reopened' } }));
  await acceptCase(at('2026-10-14T08:00:00.000Z', SAM), { caseNumber: c.number });
  // Accepted in part, answered by a counter-notice, not answered in time: reinstated.
  const d = await notice('2026-10-19T09:00:00.000Z', 'b@vendor.test');
  await acceptCase(at('2026-10-19T11:00:00.000Z'), { caseNumber: d.number, listings: [d.complaint.listings[0]!.url] });
  await counterTo(d, '2026-10-20T09:00:00.000Z');
  await reinstateOverdue(at('2026-11-02T00:00:00.000Z', SYSTEM));
  // Disputes decided each way, and a withdrawal while a counter-notice waits.
  for (const [i, outcome] of (['reinstate', 'takedown_upheld'] as const).entries()) {
    const e = await notice(`2026-10-26T0${i}:00:00.000Z`, 'c@owner.test', 'lazada-sg');
    await acceptCase(at(`2026-10-26T1${i}:00:00.000Z`, SAM), { caseNumber: e.number });
    const counter = await counterTo(e, `2026-10-27T0${i}:00:00.000Z`);
    await rejectCounterNotice(at(`2026-10-28T0${i}:00:00.000Z`), { caseNumber: e.number, note: 'Counterfeit.' });
    await decideDispute(at(`2026-11-03T0${i}:00:00.000Z`), { caseNumber: counter.number, outcome, note: 'Test purchase.' });
  }
  const f = await notice('2026-11-02T09:00:00.000Z', null);
  await acceptCase(at('2026-11-04T09:00:00.000Z'), { caseNumber: f.number });
  await counterTo(f, '2026-11-04T10:00:00.000Z');
  await withdrawComplaint(at('2026-11-05T10:00:00.000Z'), { caseNumber: f.number });
  // Undecided notices, one received after the last decision.
  await notice('2026-11-09T09:00:00.000Z', 'a@firm.test');
  await notice('2026-11-24T09:00:00.000Z', 'd@else.test', 'taobao');
  return { at, cases: { a, b, c, d, f } };
}

/** The kept figures and the full computation, side by side, for every period the page offers and more. */
async function expectKeptEqualsRecount(db: Db, now: string) {
  const ctx = testCtx(db, { now: () => new Date(now) });
  expect(await computeStats(ctx)).toEqual(await computeStats(ctx, recountFigures));
  for (const weeks of [1, 4, 12, 52, 104]) expect(await computeTrends(ctx, weeks)).toEqual(await computeTrends(ctx, weeks, recountFigures));
}

function keptContract(name: string, location: () => Promise<string>, close: () => void) {
  describe(`kept /stats figures equal the full computation (${name})`, () => {
    const opened: Db[] = [];
    const open = async (upTo?: string) => {
      const db = openDatabase(await location());
      opened.push(db);
      if (upTo) {
        const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(upTo);
        if (error) throw error;
      } else await migrateToLatest(db);
      return db;
    };
    afterAll(async () => {
      for (const db of opened) await db.destroy();
      close();
    });

    it('after decisions, a reopened case, withdrawals and counter-notices', async () => {
      const db = await open();
      const { at, cases } = await deskHistory(db);
      await expectKeptEqualsRecount(db, '2026-11-25T12:00:00.000Z');
      const s = await computeStats(testCtx(db, { now: () => new Date('2026-11-25T12:00:00.000Z') }));
      // Not vacuous: the history shows in the figures.
      expect(s.decided).toBe(7);
      expect(s.complainants.find((g) => g.complainant === 'c@owner.test')).toMatchObject({ successes: 2, successfulCounterNotices: 1 });
      expect(s.complainants.find((g) => g.complainant === 'b@vendor.test')).toMatchObject({ decided: 2, successes: 2, successfulCounterNotices: 1 });
      const t = await computeTrends(testCtx(db, { now: () => new Date('2026-11-25T12:00:00.000Z') }), 12);
      expect(t.weeks.find((w) => w.week === '2026-10-05')).toMatchObject({ received: 2, decided: 2, decidedWithin24h: 1 });
      expect(Object.values(t.weeks.find((w) => w.week === '2026-11-02')!.counterOutcomes)).toEqual([1, 1, 0, 1, 1]);

      // A decided case moves to another platform and complainant, and arrives earlier: its figures follow.
      for (const change of [{ platform: 'alibaba' }, { complainant_email: 'z@moved.test' }, { created_at: '2026-09-30T10:00:00.000Z' }]) {
        const moved = (await findCaseByNumber(db, cases.b.number))!;
        expect(await updateCaseIf(db, moved.id, moved.version, null, change)).toBe(true);
        await expectKeptEqualsRecount(db, '2026-11-25T12:00:00.000Z');
      }
      // A decision later in the same week, and one in the week after "now".
      await rejectCase(at('2026-11-26T09:00:00.000Z'), { caseNumber: (await seedCase(at('2026-11-25T09:00:00.000Z'))).number, reason: 'missing_information' });
      await acceptCase(at('2026-12-01T09:00:00.000Z', SAM), { caseNumber: (await seedCase(at('2026-11-30T09:00:00.000Z'))).number });
      await expectKeptEqualsRecount(db, '2026-11-27T12:00:00.000Z');
      await expectKeptEqualsRecount(db, '2026-12-02T12:00:00.000Z');
    });

    it('after changes no verb makes: events removed or rewritten, a case that stops being a notice, a case removed', async () => {
      const db = await open();
      const { cases } = await deskHistory(db);
      const now = '2026-11-25T12:00:00.000Z';
      // The first decision of the reopened case removed: the later accept becomes its first.
      await sql`delete from case_events where case_id = ${cases.c.id} and type = 'rejected'`.execute(db);
      await expectKeptEqualsRecount(db, now);
      // The reinstatement rewritten as a withdrawal, two weeks later.
      await sql`update case_events set type = 'withdrawn', at = '2026-11-16T00:00:00.000Z' where case_id = ${cases.d.id} and type = 'reinstated'`.execute(db);
      await expectKeptEqualsRecount(db, now);
      await sql`update cases set kind = 'counter_notice' where id = ${cases.f.id}`.execute(db);
      await expectKeptEqualsRecount(db, now);
      await sql`update cases set kind = 'notice' where id = ${cases.f.id}`.execute(db);
      await expectKeptEqualsRecount(db, now);
      await sql`delete from cases where id = ${cases.a.id}`.execute(db);
      await expectKeptEqualsRecount(db, now);
    });

    it('filled from the cases and events a desk already holds when the store is upgraded', async () => {
      const db = await open(BEFORE_KEPT);
      await deskHistory(db);
      await migrateToLatest(db);
      await expectKeptEqualsRecount(db, '2026-11-25T12:00:00.000Z');
      expect((await computeStats(testCtx(db, { now: () => new Date('2026-11-25T12:00:00.000Z') }))).decided).toBe(7);
    });
  });
}

keptContract('SQLite', async () => tempSqlitePath(), () => undefined);

let pg: ThrowawayPostgres | null = null;
let databases = 0;
keptContract(
  'PostgreSQL',
  async () => {
    pg ??= startPostgres(await freePort());
    // A database per test, so each starts from an empty store.
    const name = `kept_${++databases}`;
    const admin = openDatabase(pg.url);
    await sql.raw(`create database ${name}`).execute(admin);
    await admin.destroy();
    return pg.url.replace(/\/[^/]*$/, `/${name}`);
  },
  () => pg?.stop(),
);
