import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLIDAY_FILES, PLATFORM_FILES } from '../../../console/worker-data.js';
import { hashPassword } from '../../../src/domain/users/password.js';
import { freePort } from '../../support/ports.js';
import { makeReportForm } from '../../support/report-form.js';

/*
 * The Workers deployment, run for real: the migration list compiled to SQL and
 * applied with `wrangler d1 migrations apply --local`, then `wrangler dev
 * --local` (workerd from the npm package, no network, no account).
 */
const ROOT = join(import.meta.dirname, '../../..');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
const REVIEWER = 'rita@noticedesk.localhost';
const PASSWORD = 'correct horse battery staple';

function env(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', WRANGLER_LOG_PATH: join(dir, 'logs'), NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** Runs a command to the end; rejects with its output when it fails. */
function run(args: string[], dir: string, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: env(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`wrangler dev was not ready within 60 s:\n${log()}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

describe('the console on Workers (wrangler dev --local)', () => {
  let dir: string;
  let base: string;
  let dev: ChildProcess;
  let log = '';
  let caseNumber = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(ROOT, 'data/tmp/wrangler-'));
    await run(['--import', 'tsx', 'console/write-d1-migrations.ts'], dir);
    await run([WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', join(dir, 'state')], dir);
    const hash = await hashPassword(PASSWORD);
    const insertUser = `insert into users (email, name, password_hash, role, created_at) values ('${REVIEWER}', 'Rita Reviewer', '${hash}', 'reviewer', '${new Date().toISOString()}')`;
    await run([WRANGLER, 'd1', 'execute', 'DB', '--local', '--persist-to', join(dir, 'state'), '--command', insertUser], dir);
    const [port, inspector] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    const args = ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', join(dir, 'state'), '--show-interactive-dev-session=false'];
    // Its own process group: wrangler starts workerd as a child, and both must stop.
    dev = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: env(dir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    await waitForHealth(base, dev, () => log);
  });

  afterAll(async () => {
    if (dev) await stopGroup(dev);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the health check', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('renders the public form without a login', async () => {
    const res = await fetch(`${base}/report`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/report?lang=en"');
    expect(html).toContain('Listing URLs, one per line');
  });

  it('sends the console to the login page', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('takes a form submission with an upload through the pipeline on D1 and R2', async () => {
    const body = makeReportForm({ listingUrls: 'https://www.aliexpress.com/item/1005001.html' });
    const posted = await fetch(`${base}/report`, { method: 'POST', headers: { origin: base }, body, redirect: 'manual' });
    expect(posted.status).toBe(303);
    const cookie = posted.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const res = await fetch(new URL(posted.headers.get('location')!, base), { headers: { cookie } });
    expect(res.status).toBe(200);
    caseNumber = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())?.[1] ?? '';
    expect(caseNumber).not.toBe('');
  });

  it('lets a reviewer log in (scrypt in workerd) and find the case in the queue', async () => {
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: REVIEWER, password: PASSWORD, next: '/' }),
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const queue = await fetch(`${base}/?status=all&q=${caseNumber}`, { headers: { cookie } });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(caseNumber);
  });
});

describe('the Worker bundle', () => {
  it('builds with wrangler deploy --dry-run and reaches no Node-only module', async () => {
    const dir = mkdtempSync(join(ROOT, 'data/tmp/worker-build-'));
    try {
      const out = join(ROOT, 'data/tmp/worker-dist');
      rmSync(out, { recursive: true, force: true });
      await run([WRANGLER, 'deploy', '--dry-run', '--outdir', out], dir);
      const bundle = readFileSync(join(out, 'worker.js'), 'utf8');
      expect(bundle.length).toBeGreaterThan(0);
      for (const nodeOnly of ['better-sqlite3', 'from "node:fs', 'from "pg"', 'pdfjs-dist']) expect(bundle, nodeOnly).not.toContain(nodeOnly);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('bundles every platform profile and holiday calendar in data/', () => {
    const json = (folder: string) => readdirSync(join(ROOT, 'data', folder)).filter((f) => f.endsWith('.json')).sort();
    expect(Object.keys(PLATFORM_FILES).sort()).toEqual(json('platforms'));
    expect(Object.keys(HOLIDAY_FILES).sort()).toEqual(existsSync(join(ROOT, 'data/holidays')) ? json('holidays') : []);
  });
});
