import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startHarness, waitUntil, type Harness } from './harness.js';

const COUNT = 60;
let h: Harness;
let child: ChildProcess | null = null;

function spawnIntake(): ChildProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/integration/email/run-intake.ts', h.dbPath, h.dovecot.url(), h.smtp.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d: Buffer) => h.logs.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => h.logs.push(d.toString()));
  return proc;
}

const exited = (proc: ChildProcess) => new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));
const countProcessed = async () => Number((await h.db.selectFrom('raw_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'processed').executeTakeFirstOrThrow()).n);

/** Complete and deficient notices from distinct senders, so the per-sender limit never applies. */
function notice(i: number): string {
  const base = i % 3 === 0 ? readFileSync('data/demo/02-dmca-missing-signature.eml', 'utf8') : fixture('multipart-alternative.eml').toString('utf8');
  return base
    .replace(/Message-ID: <[^>]+>/i, `Message-ID: <crash-${i}@crash.example>`)
    .replace(/^From: .*$/m, `From: Sender ${i} <sender-${i}@crash.example>`);
}

beforeAll(async () => {
  h = await startHarness(1145, 2527);
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await h?.close();
});

describe('killing the intake mid-batch', () => {
  it('loses nothing and sends no reply twice', async () => {
    for (let i = 0; i < COUNT; i++) await h.append(notice(i));
    child = spawnIntake();
    await waitUntil(async () => (await countProcessed()) >= 8 || null, 'the first messages processed', 60_000);
    child.kill('SIGKILL');
    await exited(child);
    const atKill = await countProcessed();
    expect(atKill).toBeLessThan(COUNT);

    child = spawnIntake();
    await waitUntil(async () => (await countProcessed()) === COUNT || null, 'every message processed after restart', 60_000);
    await waitUntil(
      async () => (await h.db.selectFrom('outbox').select('id').where('status', 'in', ['queued', 'sending']).execute()).length === 0 || null,
      'the reply queue drained',
      30_000,
    );
    child.kill('SIGTERM');
    await exited(child);

    const messages = await h.db.selectFrom('raw_messages').select(['message_id', 'state', 'case_id']).execute();
    expect(messages).toHaveLength(COUNT);
    expect(new Set(messages.map((m) => m.case_id)).size).toBe(COUNT);
    expect(await h.db.selectFrom('cases').select('id').execute()).toHaveLength(COUNT);

    const outbox = await h.db.selectFrom('outbox').selectAll().execute();
    expect(outbox).toHaveLength(COUNT);
    expect(new Set(outbox.map((r) => r.case_id)).size).toBe(COUNT);
    const received = h.smtp.messages.map((m) => m.parsed.messageId);
    expect(new Set(received).size).toBe(received.length);
    expect(new Set(h.smtp.messages.map((m) => m.envelopeTo.join())).size).toBe(received.length);
    for (const row of outbox) {
      if (row.status === 'sent') expect(received).toContain(row.message_id);
      else expect(row).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/interrupted while sending/) });
    }
    // At most the one reply in flight at the kill can be unaccounted for at SMTP.
    expect(outbox.filter((r) => r.status !== 'sent').length).toBeLessThanOrEqual(1);
  }, 120_000);
});
