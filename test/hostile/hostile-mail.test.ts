import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmlFiles } from '../../src/cli/import.js';
import { peekMessageId } from '../../src/domain/messages/receive-message.js';
import { singleAddress } from '../../src/domain/messages/mail-addresses.js';
import type { Db } from '../../src/store/open.js';
import { startDovecot, type Dovecot } from '../setup/dovecot.js';
import { startSmtpReceiver, type SmtpReceiver } from '../setup/smtp-receiver.js';
import { startNoticedesk } from '../support/noticedesk-process.js';
import { freePort } from '../support/ports.js';
import { openTestDb } from '../support/store.js';
import { intakeCtx } from '../integration/email/harness.js';
import { peakRssMb, probeHealth, within } from './desk-watch.js';
import { hostileInputs, INJECTED, OWN, VICTIM, type HostileInput } from './inputs.js';

type Path = 'import' | 'drop' | 'imap';
interface Row { category: string; inputs: number; crashes: number; hangs: number; lost: number; duplicates: number; wrongReplies: number }

const HANG_MS = 30_000;
const RSS_LIMIT_MB = 400;
const inputs = hostileInputs().map((input, i) => ({ ...input, via: (input.path ?? (['import', 'drop', 'imap'] as const)[i % 3]) as Path, sha: createHash('sha256').update(input.raw).digest('hex'), messageId: peekMessageId(input.raw) }));
const crashes = new Map<string, string>();
const hangs = new Set<string>();
const running = new Set<ChildProcess>();
const dir = mkdtempSync(join(resolve('data/tmp'), 'hostile-'));
const dbPath = join(dir, 'noticedesk.sqlite');
let dovecot: Dovecot;
let smtp: SmtpReceiver;
let db: Db;

beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(await freePort()), startSmtpReceiver(await freePort())]);
}, 120_000);
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await db?.destroy();
  await Promise.all([dovecot?.stop(), smtp?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

/** `noticedesk start` as an operator runs it: the drop folder when no mailbox is set, else the Dovecot mailbox. */
async function startDesk(mode: 'drop' | 'imap') {
  const env = {
    ...process.env,
    NOTICEDESK_DB: dbPath,
    NOTICEDESK_DATA_DIR: dir,
    NOTICEDESK_PORT: '0',
    NOTICEDESK_PAGE_WORKERS: '0',
    NOTICEDESK_SMTP_URL: smtp.url,
    NOTICEDESK_FROM: OWN,
    ...(mode === 'imap' ? { NOTICEDESK_IMAP_URL: dovecot.url() } : {}),
  };
  const startedAt = Date.now();
  const desk = await startNoticedesk({ env, running });
  return { ...desk, startedAt, printedMs: Date.now() - startedAt, pid: desk.child.pid! };
}

async function stopDesk(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** `import` in this process, against the desk's database, timed file by file. */
async function runImport(batch: typeof inputs): Promise<void> {
  const importDir = mkdtempSync(join(tmpdir(), 'nd-hostile-import-'));
  const ctx = (await intakeCtx(db))();
  for (const [i, input] of batch.entries()) {
    const file = join(importDir, `${String(i).padStart(4, '0')}.eml`);
    writeFileSync(file, input.raw);
    const started = Date.now();
    try {
      const summary = await importEmlFiles(ctx, [file], { progress: false });
      if (summary.errors.some((e) => /Cannot|TypeError|RangeError|undefined/.test(e))) crashes.set(input.name, summary.errors.join('; '));
    } catch (error) {
      crashes.set(input.name, (error as Error).message);
    }
    if (Date.now() - started > HANG_MS) hangs.add(input.name);
  }
  rmSync(importDir, { recursive: true, force: true });
}

/** Each file is written to the desk's drop folder and must leave it (stored and settled) within 30 s. */
async function runDrop(batch: typeof inputs): Promise<void> {
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  for (const [i, input] of batch.entries()) {
    const name = `${String(i).padStart(4, '0')}`;
    writeFileSync(join(inbox, `.${name}.tmp`), input.raw);
    renameSync(join(inbox, `.${name}.tmp`), join(inbox, `${name}.eml`));
    if (!(await within(HANG_MS, () => !readdirSync(inbox).includes(`${name}.eml`)))) hangs.add(input.name);
  }
}

const imapSettled = async () => {
  const rows = await db.selectFrom('raw_messages').select(['state']).where('origin', 'like', 'imap:%').execute();
  return { stored: rows.length, settled: rows.filter((r) => r.state !== 'stored').length };
};

describe('hostile mail through import, the drop folder and real Dovecot, into a running desk', () => {
  it('keeps every message, records its state, answers only people at one address, stays responsive and small, and comes back after SIGKILL', async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(200);
    const imapBatch = inputs.filter((i) => i.via === 'imap');
    const failures: string[] = [];
    const memory: string[] = [];

    // 1. The desk watches its drop folder; `import` writes to the same database meanwhile.
    const dropDesk = await startDesk('drop');
    db = await openTestDb(dbPath);
    const dropHealth = probeHealth(dropDesk.url);
    await runImport(inputs.filter((i) => i.via === 'import'));
    await runDrop(inputs.filter((i) => i.via === 'drop'));
    const dropRss = peakRssMb(dropDesk.pid);
    memory.push(`drop-folder desk ${Math.round(dropRss)} MB`);
    const dropSeen = await dropHealth.stop();
    await stopDesk(dropDesk.child, 'SIGTERM');

    // 2. The desk reads the Dovecot mailbox and is killed with SIGKILL a third of the way through it.
    const imapDesk = await startDesk('imap');
    const imapHealth = probeHealth(imapDesk.url);
    const appender = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await appender.connect();
    for (const input of imapBatch) await appender.append('INBOX', input.raw);
    await appender.logout();
    await within(120_000, async () => (await imapSettled()).settled >= imapBatch.length / 3);
    const imapRss = peakRssMb(imapDesk.pid);
    memory.push(`mailbox desk ${Math.round(imapRss)} MB`);
    const imapSeen = await imapHealth.stop();
    const atKill = await imapSettled();
    await stopDesk(imapDesk.child, 'SIGKILL');

    // 3. Started again with the rest pending: /healthz within 10 s, then everything is finished.
    const again = await startDesk('imap');
    const first = await fetch(new URL('/healthz', again.url), { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, (e: Error) => e.message);
    const restartMs = Date.now() - again.startedAt;
    const againHealth = probeHealth(again.url);
    if (!(await within(180_000, async () => { const n = await imapSettled(); return n.stored >= imapBatch.length && n.settled === n.stored; }, 500))) {
      for (const input of imapBatch) hangs.add(input.name);
    }
    // Let the send worker deliver whatever was queued.
    await within(60_000, async () => (await db.selectFrom('outbox').select('id').where('status', 'in', ['queued', 'sending']).execute()).length === 0, 500);
    const againRss = peakRssMb(again.pid);
    memory.push(`restarted desk ${Math.round(againRss)} MB`);
    const againSeen = await againHealth.stop();
    await stopDesk(again.child, 'SIGTERM');

    for (const [name, seen] of [['drop-folder desk', dropSeen], ['mailbox desk', imapSeen], ['restarted desk', againSeen]] as const) {
      if (seen.misses.length) failures.push(`${name}: /healthz missed ${seen.misses.length} of ${seen.asked}: ${seen.misses.slice(0, 3).join('; ')}`);
      if (seen.slowestMs >= 2_000) failures.push(`${name}: slowest /healthz ${seen.slowestMs} ms`);
    }
    for (const [name, rss] of [['drop-folder desk', dropRss], ['mailbox desk', imapRss], ['restarted desk', againRss]] as const) {
      if (!(rss < RSS_LIMIT_MB)) failures.push(`${name}: peak RSS ${Math.round(rss)} MB`);
    }
    if (first !== 200 || restartMs >= 10_000) failures.push(`restart after SIGKILL: /healthz ${first} after ${restartMs} ms`);
    console.log(`\nDesk processes: ${memory.join(', ')} (limit ${RSS_LIMIT_MB} MB); /healthz asked ${dropSeen.asked + imapSeen.asked + againSeen.asked} times, slowest ${Math.max(dropSeen.slowestMs, imapSeen.slowestMs, againSeen.slowestMs)} ms; SIGKILL with ${imapBatch.length - atKill.settled} of ${imapBatch.length} mailbox messages unsettled, /healthz ${first} ${restartMs} ms after the restart began (console URL printed after ${again.printedMs} ms)`);

    const messages = await db.selectFrom('raw_messages').select(['id', 'sha256', 'state', 'error', 'case_id', 'origin', 'message_id']).execute();
    const outbox = await db.selectFrom('outbox').select(['case_id', 'to_address']).execute();
    const sent = smtp.messages;
    const table = new Map<string, Row>();
    const problems: string[] = [];
    const automatedCases = new Set<number>();
    for (const input of inputs) {
      const row = table.get(input.category) ?? { category: input.category, inputs: 0, crashes: 0, hangs: 0, lost: 0, duplicates: 0, wrongReplies: 0 };
      table.set(input.category, row);
      row.inputs += 1;
      if (crashes.has(input.name)) row.crashes += 1;
      if (hangs.has(input.name)) row.hangs += 1;
      // Dovecot normalises line ends and NUL bytes, so a message appended there is found by its Message-ID.
      const kept = messages.filter((m) =>
        m.sha256 === input.sha ||
        (input.via === 'imap' && input.messageId !== null && m.origin?.startsWith('imap:') && m.message_id === input.messageId && !inputs.some((o) => o !== input && o.messageId === input.messageId)) ||
        (input.raw.length > 50 * 1024 * 1024 && m.state === 'failed' && /intake limit/.test(m.error ?? '')));
      if (kept.length === 0) {
        row.lost += 1;
        problems.push(`lost: ${input.category} / ${input.name}`);
        continue;
      }
      if (kept.length > 1 && input.raw.length <= 50 * 1024 * 1024) row.duplicates += 1;
      const stored = kept[0]!;
      if (!['processed', 'ignored', 'failed'].includes(stored.state)) problems.push(`unsettled (${stored.state}): ${input.name}`);
      if (stored.state !== 'processed' && !stored.error) problems.push(`no reason recorded for ${stored.state}: ${input.name}`);
      if (input.automated) {
        if (stored.state !== 'ignored') {
          row.wrongReplies += outbox.filter((o) => o.case_id === stored.case_id).length;
          problems.push(`automated mail not ignored (${stored.state}): ${input.name}`);
        }
        if (stored.case_id) automatedCases.add(Number(stored.case_id));
      }
    }
    // Replies: none to a case an automated message opened, none to ourselves, exactly one valid recipient, no injected header.
    for (const o of outbox) {
      const wrong = singleAddress(o.to_address) !== o.to_address || o.to_address === OWN || o.to_address.includes(VICTIM.split('@')[0]!);
      if (wrong) problems.push(`outbox recipient ${JSON.stringify(o.to_address)}`);
    }
    for (const m of sent) {
      const head = m.raw.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '';
      if (m.envelopeTo.length !== 1) problems.push(`reply to ${m.envelopeTo.length} recipients: ${m.envelopeTo.join(', ')}`);
      if (new RegExp(`^(${INJECTED}|bcc):`, 'im').test(head)) problems.push(`injected header in a reply to ${m.envelopeTo.join(', ')}`);
      if (m.envelopeTo.some((t) => t.includes(VICTIM))) problems.push(`reply to the injected victim`);
    }
    const rows = [...table.values()];
    const total = rows.reduce((t, r) => ({ ...t, inputs: t.inputs + r.inputs, crashes: t.crashes + r.crashes, hangs: t.hangs + r.hangs, lost: t.lost + r.lost, duplicates: t.duplicates + r.duplicates, wrongReplies: t.wrongReplies + r.wrongReplies }), { category: 'total', inputs: 0, crashes: 0, hangs: 0, lost: 0, duplicates: 0, wrongReplies: 0 });
    console.log(`\nHostile-input suite (import / drop folder / Dovecot), ${outbox.length} replies queued, ${sent.length} sent`);
    console.table([...rows, total].map((r) => ({ category: r.category, inputs: r.inputs, crashes: r.crashes, hangs: r.hangs, lost: r.lost, duplicates: r.duplicates, 'wrong replies': r.wrongReplies })));
    if (problems.length) console.log(problems.join('\n'));
    if (failures.length) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    expect(total).toMatchObject({ crashes: 0, hangs: 0, lost: 0, duplicates: 0, wrongReplies: 0 });
  }, 900_000);
});
