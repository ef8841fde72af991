import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue } from '../../../src/domain/cases/list-queue.js';
import { openDatabase, type Db } from '../../../src/store/open.js';
import { keptRead } from '../../../src/store/read-cache.js';
import { insertCase, updateCaseIf } from '../../../src/store/repos/cases.js';
import { deleteSession, findSession, insertSession } from '../../../src/store/repos/sessions.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { makeComplaint } from '../../support/builders.js';
import { freePort } from '../../support/ports.js';
import { openTestDb, tempSqlitePath, testCtx } from '../../support/store.js';
import { startPostgres, type ThrowawayPostgres } from '../../setup/postgres.js';

const T0 = Date.UTC(2026, 2, 2, 9);
const at = (hours: number) => new Date(T0 + hours * 3600_000);
const ANA = { type: 'user' as const, id: 'ana@desk.test', name: 'Ana' };

/**
 * Two connections on one database: on SQLite, the main thread's and a page
 * worker's; on PostgreSQL, two instances. `reader` serves the pages (and
 * keeps what it read); `writer` changes cases as intake and decisions do.
 */
function readCacheContract(name: string, open: () => Promise<{ reader: Db; writer: Db; close(): Promise<void> }>) {
  describe(`pages kept until the next write, on ${name}`, () => {
    let reader: Db;
    let writer: Db;
    let close: () => Promise<void>;
    const ids: number[] = [];
    beforeAll(async () => {
      ({ reader, writer, close } = await open());
      for (let i = 0; i < 3; i++) {
        const created = at(-48 + i).toISOString();
        const c = await insertCase(writer, {
          number: `ND-2026-${String(900 + i).padStart(6, '0')}`, status: 'in_review', kind: 'notice', platform: 'taobao', assignee: null,
          complainant_email: 'agent@firm.example', rights_owner: 'Blue Lantern Toys', ipr_type: 'trademark', parent_case_id: null,
          complaint: JSON.stringify(makeComplaint()), findings: '[]', due_at: null, version: 1, created_at: created, updated_at: created,
          sla_due_at: at(2 + i).toISOString(),
        });
        ids.push(c.id);
      }
    });
    afterAll(() => close());
    const page = (q: Record<string, string> = {}, now = at(0), actor = ANA) => listQueue({ ...testCtx(reader, { now: () => now }), actor }, q);
    const versionOf = async (id: number) => Number((await writer.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);

    it('keeps a read until a write commits on either connection, then reads again', async () => {
      let reads = 0;
      const read = () => keptRead(reader, 'test:reads', T0, async () => ++reads);
      expect(await read()).toBe(1);
      expect(await read()).toBe(1);
      await writer.updateTable('cases').set({ updated_at: at(0).toISOString() }).where('id', '=', ids[0]!).execute();
      expect(await read()).toBe(2);
      expect(await read()).toBe(2);
      await reader.updateTable('cases').set({ updated_at: at(1).toISOString() }).where('id', '=', ids[0]!).execute();
      expect(await read()).toBe(3);
    });

    it('keeps a clock-bound read only until the instant it names', async () => {
      let reads = 0;
      const read = (now: number) => keptRead(reader, 'test:clock', now, async () => ++reads, () => T0 + 1000);
      expect(await read(T0)).toBe(1);
      expect(await read(T0 + 999)).toBe(1);
      expect(await read(T0 + 1000)).toBe(2);
    });

    it('shows a case changed by the other connection on the next page, with counts to match', async () => {
      const before = await page({ status: 'all' });
      expect(before.total).toBe(3);
      expect((await page()).total).toBe(3);
      expect(await updateCaseIf(writer, ids[0]!, await versionOf(ids[0]!), ['in_review'], { status: 'accepted' })).toBe(true);
      const open = await page();
      expect(open.total).toBe(2);
      expect(open.cases.map((c) => c.id)).not.toContain(ids[0]);
      expect(open.counts).toMatchObject({ in_review: 2, accepted: 1 });
      const all = await page({ status: 'all' });
      expect(all.cases.find((c) => c.id === ids[0])?.status).toBe('accepted');
    });

    it("shows the reader's own change, and a reviewer's Mine and Unassigned, right after it", async () => {
      expect((await page()).mine).toBe(0);
      const unassigned = (await page()).unassigned;
      expect(await updateCaseIf(reader, ids[1]!, await versionOf(ids[1]!), ['in_review'], { assignee: ANA.id })).toBe(true);
      const mine = await page({ assignee: 'me' });
      expect(mine.mine).toBe(1);
      expect(mine.unassigned).toBe(unassigned - 1);
      expect(mine.cases.map((c) => c.id)).toEqual([ids[1]]);
      // Another reviewer's Mine is theirs, not Ana's.
      expect((await page({}, at(0), { type: 'user', id: 'sam@desk.test', name: 'Sam' })).mine).toBe(0);
    });

    it('shows nothing of a change rolled back', async () => {
      const before = await page({ status: 'all' });
      await expect(
        reader.transaction().execute(async (trx) => {
          await trx.updateTable('cases').set({ status: 'rejected' }).where('id', '=', ids[2]!).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const after = await page({ status: 'all' });
      expect(after.cases.map((c) => [c.id, c.status])).toEqual(before.cases.map((c) => [c.id, c.status]));
      expect(after.counts).toEqual(before.counts);
    });

    it('refuses a kept session once it expires, once it is ended, and once its account is disabled', async () => {
      const user = await upsertUser(writer, { email: 'kept@desk.test', name: 'Kept', passwordHash: 'x', role: 'reviewer', at: at(0).toISOString() });
      await insertSession(writer, { idHash: 'kept-session', userId: user.id, csrfToken: 'csrf-kept', expiresAt: at(12).toISOString(), at: at(0).toISOString() });
      expect((await findSession(reader, 'kept-session', at(1).toISOString()))?.csrfToken).toBe('csrf-kept');
      expect((await findSession(reader, 'kept-session', at(11.9).toISOString()))?.user.email).toBe('kept@desk.test');
      expect(await findSession(reader, 'kept-session', at(12).toISOString())).toBeNull();
      expect(await findSession(reader, 'kept-session', at(1).toISOString())).not.toBeNull();
      await writer.updateTable('users').set({ disabled_at: at(2).toISOString() }).where('id', '=', user.id).execute();
      expect(await findSession(reader, 'kept-session', at(2).toISOString())).toBeNull();
      await writer.updateTable('users').set({ disabled_at: null }).where('id', '=', user.id).execute();
      expect(await findSession(reader, 'kept-session', at(2).toISOString())).not.toBeNull();
      await deleteSession(writer, 'kept-session');
      expect(await findSession(reader, 'kept-session', at(2).toISOString())).toBeNull();
    });

    it('moves a case to Past SLA, and out of "today", as the clock passes, with nothing written', async () => {
      // Deadlines at +2 h (decided above), +3 h and +4 h; created 48, 47 and 46 hours before.
      expect((await page({}, at(2.5))).slaBreached).toBe(0);
      expect((await page({ sla: 'breached' }, at(2.5))).total).toBe(0);
      expect((await page({}, at(3.5))).slaBreached).toBe(1);
      expect((await page({ sla: 'breached' }, at(3.5))).cases.map((c) => c.id)).toEqual([ids[1]]);
      expect((await page({ sla: 'breached' }, at(4.5))).total).toBe(2);
      expect((await page({}, at(4.5))).slaBreached).toBe(2);
      expect((await page({ status: 'all', age: 'over_24h' }, at(0))).total).toBe(3);
      expect((await page({ status: 'all', age: 'today' }, at(-30))).total).toBe(3);
      expect((await page({ status: 'all', age: 'today' }, at(-23.5))).total).toBe(2);
      expect((await page({ status: 'all', age: 'today' }, at(-22.5))).total).toBe(1);
      expect((await page({ status: 'all', age: 'over_24h' }, at(-23.5))).total).toBe(1);
    });
  });
}

readCacheContract('SQLite', async () => {
  const path = tempSqlitePath();
  const writer = await openTestDb(path);
  const reader = openDatabase(path);
  return { reader, writer, close: async () => { await reader.destroy(); await writer.destroy(); } };
});

let pg: ThrowawayPostgres | null = null;
readCacheContract('PostgreSQL', async () => {
  pg = startPostgres(await freePort());
  const writer = await openTestDb(pg.url);
  const reader = openDatabase(pg.url);
  return { reader, writer, close: async () => { await reader.destroy(); await writer.destroy(); pg?.stop(); } };
});
