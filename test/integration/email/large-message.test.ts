import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERSIZED_HEAD_BYTES } from '../../../src/domain/messages/receive-message.js';
import { startEmailIntake } from '../../../src/intake/start-email.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../../src/intake/take-in.js';
import { ImapFlow } from 'imapflow';
import { openTestDb } from '../../support/store.js';
import { fixture, intakeCtx, OUR_ADDRESS, startHarness, waitUntil, type Harness } from './harness.js';

/** A notice with one attachment of `bytes` base64 lines: far more than any real notice. */
function hostileMessage(id: string, bytes: number): Buffer {
  const head = Buffer.from(
    [
      'From: Flood <flood@hostile.example>',
      'To: ipr@noticedesk.test',
      'Subject: DMCA notice with evidence',
      `Message-ID: <${id}>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please see the attached evidence.',
      '--b',
      'Content-Type: application/octet-stream; name="evidence.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      '',
    ].join('\r\n'),
  );
  const body = Buffer.alloc(bytes, `${'QUFB'.repeat(19)}\r\n`);
  return Buffer.concat([head, body, Buffer.from('\r\n--b--\r\n')]);
}

const withId = (raw: Buffer, id: string) => raw.toString('latin1').replace(/^Message-ID: <[^>]+>/im, `Message-ID: <${id}>`).replace(/^From: .*$/im, `From: Sender <${id}>`);

describe('a message over the size limit in the mailbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(1147, 2531);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is recorded from its first bytes, never read whole, and the intake goes on', async () => {
    const size = 200 * 1024 * 1024;
    await h.append(hostileMessage('huge@hostile.example', size));
    await h.append(withId(fixture('multipart-alternative.eml'), 'after-huge@sender.example'));
    await h.startIntake();

    await waitUntil(() => h.db.selectFrom('raw_messages').select('id').where('message_id', '=', '<after-huge@sender.example>').where('state', '=', 'processed').executeTakeFirst(), 'the next message processed', 60_000);
    const huge = await h.db.selectFrom('raw_messages').selectAll().where('message_id', '=', '<huge@hostile.example>').executeTakeFirstOrThrow();
    expect(huge.state).toBe('failed');
    expect(huge.case_id).toBeNull();
    expect(huge.error).toMatch(new RegExp(`^message of \\d{9} bytes is over the ${DEFAULT_MAX_MESSAGE_BYTES}-byte intake limit: only its first ${OVERSIZED_HEAD_BYTES} bytes were kept`));
    expect((huge.raw as Uint8Array).length).toBe(OVERSIZED_HEAD_BYTES);
    expect(Buffer.from(huge.raw as Uint8Array).toString('latin1')).toMatch(/^From: Flood <flood@hostile\.example>/);
    expect(h.logs.some((line) => line.includes('kept but not processed: message of'))).toBe(true);

    // Never answered; both marked processed; the checkpoint is past both.
    const cp = await waitUntil(async () => {
      const row = await h.db.selectFrom('mailbox_checkpoints').selectAll().executeTakeFirst();
      return row?.last_uid === 2 ? row : null;
    }, 'checkpoint at UID 2');
    expect(cp.last_uid).toBe(2);
    await h.stopIntake();
    expect(await h.db.selectFrom('outbox').select('id').where('to_address', '=', 'flood@hostile.example').execute()).toEqual([]);
    const client = new ImapFlow({ host: h.dovecot.host, port: h.dovecot.port, secure: false, auth: { user: h.dovecot.user, pass: h.dovecot.password }, logger: false });
    await client.connect();
    await client.mailboxOpen('INBOX', { readOnly: true });
    const flags = await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true });
    await client.logout();
    expect(flags.map((m) => [...(m.flags ?? [])].sort())).toEqual([['$Noticedesk', '\\Seen'], ['$Noticedesk', '\\Seen']]);
  }, 120_000);
});

describe('a file over the size limit in the drop folder', () => {
  it('is recorded from its first bytes and moved to processed/', async () => {
    const db = await openTestDb();
    const dataDir = join('data', 'tmp', `drop-${randomUUID()}`);
    mkdirSync(join(dataDir, 'inbox'), { recursive: true });
    writeFileSync(join(dataDir, 'inbox', 'a-large.eml'), hostileMessage('large@hostile.example', 3 * 1024 * 1024));
    writeFileSync(join(dataDir, 'inbox', 'b-small.eml'), fixture('multipart-alternative.eml'));
    const intake = startEmailIntake({ db, ctx: await intakeCtx(db), config: { imapUrls: [], smtpUrl: null, from: OUR_ADDRESS, dataDir, pollMs: 500, maxMessageBytes: 1024 * 1024 }, log: () => undefined });
    try {
      await waitUntil(async () => (readdirSync(join(dataDir, 'inbox', 'processed')).length === 2 ? true : null), 'both files moved');
      const rows = await db.selectFrom('raw_messages').select(['origin', 'state', 'error', 'raw']).orderBy('id').execute();
      expect(rows.map((r) => [r.origin, r.state])).toEqual([['drop-folder:a-large.eml', 'failed'], ['drop-folder:b-small.eml', 'processed']]);
      expect(rows[0]!.error).toMatch(/^message of \d+ bytes is over the 1048576-byte intake limit/);
      expect((rows[0]!.raw as Uint8Array).length).toBe(OVERSIZED_HEAD_BYTES);
    } finally {
      await intake.stop();
      await db.destroy();
    }
  });
});
