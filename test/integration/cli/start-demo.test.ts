import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTICEDESK_BIN as BIN, startNoticedesk, type StartedDesk } from '../../support/noticedesk-process.js';

const dir = mkdtempSync(join(resolve('data/tmp'), 'demo-'));
const env = { ...process.env, NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'), NOTICEDESK_DATA_DIR: dir, NOTICEDESK_PORT: '0' };
const running = new Set<ChildProcess>();

/** Starts `noticedesk start --demo` and resolves with the console URL it prints. */
function startDemo(): Promise<StartedDesk> {
  return startNoticedesk({ env, args: ['--demo'], running });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => {
    child.once('exit', (code) => resolvePromise(code));
    child.kill('SIGTERM');
  });
}

function listCases(): Array<Record<string, unknown>> {
  const out = execFileSync(process.execPath, [BIN, 'cases', '--json'], { env, encoding: 'utf8' });
  return out.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function waitFor<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = read();
  }
  return value;
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start with the demo', () => {
  it('takes in the demo notices, serves the console, stops on SIGTERM and restarts without duplicates', async () => {
    const first = await startDemo();
    const health = await fetch(new URL('/healthz', first.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // The login is printed once the demo account exists, after the console is already answering.
    expect(await waitFor(first.output, (o) => /demo reviewer login/.test(o), 90_000)).toMatch(/demo reviewer login: \S+@\S+ \/ \S+/);
    // Without SMTP configured, replies are written to the outbox folder.
    const outbox = join(dir, 'outbox');
    const listOutbox = () => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []);
    // Then wait until the worker has drained its queue: no reply is left queued or being sent.
    const unsent = () => {
      const db = new Database(env.NOTICEDESK_DB, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare("select count(*) as n from outbox where status in ('queued', 'sending')").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    await waitFor(() => ({ files: listOutbox().length, unsent: unsent() }), (s) => s.files >= 8 && s.unsent === 0, 60_000);
    const replies = listOutbox();
    const acknowledgement = replies.map((f) => readFileSync(join(outbox, f), 'utf8')).find((mail) => /legal@northwind-games\.example/.test(mail));
    expect(acknowledgement).toMatch(/^Auto-Submitted: auto-replied/im);
    expect(acknowledgement).toMatch(/^Subject: .*\[ND-\d{4}-\d{6}\]/im);
    expect(acknowledgement).toMatch(/^In-Reply-To: <demo-01@northwind-games\.example>/im);
    // Its status link points at the console that is running (port 0 was asked for) and opens the case.
    const ackText = (await simpleParser(acknowledgement ?? '')).text ?? '';
    const statusLink = new RegExp(`${first.url.replace(/\/$/, '')}/status/[\\w-]+\\.[\\w-]+`).exec(ackText)?.[0];
    expect(statusLink).toBeDefined();
    const statusPage = await fetch(statusLink!);
    expect(statusPage.status).toBe(200);
    expect(await statusPage.text()).toMatch(/Case ND-\d{4}-\d{6}/);
    expect(existsSync(join(dir, 'link-secret'))).toBe(true);
    expect(await stop(first.child)).toBe(0);

    const cases = listCases();
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) {
      expect(c).toEqual(expect.objectContaining({ number: expect.stringMatching(/^ND-\d{4}-\d{6}$/), status: expect.any(String), kind: expect.any(String), listing_count: expect.any(Number), findings: expect.any(Array) }));
    }
    // The out-of-office reply is kept as a message but opens no case.
    expect(cases.some((c) => String(c.complainant_email).includes('northwind') && c.kind === 'auto_reply')).toBe(false);

    const second = await startDemo();
    // The demo is taken in after the console is up.
    expect(await waitFor(second.output, (output) => /demo notices:/.test(output))).toMatch(/demo notices: 0 new/);
    expect(await stop(second.child)).toBe(0);
    // No reply was sent twice across the restart.
    expect(listOutbox()).toHaveLength(replies.length);
    expect(listCases().map((c) => c.number)).toEqual(cases.map((c) => c.number));
  }, 240_000);
});
