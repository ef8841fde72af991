import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startHarness, waitUntil, type Harness } from './harness.js';

const AUTOMATED = [
  ['out-of-office.eml', '<ooo-001@northwind-games.example>', 'auto_reply'],
  ['outlook-auto-reply.eml', '<oof-002@pixelfoundry.example>', 'auto_reply'],
  ['x-autoreply.eml', '<autoreply-003@xingguang.example>', 'auto_reply'],
  ['mailing-list.eml', '<digest-2026-45@iplaw-news.example>', 'list'],
  ['bulk.eml', '<bulk-777@brandshield-marketing.example>', 'list'],
  ['null-return-path.eml', '<nullpath-001@mx.partner.example>', 'bounce'],
  ['own-message.eml', '<nd.own-loop@noticedesk.test>', 'own'],
  ['dsn-bounce.eml', '<dsn-001@mx.northwind-games.example>', 'bounce'],
] as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness(1144, 2526);
  await h.startIntake();
});
afterAll(async () => h?.close());

const settled = (messageId: string) =>
  waitUntil(
    () => h.db.selectFrom('raw_messages').selectAll().where('message_id', '=', messageId).where('state', '!=', 'stored').executeTakeFirst(),
    `message ${messageId} settled`,
  );

describe('automated mail is recognised and never answered', () => {
  it('ignores every kind, then still answers the person who writes after them', async () => {
    for (const [name] of AUTOMATED) await h.append(fixture(name));
    await h.append(fixture('html-only.eml'));
    // Mail is taken in in UID order: once the notice is answered, every automated message before it was handled.
    const [ack] = await waitUntil(async () => (h.smtp.messages.length > 0 ? h.smtp.messages : null), 'the acknowledgement');
    expect(ack!.envelopeTo).toEqual(['erik@sand-studios.example']);
    for (const [, messageId, kind] of AUTOMATED) {
      const row = await settled(messageId);
      expect(row.state, messageId).toBe('ignored');
      expect(row.error, messageId).toMatch(new RegExp(`^${kind}: `));
    }
    expect(await h.db.selectFrom('outbox').select('to_address').execute()).toEqual([{ to_address: 'erik@sand-studios.example' }]);
    expect(await h.db.selectFrom('cases').select('id').execute()).toHaveLength(1);
    expect(h.smtp.messages).toHaveLength(1);
  });

  it('records a bounce of one of our replies on its case', async () => {
    const [ack] = await waitUntil(async () => (h.smtp.messages.length > 0 ? h.smtp.messages : null), 'the acknowledgement');
    const replyId = ack!.parsed.messageId!;
    const bounce = fixture('dsn-bounce.eml').toString('latin1').replace('<nd.BOUNCED-REPLY-ID@noticedesk.test>', replyId).replace('<dsn-001@', '<dsn-002@');
    await h.append(bounce);
    const row = await settled('<dsn-002@mx.northwind-games.example>');
    expect(row.state).toBe('ignored');
    const outbox = await h.db.selectFrom('outbox').selectAll().where('message_id', '=', replyId).executeTakeFirstOrThrow();
    expect(row.case_id).toBe(outbox.case_id);
    const event = await h.db.selectFrom('case_events').selectAll().where('case_id', '=', Number(outbox.case_id)).where('type', '=', 'reply_bounced').executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ bouncedMessageId: replyId });
    expect(h.smtp.messages).toHaveLength(1);
  });
});
