import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { processMessage } from '../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../src/domain/messages/receive-message.js';
import { createThreadedWork, type ThreadedWork } from '../../src/intake/untrusted/threaded-work.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { findMessageById } from '../../src/store/repos/messages.js';
import type { Db } from '../../src/store/open.js';
import { openTestDb, testCtx } from '../support/store.js';
import { makeDmcaBody, makeEmail } from '../support/mail.js';
import { bigAttachment, deepMime, manyParts, pdfBomb, withAttachment, zipBomb } from './bombs.js';

// Resource bombs through the pipeline on the real worker threads and real SQLite: each one is
// settled within 30 s, its bytes are kept, and the main thread's timers keep ticking throughout
// (so the console, the IMAP connection and the reply worker would keep answering).

let db: Db;
let work: ThreadedWork;
let ctx: Ctx;

beforeAll(async () => {
  db = await openTestDb();
  const platforms = await loadPlatforms(join('data', 'platforms'));
  work = createThreadedWork({ platforms, readMs: 10_000, pdfMs: 6_000, parseMs: 10_000 });
  ctx = { ...testCtx(db, { platforms }), limits: { maxAttachmentBytes: 64 * 1024 * 1024 }, work };
});
afterAll(async () => {
  await work.close();
  await db.destroy();
});

/** The longest the main thread went without running a 50 ms timer while `run` was in hand. */
async function longestStall<T>(run: () => Promise<T>): Promise<{ value: T; stallMs: number; elapsedMs: number }> {
  let last = Date.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 50);
  const started = Date.now();
  try {
    const value = await run();
    stallMs = Math.max(stallMs, Date.now() - last);
    return { value, stallMs, elapsedMs: Date.now() - started };
  } finally {
    clearInterval(timer);
  }
}

async function takeIn(raw: Uint8Array, origin: string) {
  const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin });
  const run = await longestStall(() => processMessage(ctx, message.id));
  const stored = await findMessageById(db, message.id);
  return { ...run, stored: stored!, raw };
}

const attachmentsOf = (messageId: number) => db.selectFrom('attachments').selectAll().where('message_id', '=', messageId).execute();

describe('resource bombs on the work threads', () => {
  it('keeps a PDF bomb, records its text as not read, and files the notice', async () => {
    const result = await takeIn(withAttachment('pdf-bomb', { name: 'evidence.pdf', type: 'application/pdf', bytes: pdfBomb(60) }), 'hostile:pdf-bomb');
    expect(result.value).toMatchObject({ status: 'processed', problems: [expect.stringMatching(/evidence\.pdf: text not read: too large or too slow/)] });
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(result.stallMs).toBeLessThan(2_000);
    const [pdf] = await attachmentsOf(result.stored.id);
    expect(pdf).toMatchObject({ filename: 'evidence.pdf', stored: 1, text: null, problem: expect.stringMatching(/^text not read: too large or too slow/) });
  });

  it('stores a zip bomb unopened and files the notice', async () => {
    const result = await takeIn(withAttachment('zip-bomb', { name: 'evidence.zip', type: 'application/zip', bytes: zipBomb(200) }), 'hostile:zip-bomb');
    expect(result.value.status).toBe('processed');
    expect(result.stallMs).toBeLessThan(2_000);
    expect(await attachmentsOf(result.stored.id)).toEqual([expect.objectContaining({ filename: 'evidence.zip', stored: 1 })]);
  });

  it('reads a notice with a 40 MB attachment off the main thread', async () => {
    const result = await takeIn(bigAttachment('big-40', 40), 'hostile:big-40');
    expect(result.value.status).toBe('processed');
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(result.stallMs).toBeLessThan(2_000);
    expect(await attachmentsOf(result.stored.id)).toEqual([expect.objectContaining({ size: 40 * 1024 * 1024, stored: 1 })]);
  });

  it('settles MIME nested 120 deep and a message of 10,000 parts', async () => {
    for (const [tag, raw] of [['deep-120', deepMime('deep-120', 120)], ['parts-10000', manyParts('parts-10000', 10_000)]] as const) {
      const result = await takeIn(raw, `hostile:${tag}`);
      expect(['processed', 'failed']).toContain(result.value.status);
      expect(result.stored.state).not.toBe('stored');
      expect(Buffer.from(result.stored.raw).equals(raw)).toBe(true);
      expect(result.elapsedMs).toBeLessThan(30_000);
      expect(result.stallMs).toBeLessThan(2_000);
    }
  });

  it('sets aside a message whose parsing goes over its bound twice, with the reason', async () => {
    const strict = createThreadedWork({ platforms: ctx.platforms, parseMs: 1 });
    try {
      const raw = makeEmail({ from: 'Sam <sam@orbit-labs.example>', subject: 'Notice', messageId: '<bound@orbit-labs.example>', body: makeDmcaBody() });
      const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'hostile:bound' });
      const outcome = await processMessage({ ...ctx, work: strict }, message.id);
      expect(outcome).toEqual({ status: 'failed', error: 'set aside: parsing the notice did not finish within 0.001 s (twice)' });
      expect(await findMessageById(db, message.id)).toMatchObject({ state: 'failed', error: outcome.status === 'failed' ? outcome.error : '' });
    } finally {
      await strict.close();
    }
  });
});
