import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/domain/context.js';
import { prepareMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { createThreadedWork, type ThreadedWork } from '../../../src/intake/untrusted/threaded-work.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { PlatformProfile } from '../../../src/rules/platform-profile.js';
import type { Db } from '../../../src/store/open.js';
import { openTestDb, testCtx } from '../../support/store.js';

// The reading threads parse a message in the same job that reads it whenever nothing in it needs the PDF
// thread first; what the desk makes of the message is the same either way.

let db: Db;
let work: ThreadedWork;
let platforms: PlatformProfile[];
const jobs: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  platforms = await loadPlatforms(join('data', 'platforms'));
  work = createThreadedWork({ platforms, threads: 1 });
  const run = work.pool.run.bind(work.pool);
  work.pool.run = (kind, payload, timeoutMs, label) => {
    jobs.push(kind);
    return run(kind, payload, timeoutMs, label);
  };
});
afterAll(async () => {
  await work.close();
  await db.destroy();
});

async function prepared(fixture: string, threaded: boolean) {
  const ctx: Ctx = threaded ? { ...testCtx(db, { platforms }), work } : testCtx(db, { platforms });
  const raw = readFileSync(join('test', 'fixtures', 'mail', fixture));
  // Different bytes each time, so each is a message of its own.
  const { message } = await receiveMessage(ctx, { channel: 'email', raw: Buffer.concat([raw, Buffer.from(`\r\n${threaded}\r\n`)]), origin: null });
  jobs.length = 0;
  const result = await prepareMessage(ctx, message);
  if (result.kind !== 'complaint') throw new Error(`expected a complaint, got ${result.kind}`);
  return { complaint: result.complaint, jobs: [...jobs] };
}

describe('reading and parsing on one thread', () => {
  it('reads and parses a message without attachments in one job, to the same complaint as step by step', async () => {
    const threaded = await prepared('multipart-alternative.eml', true);
    const inline = await prepared('multipart-alternative.eml', false);
    expect(threaded.jobs).toEqual(['read-parse']);
    expect(threaded.complaint).toEqual(inline.complaint);
  });

  it('parses a message with a PDF only once its text is read', async () => {
    const threaded = await prepared('pdf-certificate.eml', true);
    const inline = await prepared('pdf-certificate.eml', false);
    expect(threaded.jobs).toEqual(['read-parse', 'parse']);
    expect(threaded.complaint).toEqual(inline.complaint);
  });
});
