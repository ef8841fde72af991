import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startHarness, waitUntil, type Harness } from './harness.js';

let h: Harness;
let client: ImapFlow;
beforeAll(async () => {
  h = await startHarness(1146, 2530);
  client = new ImapFlow({ host: h.dovecot.host, port: h.dovecot.port, secure: false, auth: { user: h.dovecot.user, pass: h.dovecot.password }, logger: false });
  await client.connect();
});
afterAll(async () => {
  await client?.logout().catch(() => undefined);
  await h?.close();
});

const processed = (messageId: string) =>
  waitUntil(() => h.db.selectFrom('raw_messages').selectAll().where('message_id', '=', messageId).where('state', '=', 'processed').executeTakeFirst(), `${messageId} processed`);
const withId = (raw: Buffer, id: string) => raw.toString('latin1').replace(/^Message-ID: <[^>]+>/im, `Message-ID: <${id}>`).replace(/^From: .*$/im, `From: ${id.split('@')[0]} <${id.replace(/[<>]/g, '')}>`);
const messagesIn = async (path: string) => {
  const status = await client.status(path, { messages: true });
  return status ? status.messages : null;
};
const count = async (table: 'raw_messages' | 'outbox' | 'cases') => (await h.db.selectFrom(table).select('id').execute()).length;

describe('mailbox state', () => {
  it('moves processed mail to the configured folder', async () => {
    await h.startIntake({ imapQuery: 'move=Processed' });
    await h.append(withId(fixture('multipart-alternative.eml'), 'move-1@state.example'));
    await processed('<move-1@state.example>');
    const moved = await waitUntil(async () => (await messagesIn('Processed')) === 1 ? true : null, 'message in Processed');
    expect(moved).toBe(true);
    expect(await messagesIn('INBOX')).toBe(0);
    await h.stopIntake();
  });

  it('re-scans a mailbox whose UIDVALIDITY changed, without duplicating what it already has', async () => {
    await client.mailboxCreate('Notices');
    const url = h.dovecot.url('Notices');
    await h.append(withId(fixture('multipart-alternative.eml'), 'old-1@state.example'), 'Notices');
    await h.append(withId(fixture('multipart-alternative.eml'), 'old-2@state.example'), 'Notices');
    const { startEmailIntake } = await import('../../../src/intake/start-email.js');
    const { intakeCtx } = await import('./harness.js');
    const ctx = await intakeCtx(h.db);
    const run = () => startEmailIntake({ db: h.db, ctx, config: { imapUrls: [url], smtpUrl: h.smtp.url, from: 'ipr@noticedesk.test', dataDir: 'data/tmp' }, log: (l) => h.logs.push(l) });
    let intake = run();
    await processed('<old-2@state.example>');
    await intake.stop();
    const [before] = await h.db.selectFrom('mailbox_checkpoints').selectAll().where('mailbox', 'like', '%/Notices').execute();
    expect(before?.last_uid).toBe(2);
    const [rawBefore, outboxBefore] = [await count('raw_messages'), await count('outbox')];

    // Recreated mailbox: new UIDVALIDITY, UIDs restart at 1, old mail comes back after the new one.
    await client.mailboxDelete('Notices');
    await client.mailboxCreate('Notices');
    await h.append(withId(fixture('multipart-alternative.eml'), 'new-1@state.example'), 'Notices');
    await h.append(withId(fixture('multipart-alternative.eml'), 'old-1@state.example'), 'Notices');
    await h.append(withId(fixture('multipart-alternative.eml'), 'old-2@state.example'), 'Notices');
    intake = run();
    await processed('<new-1@state.example>');
    await waitUntil(async () => {
      const [cp] = await h.db.selectFrom('mailbox_checkpoints').selectAll().where('mailbox', 'like', '%/Notices').execute();
      return cp && cp.uid_validity !== before!.uid_validity && cp.last_uid === 3 ? cp : null;
    }, 'checkpoint at the new UIDVALIDITY');
    await intake.stop();
    expect(await count('raw_messages')).toBe(rawBefore + 1);
    expect(await count('outbox')).toBe(outboxBefore + 1);
  });

  it('polls when IDLE is turned off', async () => {
    await h.startIntake({ imapQuery: 'idle=0' });
    await waitUntil(async () => (h.logs.some((l) => l.endsWith(', polling')) ? true : null), 'connected in polling mode');
    await h.append(withId(fixture('multipart-alternative.eml'), 'polled@state.example'));
    await processed('<polled@state.example>');
    await h.stopIntake();
  });

  it('reconnects after the server drops the connection', async () => {
    const connections = () => h.logs.filter((l) => l.includes(': connected')).length;
    const before = connections();
    await h.startIntake();
    await waitUntil(async () => (connections() === before + 1 ? true : null), 'connected');
    spawnSync('doveadm', ['-c', join(h.dovecot.dir, 'dovecot.conf'), 'kick', h.dovecot.user]);
    await waitUntil(async () => (connections() === before + 2 ? true : null), 'reconnected');
    await h.append(withId(fixture('multipart-alternative.eml'), 'after-kick@state.example'));
    await processed('<after-kick@state.example>');
    await h.stopIntake();
  });
});
