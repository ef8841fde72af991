import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase } from '../../../src/domain/cases/change-case.js';
import { openCase } from '../../../src/domain/cases/open-case.js';
import { ConflictError } from '../../../src/domain/errors.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import type { Ctx } from '../../../src/domain/context.js';
import { findCaseById, listCaseEvents } from '../../../src/store/repos/cases.js';
import { releaseLease, tryAcquireLease } from '../../../src/store/repos/leases.js';
import type { Db } from '../../../src/store/open.js';
import { makeComplaint } from '../../support/builders.js';
import { openTestDb, testCtx } from '../../support/store.js';
import { startPostgres, type ThrowawayPostgres } from '../../setup/postgres.js';

async function openSampleCase(ctx: Ctx, text: string) {
  const { message } = await receiveMessage(ctx, { channel: 'form', raw: new TextEncoder().encode(text), origin: 'test' });
  return ctx.db.transaction().execute((trx) => openCase(trx, ctx, { complaint: makeComplaint(), findings: [], messageId: message.id }));
}

function storeContract(name: string, open: () => Promise<Db>, close: () => Promise<void> | void) {
  describe(`case store on ${name}`, () => {
    let db: Db;
    let ctx: Ctx;
    beforeAll(async () => {
      db = await open();
      ctx = testCtx(db, { now: () => new Date('2026-03-04T10:00:00Z') });
    });
    afterAll(async () => {
      await db.destroy();
      await close();
    });

    it('issues unique human-friendly case numbers in order', async () => {
      const first = await openSampleCase(ctx, 'numbers one');
      const second = await openSampleCase(ctx, 'numbers two');
      expect(first.number).toMatch(/^ND-2026-\d{6}$/);
      expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    });

    it('applies a change and records it in the same step', async () => {
      const opened = await openSampleCase(ctx, 'change applies');
      const changed = await db.transaction().execute((trx) =>
        changeCase(trx, ctx, opened, { to: 'in_review', from: ['received'], event: { type: 'checked' } }),
      );
      expect(changed.status).toBe('in_review');
      expect(changed.version).toBe(opened.version + 1);
      const events = await listCaseEvents(db, opened.id);
      expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
        ['received', null, 'received'],
        ['checked', 'received', 'in_review'],
      ]);
    });

    it('reports a change that lost the race as a conflict and writes no event', async () => {
      const opened = await openSampleCase(ctx, 'race');
      const staleCopy = opened;
      await db.transaction().execute((trx) => changeCase(trx, ctx, opened, { to: 'in_review', event: { type: 'checked' } }));
      const before = await listCaseEvents(db, opened.id);

      const losing = db.transaction().execute((trx) =>
        changeCase(trx, ctx, staleCopy, { to: 'rejected', fields: { assignee: 'late@reviewer.test' }, event: { type: 'rejected' } }),
      );
      await expect(losing).rejects.toBeInstanceOf(ConflictError);

      const after = await findCaseById(db, opened.id);
      expect(after?.status).toBe('in_review');
      expect(after?.assignee).toBeNull();
      expect(await listCaseEvents(db, opened.id)).toEqual(before);
    });

    it('refuses a change from a status the case is no longer in', async () => {
      const opened = await openSampleCase(ctx, 'wrong status');
      const attempt = db.transaction().execute((trx) => changeCase(trx, ctx, opened, { to: 'accepted', from: ['in_review'], event: { type: 'accepted' } }));
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      expect((await listCaseEvents(db, opened.id)).map((e) => e.type)).toEqual(['received']);
    });

    it('gives a lease to one holder at a time until it expires', async () => {
      const t0 = new Date('2026-03-04T10:00:00Z');
      const later = (ms: number) => new Date(t0.getTime() + ms);
      expect(await tryAcquireLease(db, 'poster', 'instance-a', t0, 60_000)).toBe(true);
      expect(await tryAcquireLease(db, 'poster', 'instance-b', later(1_000), 60_000)).toBe(false);
      expect(await tryAcquireLease(db, 'poster', 'instance-a', later(30_000), 60_000)).toBe(true);
      expect(await tryAcquireLease(db, 'poster', 'instance-b', later(70_000), 60_000)).toBe(false);
      expect(await tryAcquireLease(db, 'poster', 'instance-b', later(91_000), 60_000)).toBe(true);
      await releaseLease(db, 'poster', 'instance-b');
      expect(await tryAcquireLease(db, 'poster', 'instance-a', later(92_000), 60_000)).toBe(true);
    });

    it('stores a message once: the same bytes again are a duplicate; other bytes under the same Message-ID are a new message', async () => {
      const raw = new TextEncoder().encode('Message-ID: <dup-1@example.test>\r\nSubject: x\r\n\r\nbody\r\n');
      const first = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
      const again = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
      const sameId = await receiveMessage(ctx, { channel: 'email', raw: new TextEncoder().encode('Message-ID: <dup-1@example.test>\r\nReceived: later\r\n\r\nbody\r\n'), origin: 'test' });
      expect(first.duplicate).toBe(false);
      expect(first.message.messageId).toBe('<dup-1@example.test>');
      expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
      expect(sameId.duplicate).toBe(false);
      expect(sameId.message.id).not.toBe(first.message.id);
      expect(Buffer.from(again.message.raw).equals(Buffer.from(raw))).toBe(true);
    });
  });
}

storeContract('SQLite', () => openTestDb(), () => undefined);

let pg: ThrowawayPostgres | null = null;
storeContract(
  'PostgreSQL',
  async () => {
    pg = startPostgres(55432 + (process.pid % 500));
    return openTestDb(pg.url);
  },
  () => pg?.stop(),
);
