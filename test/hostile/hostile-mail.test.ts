import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmlFiles } from '../../src/cli/import.js';
import { peekMessageId } from '../../src/domain/messages/receive-message.js';
import { singleAddress } from '../../src/domain/messages/mail-addresses.js';
import { watchDropFolder } from '../../src/intake/drop-folder/watch-drop-folder.js';
import { freePort } from '../support/ports.js';
import { intakeCtx, startHarness, waitUntil, type Harness } from '../integration/email/harness.js';
import { hostileInputs, INJECTED, OWN, VICTIM, type HostileInput } from './inputs.js';

type Path = 'import' | 'drop' | 'imap';
interface Row { category: string; inputs: number; crashes: number; hangs: number; lost: number; duplicates: number; wrongReplies: number }

const HANG_MS = 30_000;
const inputs = hostileInputs().map((input, i) => ({ ...input, via: (input.path ?? (['import', 'drop', 'imap'] as const)[i % 3]) as Path, sha: createHash('sha256').update(input.raw).digest('hex'), messageId: peekMessageId(input.raw) }));
const crashes = new Map<string, string>();
const hangs = new Set<string>();
let h: Harness;
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

beforeAll(async () => {
  h = await startHarness(await freePort(), await freePort());
  await h.startIntake();
}, 120_000);
afterAll(async () => {
  clearInterval(rssTimer);
  await h?.close();
});

async function runImport(batch: typeof inputs): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nd-hostile-import-'));
  const ctx = (await intakeCtx(h.db))();
  for (const [i, input] of batch.entries()) {
    const file = join(dir, `${String(i).padStart(4, '0')}.eml`);
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
  rmSync(dir, { recursive: true, force: true });
}

async function runDrop(batch: typeof inputs): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nd-hostile-drop-'));
  mkdirSync(join(dir, 'processed'), { recursive: true });
  const ctx = await intakeCtx(h.db);
  const errors: string[] = [];
  const watcher = watchDropFolder({ dir, ctx, log: (line) => errors.push(line), pollMs: 200 });
  for (const [i, input] of batch.entries()) {
    const started = Date.now();
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.eml`), input.raw);
    try {
      await waitUntil(async () => readdirSync(dir).filter((n) => n.endsWith('.eml')).length === 0, `drop folder ${input.name}`, HANG_MS);
    } catch {
      hangs.add(input.name);
    }
    void started;
  }
  await watcher.stop();
  rmSync(dir, { recursive: true, force: true });
}

async function runImap(batch: typeof inputs): Promise<void> {
  for (const input of batch) await h.append(input.raw);
  try {
    await waitUntil(async () => {
      const rows = await h.db.selectFrom('raw_messages').select(['state']).where('origin', 'like', 'imap:%').execute();
      return rows.length >= batch.length && rows.every((r) => r.state !== 'stored');
    }, 'IMAP intake of every hostile message', 120_000);
  } catch {
    for (const input of batch) hangs.add(input.name);
  }
}

describe('hostile mail through import, the drop folder and real Dovecot', () => {
  it('keeps every message, records its state, and answers only people, once each, at one address', async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(200);
    await runImport(inputs.filter((i) => i.via === 'import'));
    await runDrop(inputs.filter((i) => i.via === 'drop'));
    await runImap(inputs.filter((i) => i.via === 'imap'));
    // Let the send worker deliver whatever was queued.
    await waitUntil(async () => (await h.db.selectFrom('outbox').select('id').where('status', 'in', ['queued', 'sending']).execute()).length === 0, 'outbox drained', 60_000).catch(() => undefined);

    const messages = await h.db.selectFrom('raw_messages').select(['id', 'sha256', 'state', 'error', 'case_id', 'origin', 'message_id']).execute();
    const outbox = await h.db.selectFrom('outbox').select(['case_id', 'to_address']).execute();
    const sent = h.smtp.messages;
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
    console.log(`\nHostile-input suite (import / drop folder / Dovecot), peak RSS ${Math.round(peakRss / 1048576)} MB, ${outbox.length} replies queued, ${sent.length} sent`);
    console.table([...rows, total].map((r) => ({ category: r.category, inputs: r.inputs, crashes: r.crashes, hangs: r.hangs, lost: r.lost, duplicates: r.duplicates, 'wrong replies': r.wrongReplies })));
    if (problems.length) console.log(problems.join('\n'));
    expect(problems).toEqual([]);
    expect(total).toMatchObject({ crashes: 0, hangs: 0, lost: 0, duplicates: 0, wrongReplies: 0 });
  }, 600_000);
});
