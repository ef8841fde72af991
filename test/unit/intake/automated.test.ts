import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyAutomated } from '../../../src/intake/automated.js';
import { readMessage } from '../../../src/intake/mime/read-message.js';

const OWN = ['ipr@noticedesk.test'];
const classify = async (name: string) => classifyAutomated(await readMessage(readFileSync(`test/fixtures/mail/${name}`)), OWN);
const raw = (headers: string, body = 'hello') => readMessage(Buffer.from(`From: a@sender.example\r\nTo: ipr@noticedesk.test\r\nSubject: Notice\r\n${headers}\r\n${body}\r\n`));

describe('classifyAutomated on real mail', () => {
  it.each([
    ['out-of-office.eml', 'auto_reply'],
    ['outlook-auto-reply.eml', 'auto_reply'],
    ['x-autoreply.eml', 'auto_reply'],
    ['dsn-bounce.eml', 'bounce'],
    ['null-return-path.eml', 'bounce'],
    ['mailing-list.eml', 'list'],
    ['bulk.eml', 'list'],
    ['own-message.eml', 'own'],
  ])('%s is %s', async (name, kind) => {
    const result = await classify(name);
    expect(result).toMatchObject({ automated: true, kind });
  });

  it.each(['multipart-alternative.eml', 'gbk.eml', 'forwarded-inline.eml', 'html-only.eml', 'pdf-certificate.eml'])('%s is a person writing', async (name) => {
    expect(await classify(name)).toEqual({ automated: false });
  });

  it('names the reply a DSN reports on', async () => {
    expect(await classify('dsn-bounce.eml')).toMatchObject({ bouncedMessageId: '<nd.BOUNCED-REPLY-ID@noticedesk.test>' });
  });
});

describe('classifyAutomated header rules', () => {
  it('treats Auto-Submitted: no as a person (RFC 3834 2.1)', async () => {
    expect(classifyAutomated(await raw('Auto-Submitted: no\r\n'), OWN)).toEqual({ automated: false });
  });

  it('recognises auto-generated mail, not only replies', async () => {
    expect(classifyAutomated(await raw('Auto-Submitted: auto-generated\r\n'), OWN)).toMatchObject({ kind: 'auto_reply' });
  });

  it('recognises our own Message-ID even from another address', async () => {
    const read = await raw('Message-ID: <nd.0123abcd@noticedesk.test>\r\n');
    expect(classifyAutomated(read, OWN)).toMatchObject({ kind: 'own' });
  });

  it('does not take a Message-ID on our domain without our prefix for ours', async () => {
    const read = await raw('Message-ID: <CAF123@noticedesk.test>\r\n');
    expect(classifyAutomated(read, OWN)).toEqual({ automated: false });
  });

  it('recognises the X-Noticedesk-Case header we set', async () => {
    expect(classifyAutomated(await raw('X-Noticedesk-Case: ND-2026-000009\r\n'), OWN)).toMatchObject({ kind: 'own' });
  });
});
