import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/domain/context.js';
import { commitPreparedBatch, prepareMessage, type ProcessOutcome } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { createIntakePipeline, type TakeInResult } from '../../../src/intake/take-in.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { PlatformProfile } from '../../../src/rules/platform-profile.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { findMessageById, settleMessage } from '../../../src/store/repos/messages.js';
import type { Database } from '../../../src/store/tables.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { openTestDb, tempSqlitePath, testCtx } from '../../support/store.js';

let platforms: PlatformProfile[];
let path: string;
let db: Kysely<Database>;
/** Statements run through `db`, as Kysely logs them (`begin`, `commit`, ...). */
const statements: string[] = [];

const notice = (tag: string, options: { subject?: string; headers?: Record<string, string> } = {}) =>
  makeEmail({
    from: `Sam ${tag} <sam-${tag}@orbit-labs.example>`,
    subject: options.subject ?? `Copied engine ${tag}`,
    messageId: `<${tag}@orbit-labs.example>`,
    headers: options.headers,
    body: makeDmcaBody({ urls: [`https://github.com/copy-${tag}/engine`] }),
  });

async function stored(ctx: Ctx, raw: Uint8Array) {
  return (await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' })).message;
}

const commits = () => statements.filter((s) => s === 'commit').length;

beforeAll(async () => {
  platforms = await loadPlatforms(join('data', 'platforms'));
  path = tempSqlitePath();
  await (await openTestDb(path)).destroy();
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(path) }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
});
afterAll(async () => {
  await db.destroy();
});

describe('writing prepared messages in batches', () => {
  it('writes several messages in one transaction, in the order given', async () => {
    const ctx = testCtx(db, { platforms });
    const messages = [];
    for (const tag of ['batch-a', 'batch-b', 'batch-c']) messages.push(await stored(ctx, notice(tag)));
    const entries = await Promise.all(messages.map(async (m) => ({ ctx, prepared: await prepareMessage(ctx, m) })));
    const before = commits();
    const outcomes = await commitPreparedBatch(entries);
    expect(commits() - before).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['processed', 'processed', 'processed']);
    const numbers = outcomes.map((o) => (o as Extract<ProcessOutcome, { status: 'processed' }>).case.number);
    expect([...numbers].sort()).toEqual(numbers);
    for (const m of messages) expect((await findMessageById(db, m.id))?.state).toBe('processed');
  });

  it('lets a later message of the batch join the case an earlier one opened', async () => {
    const ctx = testCtx(db, { platforms });
    const first = await stored(ctx, notice('join-first'));
    const answer = await stored(ctx, notice('join-answer', { subject: 'Re: Copied engine', headers: { 'In-Reply-To': '<join-first@orbit-labs.example>' } }));
    const entries = [
      { ctx, prepared: await prepareMessage(ctx, first) },
      { ctx, prepared: await prepareMessage(ctx, answer) },
    ];
    const [opened, joined] = await commitPreparedBatch(entries);
    expect(opened).toMatchObject({ status: 'processed', joined: false });
    expect(joined).toMatchObject({ status: 'processed', joined: true });
    expect((joined as Extract<ProcessOutcome, { status: 'processed' }>).case.id).toBe((opened as Extract<ProcessOutcome, { status: 'processed' }>).case.id);
  });

  it('keeps a failure to its own message: the others of the batch are written', async () => {
    const ctx = testCtx(db, { platforms });
    const messages = [];
    for (const tag of ['fail-a', 'fail-b', 'fail-c']) messages.push(await stored(ctx, notice(tag)));
    const entries = await Promise.all(messages.map(async (m) => ({ ctx, prepared: await prepareMessage(ctx, m) })));
    // Another process settles the middle one first: its write in the batch finds it settled.
    await settleMessage(db, messages[1]!.id, 'ignored', { caseId: null, error: 'settled elsewhere' });
    const outcomes = await commitPreparedBatch(entries);
    expect(outcomes.map((o) => o.status)).toEqual(['processed', 'already_processed', 'processed']);
    expect((await findMessageById(db, messages[1]!.id))?.state).toBe('ignored');
    const cases = await db.selectFrom('case_messages').select('case_id').where('message_id', 'in', messages.map((m) => m.id)).execute();
    expect(cases).toHaveLength(2);
    for (const o of outcomes) if (o.status === 'processed') expect(await findCaseById(db, o.case.id)).not.toBeNull();
  });

  it('the intake pipeline writes a backlog with fewer commits than messages, and reports each only once written', async () => {
    const ctx = testCtx(db, { platforms });
    // Each message stored on its own (no commit statement): the commits counted are the case writes'.
    const pipeline = createIntakePipeline(() => ctx, { window: 8, maxBatch: 8, storeBatch: 1 });
    const results: TakeInResult[] = [];
    // Another connection sees only what is committed.
    const reader = new SQLite(path, { readonly: true });
    const stateSeen = reader.prepare('select state from raw_messages where id = ?');
    const seenAtReport: string[] = [];
    const before = commits();
    for (let i = 0; i < 20; i++) {
      await pipeline.push(notice(`backlog-${i}`), `test:${i}`, (result) => {
        results.push(result);
        seenAtReport.push((stateSeen.get(result.messageId) as { state: string }).state);
      });
    }
    await pipeline.drain();
    const used = commits() - before;
    expect(results.map((r) => r.outcome.status)).toEqual(Array(20).fill('processed'));
    reader.close();
    // Reported in the order pushed, and each is committed by the time it is reported.
    expect([...results.map((r) => r.messageId)].sort((a, b) => a - b)).toEqual(results.map((r) => r.messageId));
    expect(seenAtReport).toEqual(Array(20).fill('processed'));
    expect(used).toBeGreaterThan(0);
    // A full window of 8 writes at least its older 4 at once: no more than 5 commits for 20.
    expect(used).toBeLessThanOrEqual(5);
  });

  it('the intake pipeline stores messages that stream in several to a transaction, not one commit each', async () => {
    const ctx = testCtx(db, { platforms });
    const pipeline = createIntakePipeline(() => ctx, { window: 32, maxBatch: 32, storeBatch: 8 });
    const from = statements.length;
    for (let i = 0; i < 20; i++) await pipeline.push(notice(`stored-${i}`), `test:stored-${i}`, () => undefined);
    await pipeline.drain();
    let inTransaction = false;
    let storedAlone = 0;
    let storedInTransaction = 0;
    for (const sql of statements.slice(from)) {
      if (/^begin/.test(sql)) inTransaction = true;
      else if (sql === 'commit' || sql === 'rollback') inTransaction = false;
      else if (/^insert into "raw_messages"/.test(sql)) inTransaction ? storedInTransaction++ : storedAlone++;
    }
    expect(storedInTransaction).toBe(20);
    expect(storedAlone).toBe(0);
    const states = await db.selectFrom('raw_messages').select('state').where('origin', 'like', 'test:stored-%').execute();
    expect(states.map((r) => r.state)).toEqual(Array(20).fill('processed'));
  });
});
