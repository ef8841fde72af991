import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue } from '../../../src/domain/cases/list-queue.js';
import { insertCase } from '../../../src/store/repos/cases.js';
import type { Db } from '../../../src/store/open.js';
import { makeComplaint } from '../../support/builders.js';
import { openTestDb, testCtx } from '../../support/store.js';

describe('queue totals and filters on SQLite', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
      await insertCase(db, {
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
      });
    }
  });
  afterAll(() => db.destroy());
  const list = (q: Record<string, string>) => listQueue(testCtx(db), { pageSize: '10', ...q });

  it('filters by IPR type through the column, and through the complaint for older rows', async () => {
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
});
