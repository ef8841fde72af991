import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFolderMailer } from '../../../src/replies/folder-mailer.js';
import { sendQueuedReplies } from '../../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../../src/replies/smtp-mailer.js';
import type { Mailer } from '../../../src/replies/mailer.js';
import { insertCase } from '../../../src/store/repos/cases.js';
import { enqueueReply } from '../../../src/store/repos/outbox.js';
import type { Db } from '../../../src/store/open.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../setup/smtp-receiver.js';
import { makeComplaint } from '../../support/builders.js';
import { openTestDb } from '../../support/store.js';

const FROM = 'ipr@noticedesk.test';
let smtp: SmtpReceiver;
let mailer: Mailer;
let db: Db;
let seq = 0;

beforeAll(async () => {
  smtp = await startSmtpReceiver(2528, {
    refuse: (address) => (address.startsWith('busy@') ? { code: 451, message: 'try later' } : address.startsWith('gone@') ? { code: 550, message: 'no such user' } : null),
  });
  mailer = createSmtpMailer(smtp.url);
});
afterAll(async () => {
  await mailer.close();
  await smtp.stop();
});
beforeEach(async () => {
  db = await openTestDb();
  smtp.messages.length = 0;
});

async function queue(to: string, template = 'acknowledgement', extraVars: Record<string, unknown> = {}) {
  const at = new Date().toISOString();
  const number = `ND-2026-${String(++seq).padStart(6, '0')}`;
  const c = await insertCase(db, {
    number, status: 'in_review', kind: 'notice', platform: null, assignee: null, complainant_email: to, rights_owner: null, parent_case_id: null,
    complaint: JSON.stringify(makeComplaint()), findings: '[]', due_at: null, version: 0, created_at: at, updated_at: at,
  });
  const id = await enqueueReply(db, { caseId: c.id, kind: template, to, template, vars: { caseNumber: number, complainantName: 'Jane', ...extraVars }, language: 'en', inReplyTo: '<n1@acme.example>', references: ['<n0@acme.example>', '<n1@acme.example>'], at });
  return { caseId: c.id, number, id };
}
const row = (id: number) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (caseId: number, type: string) => db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).where('type', '=', type).execute();

