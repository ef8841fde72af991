import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailIntake } from '../../../src/intake/start-email.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb } from '../../support/store.js';
import { fixture, intakeCtx, OUR_ADDRESS, waitUntil } from './harness.js';

const dataDir = join('data', 'tmp', `drop-${randomUUID()}`);
let db: Db;
let intake: { stop(): Promise<void> };
const processedFiles = () => (existsSync(join(dataDir, 'inbox', 'processed')) ? readdirSync(join(dataDir, 'inbox', 'processed')) : []);

beforeAll(async () => {
  db = await openTestDb();
  mkdirSync(join(dataDir, 'inbox'), { recursive: true });
  // Already waiting before the start, like mail that arrived while the desk was down.
  writeFileSync(join(dataDir, 'inbox', 'a-waiting.eml'), fixture('multipart-alternative.eml'));
  intake = startEmailIntake({ db, ctx: await intakeCtx(db), config: { imapUrls: [], smtpUrl: null, from: OUR_ADDRESS, dataDir, pollMs: 500 }, log: () => undefined });
});
afterAll(async () => {
  await intake?.stop();
  await db?.destroy();
});

describe('drop folder intake with the outbox folder', () => {
  it('takes in .eml files, moves them to processed/ and writes replies to outbox/', async () => {
    const tmp = join(dataDir, 'inbox', '.b-dropped.eml.part');
    writeFileSync(tmp, fixture('forwarded-inline.eml'));
    renameSync(tmp, join(dataDir, 'inbox', 'b-dropped.eml'));
    await waitUntil(async () => (processedFiles().length === 2 ? true : null), 'both files processed');
    expect(readdirSync(join(dataDir, 'inbox')).filter((f) => f.endsWith('.eml'))).toEqual([]);
    const files = await waitUntil(async () => (existsSync(join(dataDir, 'outbox')) && readdirSync(join(dataDir, 'outbox')).length === 2 ? readdirSync(join(dataDir, 'outbox')) : null), 'two replies in outbox/');
    const replies = files.map((f) => readFileSync(join(dataDir, 'outbox', f), 'utf8'));
    expect(replies.some((r) => /^To: legal@northwind-games\.example\r$/m.test(r))).toBe(true);
    expect(replies.some((r) => /^To: berit@holm-design\.example\r$/m.test(r))).toBe(true);
    const rows = await db.selectFrom('raw_messages').select(['origin', 'state']).orderBy('id').execute();
    expect(rows).toEqual([
      { origin: 'drop-folder:a-waiting.eml', state: 'processed' },
      { origin: 'drop-folder:b-dropped.eml', state: 'processed' },
    ]);
  });

  it('recognises the same file dropped again', async () => {
    writeFileSync(join(dataDir, 'inbox', 'c-again.eml'), fixture('multipart-alternative.eml'));
    await waitUntil(async () => (processedFiles().includes('c-again.eml') ? true : null), 'file processed');
    expect(await db.selectFrom('raw_messages').select('id').execute()).toHaveLength(2);
    expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(2);
  });
});
