import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/domain/context.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { findCaseByNumber, listCaseEvents } from '../../../src/store/repos/cases.js';
import type { Db } from '../../../src/store/open.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { authPass, openTestDb, testCtx } from '../../support/store.js';

let db: Db;
let ctx: Ctx;
let seq = 0;

async function deliver(raw: Uint8Array, channel: 'email' | 'form' = 'email') {
  const { message } = await receiveMessage(ctx, { channel, raw, origin: 'test' });
  return processMessage(ctx, message.id);
}

async function fileCase(url: string) {
  const outcome = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<trust-${++seq}@orbit-labs.example>`, body: makeDmcaBody({ urls: [url] }) }));
  if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
  return outcome.case;
}

const withdrawal = (number: string) => `We hereby withdraw our complaint ${number} and retract the takedown request. Please reinstate the content.`;
const outbox = () => db.selectFrom('outbox').selectAll().execute();

beforeAll(async () => {
  db = await openTestDb();
  ctx = testCtx(db, { platforms: await loadPlatforms(join('data', 'platforms')) });
});
afterAll(async () => db.destroy());

describe('changes by email need an authenticated sender', () => {
  it('does not let Reply-To stand in for the complainant', async () => {
    const c = await fileCase('https://github.com/trust/reply-to');
    const outcome = await deliver(makeEmail({
      from: 'Merchant <merchant@evil.example>',
      subject: `Re: [${c.number}]`,
      messageId: '<spoof-reply-to@evil.example>',
      headers: { 'Reply-To': 'sam@orbit-labs.example', ...authPass('evil.example') },
      body: withdrawal(c.number),
    }));
    expect(outcome).toMatchObject({ status: 'processed', joined: false });
    expect((await findCaseByNumber(db, c.number))?.status).toBe('in_review');
  });

  it('holds a withdrawal from the complainant\'s address that no trusted server authenticated', async () => {
    const c = await fileCase('https://github.com/trust/forged-from');
    for (const [id, headers] of [
      ['<forged-none@orbit-labs.example>', {}],
      ['<forged-foreign-ar@orbit-labs.example>', { 'Authentication-Results': 'mx.evil.example; dmarc=pass header.from=orbit-labs.example' }],
      ['<forged-dmarc-fail@orbit-labs.example>', { 'Authentication-Results': 'mx.noticedesk.test; spf=pass smtp.mailfrom=evil.example; dmarc=fail header.from=orbit-labs.example' }],
    ] as const) {
      const outcome = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${c.number}]`, messageId: id, headers, body: withdrawal(c.number) }));
      expect(outcome, id).toMatchObject({ status: 'processed', joined: true, case: { status: 'in_review' } });
    }
    expect((await findCaseByNumber(db, c.number))?.status).toBe('in_review');
    const held = (await listCaseEvents(db, c.id)).filter((e) => e.type === 'change_held');
    expect(held).toHaveLength(3);
    expect(held[0]?.data).toMatchObject({ change: 'withdrawal', sender: 'sam@orbit-labs.example' });
  });

  it('holds listings added by an unauthenticated sender and applies them for an authenticated one', async () => {
    const c = await fileCase('https://github.com/trust/first');
    const add = (id: string, headers: Record<string, string>) => deliver(makeEmail({
      from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${c.number}] more copies`, messageId: id, headers,
      body: `Please also remove these copies for ${c.number}:\nhttps://github.com/competitor-a/engine\nhttps://github.com/competitor-b/engine`,
    }));
    await add('<add-unverified@orbit-labs.example>', {});
    expect((await findCaseByNumber(db, c.number))?.complaint.listings.map((l) => l.url)).toEqual(['https://github.com/trust/first']);
    await add('<add-verified@orbit-labs.example>', authPass('orbit-labs.example'));
    expect((await findCaseByNumber(db, c.number))?.complaint.listings.map((l) => l.url)).toContain('https://github.com/competitor-a/engine');
  });

  it('withdraws for an authenticated complainant', async () => {
    const c = await fileCase('https://github.com/trust/verified');
    await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${c.number}]`, messageId: '<verified-withdrawal@orbit-labs.example>', headers: authPass('orbit-labs.example'), body: withdrawal(c.number) }));
    expect((await findCaseByNumber(db, c.number))?.status).toBe('withdrawn');
  });
});

describe('replies go to exactly one address, never to a machine', () => {
  it('answers no automated message a person could not tell from a notice, even on the form', async () => {
    const before = (await outbox()).length;
    const submission = { subject: 'Automatic reply: Out of office', text: 'I am currently out of the office and will reply on my return.', from: { name: 'Away', address: 'away@orbit-labs.example' }, platform: 'github' };
    const outcome = await deliver(new TextEncoder().encode(JSON.stringify(submission)), 'form');
    expect(outcome).toMatchObject({ status: 'processed', case: { kind: 'auto_reply' } });
    expect(await outbox()).toHaveLength(before);
  });

  it('sends nothing when From is missing, whatever the body names', async () => {
    const before = (await outbox()).length;
    const raw = new TextEncoder().encode(['To: ipr@noticedesk.test', 'Subject: DMCA notice', 'Message-ID: <no-from@x.example>', '', makeDmcaBody({ urls: ['https://github.com/nofrom/engine'] }).replace('sam@orbit-labs.example', 'a@x.example,victim@y.example'), ''].join('\r\n'));
    const outcome = await deliver(raw);
    expect(outcome.status).toBe('processed');
    expect(await outbox()).toHaveLength(before);
  });

  it('answers the From address, not a Reply-To that hides a list or a header', async () => {
    for (const [i, replyTo] of ['"a,b"@x.example', '<x%0d%0aBcc:victim@y.example>', 'undisclosed: a@x.example, victim@y.example;'].entries()) {
      const outcome = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<rt-${i}@orbit-labs.example>`, headers: { 'Reply-To': replyTo }, body: makeDmcaBody({ urls: [`https://github.com/replyto/engine-${i}`] }) }));
      if (outcome.status !== 'processed') throw new Error('not processed');
      const rows = await db.selectFrom('outbox').select('to_address').where('case_id', '=', outcome.case.id).execute();
      expect(rows).toEqual([{ to_address: 'sam@orbit-labs.example' }]);
    }
  });

  it('never answers our own address in another spelling', async () => {
    const before = (await outbox()).length;
    for (const [i, from] of ['IPR@noticedesk.test.', 'ipr+loop@noticedesk.test'].entries()) {
      await deliver(makeEmail({ from, subject: 'DMCA notice', messageId: `<own-${i}@x.example>`, body: makeDmcaBody({ urls: [`https://github.com/own/engine-${i}`] }) }));
    }
    expect(await outbox()).toHaveLength(before);
  });
});