describe('sendQueuedReplies', () => {
  it('sends a queued reply once, with the Message-ID it stored and RFC 3834 headers', async () => {
    const { id, number } = await queue('jane@acme.example');
    expect(await sendQueuedReplies(db, mailer, { from: FROM })).toMatchObject({ sent: 1 });
    expect(await sendQueuedReplies(db, mailer, { from: FROM })).toMatchObject({ sent: 0 });
    const [mail] = smtp.messages;
    const stored = await row(id);
    expect(smtp.messages).toHaveLength(1);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, message_id: mail!.parsed.messageId, subject: `[${number}] We received your notice` });
    expect(stored.message_id).toMatch(/^<nd\.[^@]+@noticedesk\.test>$/);
    expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail!.parsed.inReplyTo).toBe('<n1@acme.example>');
    expect(mail!.parsed.references).toEqual(['<n0@acme.example>', '<n1@acme.example>']);
    expect(mail!.envelopeFrom).toBe(FROM);
  });

  it('sends a reviewer-edited reply as written, with the case tag added to its subject', async () => {
    const { id, number } = await queue('jane@acme.example');
    await db.updateTable('outbox').set({ subject: 'About your listings', text_body: 'Edited by a reviewer.', html_body: null }).where('id', '=', id).execute();
    await sendQueuedReplies(db, mailer, { from: FROM });
    expect(smtp.messages[0]?.parsed.subject).toBe(`[${number}] About your listings`);
    expect(smtp.messages[0]?.parsed.text?.trim()).toBe('Edited by a reviewer.');
  });

  it('claims each row once when two workers drain the queue together', async () => {
    for (let i = 0; i < 6; i++) await queue(`p${i}@acme.example`);
    const [a, b] = await Promise.all([sendQueuedReplies(db, mailer, { from: FROM }), sendQueuedReplies(db, mailer, { from: FROM })]);
    expect(a.sent + b.sent).toBe(6);
    expect(new Set(smtp.messages.map((m) => m.parsed.messageId)).size).toBe(6);
    expect(smtp.messages).toHaveLength(6);
  });

  it('with several in flight, sends replies to different recipients side by side, and one recipient\'s replies in queue order', async () => {
    for (let i = 0; i < 6; i++) await queue(`side${i}@acme.example`);
    const same = [await queue('same@acme.example'), await queue('same@acme.example'), await queue('same@acme.example')];
    // The real SMTP transport, watched: how many sends are under way at once.
    let open = 0;
    let most = 0;
    const watched: Mailer = {
      ...mailer,
      async send(mail) {
        most = Math.max(most, ++open);
        try {
          await mailer.send(mail);
        } finally {
          open--;
        }
      },
    };
    expect(await sendQueuedReplies(db, watched, { from: FROM, inFlight: 8 })).toMatchObject({ sent: 9 });
    expect(most).toBeGreaterThan(1);
    const ids = await Promise.all(same.map(async (r) => (await row(r.id)).message_id));
    const arrived = smtp.messages.filter((m) => m.envelopeTo.includes('same@acme.example')).map((m) => m.parsed.messageId);
    expect(arrived).toEqual(ids);
  });

  it('retries a temporary refusal with backoff, keeping its Message-ID, then gives up and records it', async () => {
    const { id, caseId } = await queue('busy@acme.example');
    let clock = Date.now();
    const now = () => new Date(clock);
    expect(await sendQueuedReplies(db, mailer, { from: FROM, now, maxAttempts: 2 })).toMatchObject({ retried: 1 });
    const first = await row(id);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringMatching(/451/) });
    expect(Date.parse(first.next_attempt_at)).toBeGreaterThan(clock);
    expect(await sendQueuedReplies(db, mailer, { from: FROM, now, maxAttempts: 2 })).toMatchObject({ retried: 0, failed: 0 });
    clock = Date.parse(first.next_attempt_at) + 1;
    expect(await sendQueuedReplies(db, mailer, { from: FROM, now, maxAttempts: 2 })).toMatchObject({ failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2, message_id: first.message_id });
    expect(await events(caseId, 'reply_failed')).toHaveLength(1);
  });

  it('fails a permanent refusal at once', async () => {
    const { id, caseId } = await queue('gone@acme.example');
    expect(await sendQueuedReplies(db, mailer, { from: FROM })).toMatchObject({ failed: 1, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/550/) });
    expect(await events(caseId, 'reply_failed')).toHaveLength(1);
  });

  it('suppresses automated replies over the per-recipient limit and records it', async () => {
    const rows = [await queue('flood@acme.example'), await queue('flood@acme.example'), await queue('flood@acme.example')];
    expect(await sendQueuedReplies(db, mailer, { from: FROM, maxPerRecipientPerHour: 2 })).toMatchObject({ sent: 2, suppressed: 1 });
    expect(await row(rows[2]!.id)).toMatchObject({ status: 'suppressed', last_error: expect.stringMatching(/rate limit/) });
    expect(await events(rows[2]!.caseId, 'reply_suppressed')).toHaveLength(1);
    expect(smtp.messages).toHaveLength(2);
  });

  it('never resends a row left in sending by a crash; it is failed and recorded', async () => {
    const { id, caseId } = await queue('jane@acme.example');
    await db.updateTable('outbox').set({ status: 'sending', attempts: 1, message_id: '<nd.crashed@noticedesk.test>', next_attempt_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    expect(await sendQueuedReplies(db, mailer, { from: FROM })).toMatchObject({ recovered: 1, sent: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/interrupted while sending/) });
    expect(await events(caseId, 'reply_interrupted')).toHaveLength(1);
    expect(smtp.messages).toHaveLength(0);
  });

  it('leaves a row in sending alone while its lease runs', async () => {
    const { id } = await queue('jane@acme.example');
    await db.updateTable('outbox').set({ status: 'sending', next_attempt_at: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', id).execute();
    expect(await sendQueuedReplies(db, mailer, { from: FROM })).toMatchObject({ recovered: 0, sent: 0 });
    expect((await row(id)).status).toBe('sending');
  });
});

describe('outbox folder mailer', () => {
  it('settles a row left in sending at the first pass of the only sender, lease or not', async () => {
    const { id, caseId } = await queue('stuck@acme.example');
    await db.updateTable('outbox').set({ status: 'sending', attempts: 1, message_id: '<nd.stuck@noticedesk.test>', next_attempt_at: new Date(Date.now() + 5 * 60_000).toISOString() }).where('id', '=', id).execute();
    expect(await sendQueuedReplies(db, mailer, { from: FROM, settleAllClaims: true })).toMatchObject({ recovered: 1, sent: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/interrupted while sending/) });
    expect(await events(caseId, 'reply_interrupted')).toHaveLength(1);
    expect(smtp.messages).toHaveLength(0);
  });

  it('writes one .eml per reply and settles an interrupted row it can see was written', async () => {
    const dir = join('data', 'tmp', `outbox-${randomUUID()}`);
    const folder = createFolderMailer(dir);
    const { id } = await queue('jane@acme.example');
    expect(await sendQueuedReplies(db, folder, { from: FROM })).toMatchObject({ sent: 1 });
    const [file] = readdirSync(dir);
    const eml = readFileSync(join(dir, file!), 'utf8');
    expect(eml).toMatch(/^Auto-Submitted: auto-replied\r$/m);
    expect(eml).toContain(`Message-ID: ${(await row(id)).message_id}`);
    // Same row left in sending (crash after the write): the file proves it left, so it is settled as sent.
    await db.updateTable('outbox').set({ status: 'sending', next_attempt_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    expect(await sendQueuedReplies(db, folder, { from: FROM })).toMatchObject({ recovered: 1 });
    expect((await row(id)).status).toBe('sent');
    expect(readdirSync(dir)).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
    expect(existsSync(dir)).toBe(false);
  });

  it("marks a reviewer's decision as a person's mail, names the desk in From and signs with its name", async () => {
    const dir = join('data', 'tmp', `outbox-${randomUUID()}`);
    const folder = createFolderMailer(dir);
    await queue('jane@acme.example', 'rejected', { byReviewer: true, reasonText: 'no authorization', removed: [], kept: [] });
    expect(await sendQueuedReplies(db, folder, { from: FROM, fromName: 'Acme IP Protection' })).toMatchObject({ sent: 1 });
    const eml = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
    expect(eml).toMatch(/^Auto-Submitted: no\r$/m);
    expect(eml).toMatch(/^From: Acme IP Protection <[^>]+>\r$/m);
    expect(eml).toContain('Acme IP Protection');
    expect(eml).toMatch(/Content-Type: text\/html/);
    rmSync(dir, { recursive: true, force: true });
  });
});
