import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue } from '../../../src/domain/cases/list-queue.js';
import { backfillQueueColumns, insertCase, updateCaseIf } from '../../../src/store/repos/cases.js';
import { countByStatus } from '../../../src/store/repos/case-queue.js';
import type { Db } from '../../../src/store/open.js';
import { makeComplaint } from '../../support/builders.js';
import { openTestDb, tempSqlitePath, testCtx } from '../../support/store.js';
import type { Database } from '../../../src/store/tables.js';
import { freePort } from '../../support/ports.js';
import { startPostgres, type ThrowawayPostgres } from '../../setup/postgres.js';

function queueContract(name: string, open: () => Promise<Db>, close: () => Promise<void> | void) {
  describe(`queue totals and filters on ${name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
      for (let i = 0; i < 25; i++) {
        const at = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
        const row = {
          number: `ND-2026-${String(i + 1).padStart(6, '0')}`,
          status: i % 2 ? 'in_review' : 'deficient',
          kind: 'notice',
          platform: i % 3 ? 'taobao' : 'aliexpress',
          assignee: null,
          complainant_email: `agent${i % 4}@firm.example`,
          rights_owner: i % 5 ? 'Blue Lantern Toys' : 'Red Kite Games',
          // The first cases stand for rows written before the ipr_type column existed.
          ipr_type: i < 3 ? null : i % 2 ? 'trademark' : 'copyright',
          parent_case_id: null,
          complaint: JSON.stringify(makeComplaint({ iprType: i % 2 ? 'trademark' : 'copyright' })),
          findings: i % 4 ? '[]' : '[{"code":"dmca.signature","element":"signature","severity":"missing","message":"No signature.","evidence":null}]',
          due_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        };
        // Rows written before the queue columns existed have no search text: written directly, as they were then.
        if (i < 3) await db.insertInto('cases').values(row).execute();
        else await insertCase(db, row);
      }
      expect(await backfillQueueColumns(db)).toBe(3);
    });
    afterAll(async () => {
      await db.destroy();
      await close();
    });
    const list = (q: Record<string, string>) => listQueue(testCtx(db), { pageSize: '10', ...q });

    it('filters by IPR type through the column, filled in from the complaint for older rows', async () => {
      const page = await listQueue(testCtx(db), { pageSize: '50', status: 'all', iprType: 'trademark' });
      const numbers = page.cases.map((c) => c.number).sort();
      const expected = Array.from({ length: 25 }, (_, i) => i).filter((i) => i % 2).map((i) => `ND-2026-${String(i + 1).padStart(6, '0')}`);
      expect(numbers).toEqual(expected);
      expect(numbers).toContain('ND-2026-000002');
    });

    it('counts a text search in the same pass as the page, on every page', async () => {
      const first = await list({ status: 'all', q: 'Red Kite' });
      expect(first.total).toBe(5);
      expect(first.cases.map((c) => c.rightsOwner)).toEqual(Array(5).fill('Red Kite Games'));
      const many = await list({ status: 'all', q: 'Blue Lantern', page: '2' });
      expect(many.total).toBe(20);
      expect(many.cases).toHaveLength(10);
      const past = await list({ status: 'all', q: 'Blue Lantern', page: '5' });
      expect(past.cases).toHaveLength(0);
      expect(past.total).toBe(20);
    });

    it('filters by findings and platform through the queue indexes', async () => {
      const withFindings = await list({ status: 'all', findings: 'yes' });
      expect(withFindings.total).toBe(7);
      expect(withFindings.cases.every((c) => c.findings.length > 0)).toBe(true);
      expect((await list({ status: 'all', findings: 'no' })).total).toBe(18);
      expect((await list({ status: 'in_review', platform: 'aliexpress' })).total).toBe(4);
    });

    it('finds part of a word, a URL fragment and a two-letter text', async () => {
      expect((await list({ status: 'all', q: 'antern' })).total).toBe(20);
      expect((await list({ status: 'all', q: 'agent3@firm' })).total).toBe(6);
      expect((await list({ status: 'all', q: 'Ki' })).total).toBe(5);
      expect((await list({ status: 'all', q: 'no such text anywhere' })).total).toBe(0);
    });

    it('lists cases that need action first, then the rest, oldest first within each', async () => {
      const page = await listQueue(testCtx(db), { status: 'all', pageSize: '50' });
      const statuses = page.cases.map((c) => c.status);
      expect(statuses.slice(0, 12).every((s) => s === 'in_review')).toBe(true);
      expect(statuses.slice(12).every((s) => s === 'deficient')).toBe(true);
      const inReview = page.cases.slice(0, 12).map((c) => c.createdAt);
      expect(inReview).toEqual([...inReview].sort());
    });

    it('keeps the status counts exact through inserts, status changes and deletes', async () => {
      const before = await countByStatus(db);
      expect(before).toEqual({ in_review: 12, deficient: 13 });
      const row = await db.selectFrom('cases').select(['id', 'version']).where('number', '=', 'ND-2026-000001').executeTakeFirstOrThrow();
      expect(await updateCaseIf(db, row.id, row.version, ['deficient'], { status: 'accepted' })).toBe(true);
      expect(await countByStatus(db)).toEqual({ in_review: 12, deficient: 12, accepted: 1 });
      expect((await list({})).total).toBe(12);
      await db.deleteFrom('cases').where('id', '=', row.id).execute();
      expect(await countByStatus(db)).toEqual({ in_review: 12, deficient: 12 });
      expect((await list({ status: 'all' })).total).toBe(24);
    });

    it('keeps the unassigned count exact through assignment, status changes and deletes', async () => {
      const counted = async () => {
        const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('queue_rank', '=', 0).where('assignee', 'is', null).executeTakeFirstOrThrow();
        return Number(row.n);
      };
      const unassigned = async () => (await list({})).unassigned;
      expect(await unassigned()).toBe(await counted());
      const before = await unassigned();
      const [first, second] = await db.selectFrom('cases').select(['id', 'version']).where('status', '=', 'in_review').orderBy('id').limit(2).execute();
      expect(await updateCaseIf(db, first!.id, first!.version, ['in_review'], { assignee: 'ana@desk.test' })).toBe(true);
      expect(await unassigned()).toBe(before - 1);
      expect((await listQueue({ ...testCtx(db), actor: { type: 'user', id: 'ana@desk.test', name: 'Ana' } }, {})).mine).toBe(1);
      // A held case that leaves the queue, and one nobody holds that leaves it: only the second changes the count.
      expect(await updateCaseIf(db, first!.id, first!.version + 1, ['in_review'], { status: 'accepted' })).toBe(true);
      expect(await unassigned()).toBe(before - 1);
      expect(await updateCaseIf(db, second!.id, second!.version, ['in_review'], { status: 'accepted' })).toBe(true);
      expect(await unassigned()).toBe(before - 2);
      // Back into the queue, unassigned again; then deleted.
      expect(await updateCaseIf(db, first!.id, first!.version + 2, ['accepted'], { status: 'in_review', assignee: null })).toBe(true);
      expect(await unassigned()).toBe(before - 1);
      expect(await unassigned()).toBe(await counted());
      await db.deleteFrom('cases').where('id', '=', first!.id).execute();
      expect(await unassigned()).toBe(before - 2);
      expect(await unassigned()).toBe(await counted());
    });

    it("shows each row's subject and listing count as its complaint holds them", async () => {
      const listings = ['https://www.taobao.com/item/1.html', 'https://www.taobao.com/item/2.html'].map((url) => ({ url, platform: 'taobao', kind: 'listing', valid: true, problem: null, evidence: null }));
      const at = new Date(Date.UTC(2026, 1, 1)).toISOString();
      await insertCase(db, {
        number: 'ND-2026-000900', status: 'accepted', kind: 'notice', platform: 'taobao', assignee: null, complainant_email: 'agent@firm.example', rights_owner: 'Green Owl Books', ipr_type: 'copyright', parent_case_id: null,
        complaint: JSON.stringify(makeComplaint({ subject: 'Two listings, one "quoted" subject', listings } as never)), findings: '[]', due_at: null, version: 1, created_at: at, updated_at: at,
      });
      const page = await listQueue(testCtx(db), { status: 'all', pageSize: '50' });
      const rows = await db.selectFrom('cases').select(['number', 'complaint']).execute();
      const complaints = new Map(rows.map((r) => [r.number, JSON.parse(r.complaint) as { subject: string | null; listings: unknown[] }]));
      expect(page.cases.length).toBe(rows.length);
      for (const c of page.cases) {
        expect(c.subject).toBe(complaints.get(c.number)!.subject);
        expect(c.listingCount).toBe(complaints.get(c.number)!.listings.length);
      }
      expect(page.cases.find((c) => c.number === 'ND-2026-000900')).toMatchObject({ subject: 'Two listings, one "quoted" subject', listingCount: 2 });
    });
  });
}

queueContract('SQLite', () => openTestDb(), () => undefined);

let pg: ThrowawayPostgres | null = null;
queueContract(
  'PostgreSQL',
  async () => {
    pg = startPostgres(await freePort());
    return openTestDb(pg.url);
  },
  () => pg?.stop(),
);

describe('queue statements on SQLite', () => {
  let path: string;
  let db: Kysely<Database>;
  const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  beforeAll(async () => {
    path = tempSqlitePath();
    await (await openTestDb(path)).destroy();
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path) }), log: (event) => void statements.push(event.query) });
    for (let i = 0; i < 12; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
      await insertCase(db, {
        number: `ND-2026-${String(i + 1).padStart(6, '0')}`, status: 'in_review', kind: 'notice', platform: 'taobao', assignee: null,
        complainant_email: 'agent@firm.example', rights_owner: i % 3 ? 'Blue Lantern Toys' : 'Red Kite Games', ipr_type: 'trademark', parent_case_id: null,
        complaint: JSON.stringify(makeComplaint()), findings: i % 4 ? '[]' : '[{"code":"dmca.signature","element":"signature","severity":"missing","message":"No signature.","evidence":null}]',
        due_at: null, version: 1, created_at: at, updated_at: at,
      });
    }
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('reads the trigram index once for the page and its total of a text search', async () => {
    statements.length = 0;
    const page = await listQueue(testCtx(db), { q: 'Lantern', pageSize: '10' });
    expect(page.total).toBe(8);
    expect(page.cases.map((c) => c.rightsOwner)).toEqual(Array(8).fill('Blue Lantern Toys'));
    expect(statements.filter((s) => s.sql.includes('cases_search'))).toHaveLength(1);
  });

  it('reads the unassigned count from the kept counts, not by counting the open cases', async () => {
    statements.length = 0;
    const page = await listQueue(testCtx(db), {});
    expect(page.unassigned).toBe(12);
    const counting = statements.filter((s) => /count\(\*\)/.test(s.sql) && /"assignee" is null/.test(s.sql));
    expect(counting).toEqual([]);
    expect(statements.some((s) => s.sql.includes('case_unassigned_counts'))).toBe(true);
  });

  it("reads a text search's matches first and looks them up by id, rather than every open case", async () => {
    statements.length = 0;
    const page = await listQueue(testCtx(db), { q: 'Red Kite', pageSize: '10' });
    expect(page.total).toBe(4);
    const reader = new SQLite(path, { readonly: true });
    const plans = statements
      .filter((s) => s.sql.includes('cases_search'))
      .map((s) => (reader.prepare(`explain query plan ${s.sql}`).all(...(s.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail).join(' | '));
    reader.close();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/SEARCH cases USING INTEGER PRIMARY KEY/);
    expect(plans[0]).not.toMatch(/cases_queue_order/);
  });

  it('counts the cases with findings through a findings index, not by reading every case', async () => {
    statements.length = 0;
    const page = await listQueue(testCtx(db), { findings: 'yes', pageSize: '10' });
    expect(page.total).toBe(3);
    const reader = new SQLite(path, { readonly: true });
    const plans = statements
      .filter((s) => s.sql.includes(`"findings" != '[]'`))
      .map((s) => ({ sql: s.sql, detail: (reader.prepare(`explain query plan ${s.sql}`).all(...(s.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail).join(' | ') }));
    reader.close();
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans.filter((p) => /count\(\*\)/.test(p.sql))) expect(plan.detail).toMatch(/cases_with_findings/);
    expect(plans.some((p) => /count\(\*\)/.test(p.sql))).toBe(true);
  });

  it('reads a filtered page in the order of an index and stops after its rows, without sorting every match', async () => {
    const filters: Array<Record<string, string>> = [
      { findings: 'yes' },
      { status: 'deficient' },
      { status: 'deficient', platform: 'taobao' },
      { platform: 'taobao' },
      { kind: 'notice' },
      { iprType: 'trademark' },
      { assignee: 'ana@desk.test' },
      { status: 'all', platform: 'taobao' },
      { sort: 'sla' },
    ];
    const reader = new SQLite(path, { readonly: true });
    for (const filter of filters) {
      statements.length = 0;
      await listQueue(testCtx(db), { ...filter, pageSize: '10' });
      const page = statements.find((s) => /^select "id" from "cases"/.test(s.sql) && /order by/.test(s.sql));
      expect(page, JSON.stringify(filter)).toBeDefined();
      const plan = (reader.prepare(`explain query plan ${page!.sql}`).all(...(page!.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
      expect(plan, `${JSON.stringify(filter)}: ${plan}`).not.toMatch(/TEMP B-TREE/);
    }
    reader.close();
  });
});
