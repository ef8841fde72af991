import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVED_BY } from '../../../console/page-pool.js';
import { DEMO_LOGIN } from '../../../src/cli/demo.js';
import { startNoticedesk, type StartedDesk } from '../../support/noticedesk-process.js';

const dir = mkdtempSync(join(resolve('data/tmp'), 'pages-'));
const env = { ...process.env, NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'), NOTICEDESK_DATA_DIR: dir, NOTICEDESK_PORT: '0', NOTICEDESK_PAGE_WORKERS: '2' };
const running = new Set<ChildProcess>();
let desk: StartedDesk | null = null;

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts the demo desk and resolves with its URL once the demo reviewer exists (the start says so). */
async function start(): Promise<string> {
  desk = await startNoticedesk({ env, args: ['--demo'], running });
  await until(async () => desk!.output(), (output) => /demo reviewer login/.test(output));
  return desk.url;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

describe('queue and stats pages in page workers', () => {
  it('serves the queue from a worker thread that sees a case opened a moment ago by the main thread', async () => {
    const url = await start();
    const login = await fetch(new URL('/login', url), { method: 'POST', redirect: 'manual', headers: { origin: new URL(url).origin }, body: new URLSearchParams(DEMO_LOGIN) });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = (path: string) => fetch(new URL(path, url), { headers: { cookie } }).then(async (res) => ({ res, html: await res.text() }));

    const fromWorker = await until(() => page('/?status=all'), ({ res }) => res.headers.get(SERVED_BY) !== null);
    expect(fromWorker.res.status).toBe(200);
    expect(fromWorker.res.headers.get(SERVED_BY)).toMatch(/^\d+$/);
    expect(fromWorker.html).toContain('Review queue');
    // A page a worker renders carries the same session: the reviewer's name, not the login form.
    expect(fromWorker.html).not.toContain('name="password"');

    // A new notice dropped in the inbox folder is taken in on the main thread; the workers' next page shows it.
    const before = new Set(fromWorker.html.match(/ND-\d{4}-\d{6}/g) ?? []);
    mkdirSync(join(dir, 'inbox'), { recursive: true });
    const demo = readFileSync(resolve('data/demo/01-dmca-complete.eml'), 'utf8').replace(/^Message-ID: .*$/im, 'Message-ID: <page-workers-fresh@northwind-games.example>');
    writeFileSync(join(dir, 'inbox', 'fresh.eml.part'), demo);
    copyFileSync(join(dir, 'inbox', 'fresh.eml.part'), join(dir, 'inbox', 'fresh.eml'));
    const after = await until(() => page('/?status=all'), ({ html }) => (html.match(/ND-\d{4}-\d{6}/g) ?? []).some((n) => !before.has(n)));
    expect(after.res.headers.get(SERVED_BY)).not.toBeNull();
    expect((after.html.match(/ND-\d{4}-\d{6}/g) ?? []).some((n) => !before.has(n))).toBe(true);

    const stats = await page('/stats');
    expect(stats.res.status).toBe(200);
    expect(stats.res.headers.get(SERVED_BY)).not.toBeNull();
    expect(stats.html).toContain('Decided notices');

    // Anything that writes stays on the main thread.
    const logout = await fetch(new URL('/logout', url), { method: 'POST', redirect: 'manual', headers: { cookie, origin: new URL(url).origin } });
    expect(logout.headers.get(SERVED_BY)).toBeNull();

    const exited = new Promise((r) => desk!.child.once('exit', r));
    desk!.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
