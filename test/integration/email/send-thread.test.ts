import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailIntake } from '../../../src/intake/start-email.js';
import { insertCase } from '../../../src/store/repos/cases.js';
import { enqueueReply } from '../../../src/store/repos/outbox.js';
import type { Db } from '../../../src/store/open.js';
import { makeComplaint } from '../../support/builders.js';
import { openTestDb, tempSqlitePath } from '../../support/store.js';
import { intakeCtx, OUR_ADDRESS, waitUntil } from './harness.js';

const dataDir = join('data', 'tmp', `send-thread-${randomUUID()}`);
const path = tempSqlitePath();
let db: Db;
let intake: { stop(): Promise<void> };
let seq = 0;

async function queue(to: string): Promise<number> {
  const at = new Date().toISOString();
  const number = `ND-2026-${String(++seq).padStart(6, '0')}`;
  const c = await insertCase(db, {
    number, status: 'in_review', kind: 'notice', platform: null, assignee: null, complainant_email: to, rights_owner: null, parent_case_id: null,
    complaint: JSON.stringify(makeComplaint()), findings: '[]', due_at: null, version: 0, created_at: at, updated_at: at,
  });
  return enqueueReply(db, { caseId: c.id, kind: 'acknowledgement', to, template: 'acknowledgement', vars: { caseNumber: number }, language: 'en', inReplyTo: null, references: [], at });
}

beforeAll(async () => {
  db = await openTestDb(path);
  intake = startEmailIntake({ db, ctx: await intakeCtx(db), config: { imapUrls: [], smtpUrl: null, from: OUR_ADDRESS, dataDir, pollMs: 500, database: path }, log: () => undefined });
});
afterAll(async () => {
  await intake?.stop();
  await db?.destroy();
});

describe('the reply sender on a thread of its own', () => {
  it('sends while the intake\'s thread is busy', async () => {
    const first = await queue('first@acme.example');
    const status = (id: number) => db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    await waitUntil(async () => ((await status(first)).status === 'sent' ? true : null), 'the first reply sent', 60_000);

    const second = await queue('second@acme.example');
    // This thread now blocks: it runs no timer, no callback, no query of its own until the loop ends.
    // Only another thread can send the reply meanwhile; a separate connection reads what it committed.
    const reader = new SQLite(path, { readonly: true });
    const read = reader.prepare('select status from outbox where id = ?');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const until = Date.now() + 20_000;
    let seen = '';
    while (Date.now() < until) {
      seen = (read.get(second) as { status: string }).status;
      if (seen === 'sent') break;
      Atomics.wait(pause, 0, 0, 50);
    }
    reader.close();
    expect(seen).toBe('sent');
    expect(existsSync(join(dataDir, 'outbox')) && readdirSync(join(dataDir, 'outbox'))).toHaveLength(2);
  }, 90_000);
});
