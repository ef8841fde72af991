// Queue page latency under concurrent load: 100,000 cases in SQLite, served by
// `noticedesk start` in its own process (better-sqlite3 blocks its event loop,
// so a load client in the same process would stall with it), and 1, 8 and 32
// clients on 127.0.0.1 asking for queue pages. Every run is bounded.
// Usage: npm run bench:console [-- --cases 100000 --requests 700 --clients 1,8,32]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../src/domain/users/password.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openDatabase } from '../src/store/open.js';
import { upsertUser } from '../src/store/repos/users.js';
import { freePort } from '../test/support/ports.js';
import { SERVED_BY } from '../console/page-pool.js';
import { seedCases } from './seed-cases.js';

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const CASES = Number(option('cases')) || 100_000;
/** Requests per concurrency level (one client gets a fifth of it); capped so a run always ends. */
const REQUESTS = Math.min(Number(option('requests')) || 700, 3000);
const LEVELS = (option('clients') ?? '1,8,32').split(',').map(Number).filter((n) => n >= 1 && n <= 64);
const dir = `data/tmp/bench-console-${process.pid}`;
/** Page worker threads of the server under test: the product's default (none) unless NOTICEDESK_PAGE_WORKERS is set to compare. */
const PAGE_WORKERS = process.env.NOTICEDESK_PAGE_WORKERS ?? '0';
const file = join(dir, 'noticedesk.sqlite');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}


/** `noticedesk start` on the bench database: the same server a desk runs. */
async function startServer(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NOTICEDESK_PAGE_WORKERS: PAGE_WORKERS, NOTICEDESK_DB: file, NOTICEDESK_DATA_DIR: dir, NOTICEDESK_HOST: '127.0.0.1', NOTICEDESK_PORT: String(port) };
  for (const name of Object.keys(env)) if (/^(NOTICEDESK_(IMAP|SMTP)_URL|SLACK_)/.test(name)) delete env[name];
  const child = spawn(process.execPath, ['bin/noticedesk.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`noticedesk start exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`noticedesk start was not ready within 60 s:\n${output}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const PAGES = ['/', '/?page=40', '/?status=all', '/?status=deficient&platform=taobao', '/?sla=breached&iprType=copyright', '/?q=Brand%2042', '/?findings=yes&page=3'];

/** `clients` loops share one counter, so exactly `requests` requests are made. */
async function load(url: string, cookie: string, clients: number, requests: number, pages: readonly string[] = PAGES) {
  const times: Record<string, number[]> = {};
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < requests) {
        const path = pages[issued++ % pages.length]!;
        const t = performance.now();
        const res = await fetch(url + path, { headers: { cookie } });
        await res.text();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        (times[path] ??= []).push(performance.now() - t);
      }
    }),
  );
  return { times, seconds: (performance.now() - started) / 1000 };
}

const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;

/** User and system CPU of a process so far (Linux /proc), in ms; null where it cannot be read. */
function serverCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;
const since = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);

async function main() {
  rmSync(dir, { recursive: true, force: true });
  const db = openDatabase(file);
  await migrateToLatest(db);
  await seedCases(db, CASES);
  await upsertUser(db, { email: 'bench@desk.test', name: 'Bench', passwordHash: await hashPassword('bench-password'), role: 'reviewer', at: new Date().toISOString() });
  await db.destroy();

  const port = await freePort();
  const server = await startServer(port);
  try {
    const url = `http://127.0.0.1:${port}`;
    const login = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { origin: url }, body: new URLSearchParams({ email: 'bench@desk.test', password: 'bench-password' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (login.status !== 303 || !cookie) throw new Error(`login failed: ${login.status}`);
    // Page workers start beside the server (slower on a busy machine): wait until one answers, at most a minute.
    const workers = Number(PAGE_WORKERS);
    for (const deadline = Date.now() + 60_000; workers > 0 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      const res = await fetch(`${url}/`, { headers: { cookie } });
      await res.text();
      if (res.headers.get(SERVED_BY)) break;
    }
    await load(url, cookie, 1, PAGES.length * 4); // warm-up: statement cache and page cache
    console.log(`queue pages, ${CASES} cases, server: noticedesk start in its own process, NOTICEDESK_PAGE_WORKERS=${PAGE_WORKERS}`);
    const table: string[][] = [];
    // CPU the server process spent per request (all its threads): on a machine shared with other work, steadier than req/s.
    const serverCpu = () => serverCpuMs(server.pid!);
    const row = (what: string, clients: number, count: number, seconds: number, sorted: number[], cpuMs: number | null) =>
      table.push([what, String(clients), (count / seconds).toFixed(1), ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), cpuMs === null ? '–' : ms(cpuMs / count)]);
    for (const clients of LEVELS) {
      const requests = clients === 1 ? Math.max(PAGES.length, Math.round(REQUESTS / 5)) : REQUESTS;
      // The floor: the health check (one indexed read) under the same load, same server, same run.
      let cpu = serverCpu();
      const floor = await load(url, cookie, clients, requests, ['/healthz']);
      const floorTimes = floor.times['/healthz']!.sort((a, b) => a - b);
      row('GET /healthz (floor)', clients, floorTimes.length, floor.seconds, floorTimes, since(cpu, serverCpu()));
      cpu = serverCpu();
      const { times, seconds } = await load(url, cookie, clients, requests);
      const all = Object.values(times).flat().sort((a, b) => a - b);
      row('queue pages (all seven)', clients, all.length, seconds, all, since(cpu, serverCpu()));
      console.log(`\n${clients} client(s): ${all.length} queue requests in ${seconds.toFixed(1)} s`);
      for (const path of PAGES) {
        const sorted = (times[path] ?? []).sort((a, b) => a - b);
        if (sorted.length) console.log(`  ${path.padEnd(38)} p50 ${ms(percentile(sorted, 50))}  p99 ${ms(percentile(sorted, 99))}`);
      }
    }
    // /stats: the default 12 weeks, and 52 weeks, which take in every seeded case (they start on 1 January 2026).
    for (const path of ['/stats', '/stats?weeks=52']) {
      const cpu = serverCpu();
      const stats = await load(url, cookie, 1, 30, [path]);
      row(`GET ${path}`, 1, 30, stats.seconds, stats.times[path]!.sort((a, b) => a - b), since(cpu, serverCpu()));
    }
    console.log(`\n${CASES} cases`);
    console.log(['what', 'clients', 'req/s', 'p50', 'p99', 'server CPU/req'].map((h, i) => (i ? h.padStart(i === 5 ? 16 : 11) : h.padEnd(26))).join(''));
    for (const r of table) console.log(r.map((v, i) => (i ? v.padStart(i === 5 ? 16 : 11) : v.padEnd(26))).join(''));
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
