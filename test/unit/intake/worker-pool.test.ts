import { afterEach, describe, expect, it } from 'vitest';
import { WorkLimitError } from '../../../src/domain/messages/untrusted-work.js';
import { ownBuffer, WorkerPool } from '../../../src/intake/untrusted/pool.js';

const entry = new URL('../../fixtures/threads/pool-worker.mjs', import.meta.url);
let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** A job whose bytes are moved (transferred) to the thread, made afresh each time it is handed over. */
function moved(bytes: Uint8Array) {
  return () => {
    const copy = bytes.slice();
    return { payload: { bytes: copy }, transfer: [copy.buffer] };
  };
}

describe('worker pool', () => {
  it('hands a thread its next job while one runs, and runs them in order', async () => {
    pool = new WorkerPool({ size: 1, entry, depth: 2 });
    const results = await Promise.all([1, 2, 3, 4].map((n) => pool!.run<{ length: number; sum: number }>('sum', moved(new Uint8Array(n).fill(n)), 5_000)));
    expect(results).toEqual([1, 2, 3, 4].map((n) => ({ length: n, sum: n * n })));
  });

  it('gives a job that waited behind one over its time bound to a fresh thread, with its bytes', async () => {
    pool = new WorkerPool({ size: 1, entry, depth: 2 });
    const stuck = pool.run('spin', { bytes: new Uint8Array(0) }, 300, 'spinning');
    const behind = pool.run<{ length: number; sum: number }>('sum', moved(new Uint8Array([5, 6, 7])), 5_000);
    await expect(stuck).rejects.toBeInstanceOf(WorkLimitError);
    await expect(behind).resolves.toEqual({ length: 3, sum: 18 });
  });

  it('starts a job\'s time bound when it starts, not while it waits behind another', async () => {
    pool = new WorkerPool({ size: 1, entry, depth: 2 });
    const stuck = pool.run('spin', { bytes: new Uint8Array(0) }, 400, 'spinning');
    // Bound shorter than the wait behind the stuck job: it still gets its full bound once it runs.
    const behind = pool.run<{ length: number; sum: number }>('sum', moved(new Uint8Array([1])), 250);
    await expect(stuck).rejects.toBeInstanceOf(WorkLimitError);
    await expect(behind).resolves.toEqual({ length: 1, sum: 1 });
  });
});

describe('ownBuffer', () => {
  it('copies a Buffer that is a view into a larger one, so the bytes handed over are its own', () => {
    const view = Buffer.from('headers before the attachment|%PDF-1.4 attachment').subarray(30);
    const { bytes, transfer } = ownBuffer(view);
    expect(bytes.byteOffset).toBe(0);
    expect(Buffer.from(transfer).toString()).toBe('%PDF-1.4 attachment');
  });
});

describe('threaded reading', () => {
  it('leaves the caller its bytes, so a read that must be tried again reads the same message', async () => {
    const { createThreadedWork } = await import('../../../src/intake/untrusted/threaded-work.js');
    const work = createThreadedWork({ platforms: [], threads: 1 });
    try {
      // A buffer of its own, as the store hands back: the kind that can be moved to a thread.
      const raw = new Uint8Array(Buffer.from('From: Jane <jane@acme.example>\r\nSubject: Notice\r\n\r\nInfringing copy at https://shop.example/item/1\r\n'));
      const message = { channel: 'email' as const, raw, receivedAt: new Date().toISOString() };
      const first = await work.read(message, []);
      const again = await work.read(message, []);
      expect(raw.byteLength).toBeGreaterThan(0);
      expect(again.content.read.subject).toBe('Notice');
      expect(again.content.read.text).toBe(first.content.read.text);
    } finally {
      await work.close();
    }
  });
});
