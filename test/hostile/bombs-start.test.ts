import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bigAttachment, deepMime, manyParts, pdfBomb, withAttachment, zipBomb } from './bombs.js';
import { startNoticedesk } from '../support/noticedesk-process.js';

// `noticedesk start` fed resource bombs through its drop folder: the console keeps answering
// /healthz within 2 s, every input is settled within 30 s, the process stays under 400 MB, and a
// SIGKILL with bombs pending is followed by a start that answers /healthz within 10 s.

const dir = mkdtempSync(join(resolve('data/tmp'), 'bombs-'));
const inbox = join(dir, 'inbox');
const env = { ...process.env, NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'), NOTICEDESK_DATA_DIR: dir, NOTICEDESK_PORT: '0', NOTICEDESK_MAX_ATTACHMENT_BYTES: String(64 * 1024 * 1024), NOTICEDESK_PAGE_WORKERS: process.env.HOSTILE_PAGE_WORKERS ?? '0' };
const running = new Set<ChildProcess>();

async function start(): Promise<{ child: ChildProcess; url: string; startedAt: number }> {
  const startedAt = Date.now();
  const { child, url } = await startNoticedesk({ env, running });
  return { child, url, startedAt };
}

/** Asks /healthz every 250 ms; keeps the slowest answer and every miss. */
function probe(url: string) {
  let stopped = false;
  let slowestMs = 0;
  const misses: string[] = [];
  const loop = (async () => {
    while (!stopped) {
      const asked = Date.now();
      try {
        const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2_000) });
        if (response.status !== 200) misses.push(`status ${response.status}`);
        await response.arrayBuffer();
      } catch (error) {
        misses.push((error as Error).message);
        if (process.env.HOSTILE_VERBOSE) console.log('miss at', new Date(asked).toISOString());
      }
      slowestMs = Math.max(slowestMs, Date.now() - asked);
      await sleep(250);
    }
  })();
  return {
    peek: () => ({ slowestMs, misses: misses.length }),
    async stop() {
      stopped = true;
      await loop;
      return { slowestMs, misses };
    },
  };
}

function drop(name: string, raw: Buffer): void {
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, `.${name}.tmp`), raw);
  renameSync(join(inbox, `.${name}.tmp`), join(inbox, `${name}.eml`));
}

function messageStates(): Map<string, string> {
  const db = new Database(env.NOTICEDESK_DB, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select origin, state from raw_messages').all() as Array<{ origin: string; state: string }>;
    return new Map(rows.map((r) => [r.origin.replace(/^drop-folder:/, '').replace(/\.eml$/, ''), r.state]));
  } finally {
    db.close();
  }
}

/** Waits until every named input is stored and settled; returns when each was first seen settled. */
async function settled(names: string[], timeoutMs: number): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = existsSync(env.NOTICEDESK_DB) ? messageStates() : new Map<string, string>();
    if (names.every((name) => states.has(name) && states.get(name) !== 'stored')) return states;
    if (Date.now() > deadline) throw new Error(`not settled in time: ${names.filter((n) => states.get(n) === undefined || states.get(n) === 'stored').join(', ')}`);
    await sleep(200);
  }
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

describe('noticedesk start under resource bombs', () => {
  it('answers /healthz within 2 s, settles each bomb within 30 s, stays under 400 MB, and comes back within 10 s after SIGKILL', async () => {
    // Built before the probe starts: generating them keeps this test process busy for seconds.
    const inputs: Array<[string, Buffer]> = [
      ['pdf-bomb', withAttachment('pdf-bomb', { name: 'evidence.pdf', type: 'application/pdf', bytes: pdfBomb(60) })],
      ['zip-bomb', withAttachment('zip-bomb', { name: 'evidence.zip', type: 'application/zip', bytes: zipBomb(200) })],
      ['attachment-60mb', bigAttachment('attachment-60mb', 60)],
      ['mime-depth-120', deepMime('mime-depth-120', 120)],
      ['parts-10000', manyParts('parts-10000', 10_000)],
    ];
    const pending = ['pdf-bomb-2', 'pdf-bomb-3', 'pdf-bomb-4'];
    const pendingRaw = pending.map((name) => withAttachment(name, { name: `${name}.pdf`, type: 'application/pdf', bytes: pdfBomb(60) }));
    const first = await start();
    const health = probe(first.url);
    for (const [name, raw] of inputs) {
      const dropped = Date.now();
      if (process.env.HOSTILE_VERBOSE) console.log('drop', name, new Date(dropped).toISOString());
      drop(name, raw);
      await settled([name], 30_000);
      if (process.env.HOSTILE_VERBOSE) console.log(name, Date.now() - dropped, 'ms', JSON.stringify(health.peek()), peakRssMb(first.child.pid!));
      expect(Date.now() - dropped, name).toBeLessThan(30_000);
    }
    const states = messageStates();
    // The 60 MB attachment makes a message over the 50 MB intake limit: its head is kept, marked failed.
    expect(Object.fromEntries(inputs.map(([name]) => [name, states.get(name)]))).toEqual({
      'pdf-bomb': 'processed',
      'zip-bomb': 'processed',
      'attachment-60mb': 'failed',
      'mime-depth-120': expect.stringMatching(/^(processed|failed)$/),
      'parts-10000': expect.stringMatching(/^(processed|failed)$/),
    });
    const rss = peakRssMb(first.child.pid!);
    const seen = await health.stop();
    expect(seen.misses).toEqual([]);
    expect(seen.slowestMs).toBeLessThan(2_000);
    expect(rss).toBeLessThan(400);

    // Bombs pending when the process is killed: the next start must answer at once and finish them.
    pending.forEach((name, i) => drop(name, pendingRaw[i]!));
    await sleep(1_500);
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;
    const second = await start();
    const answered = await fetch(new URL('/healthz', second.url), { signal: AbortSignal.timeout(2_000) });
    expect(answered.status).toBe(200);
    expect(Date.now() - second.startedAt).toBeLessThan(10_000);
    const again = probe(second.url);
    const after = await settled(pending, 90_000);
    expect(pending.map((name) => after.get(name))).toEqual(['processed', 'processed', 'processed']);
    const seenAfter = await again.stop();
    expect(seenAfter.misses).toEqual([]);
    expect(seenAfter.slowestMs).toBeLessThan(2_000);
    // Each file leaves the drop folder just after its message is settled.
    for (let tries = 0; tries < 50 && readdirSync(inbox).some((f) => f.endsWith('.eml')); tries++) await sleep(100);
    expect(readdirSync(inbox).filter((f) => f.endsWith('.eml'))).toEqual([]);
    second.child.kill('SIGTERM');
  }, 240_000);
});
