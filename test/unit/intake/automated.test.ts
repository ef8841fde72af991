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

describe('classifyAutomated on every kind a machine writes', () => {
  const cases: Array<[string, string, string, string?]> = [
    ['read receipt', 'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\r\n', 'bounce'],
    ['abuse report', 'Content-Type: multipart/report; report-type=feedback-report; boundary="b"\r\n', 'bounce'],
    ['Precedence: auto-reply', 'Precedence: auto-reply\r\n', 'auto_reply'],
    ['X-MS-Exchange-Inbox-Rules-Loop', 'X-MS-Exchange-Inbox-Rules-Loop: someone@sender.example\r\n', 'auto_reply'],
    ['X-Loop naming our address', 'X-Loop: IPR@noticedesk.test\r\n', 'own'],
  ];
  it.each(cases)('%s', async (_name, headers, kind) => {
    expect(classifyAutomated(await raw(headers), OWN)).toMatchObject({ automated: true, kind });
  });

  const mail = (from: string, subject: string, body = 'hello') =>
    readMessage(Buffer.from(`From: ${from}\r\nTo: ipr@noticedesk.test\r\nSubject: ${subject}\r\n\r\n${body}\r\n`));

  it.each([
    ['postmaster@mx.example', 'Nondeliverable mail', 'bounce'],
    ['MAILER-DAEMON@mx.example', 'Delivery delayed: your notice', 'bounce'],
    ['helpdesk@exchange.example', 'Undeliverable: DMCA notice', 'bounce'],
    ['maria@northwind.example', 'Automatische Antwort: DMCA notice', 'auto_reply'],
    ['maria@northwind.example', 'Auto: DMCA notice', 'auto_reply'],
  ])('%s writing "%s" is %s', async (from, subject, kind) => {
    expect(classifyAutomated(await mail(from, subject), OWN)).toMatchObject({ automated: true, kind });
  });

  it('recognises an out-of-office body under an ordinary subject', async () => {
    const read = await mail('maria@northwind.example', 'Re: your case', 'Thank you for your message. I am currently out of the office until Monday with limited access to email.');
    expect(classifyAutomated(read, OWN)).toMatchObject({ automated: true, kind: 'auto_reply' });
  });

  it.each(['IPR@noticedesk.test', 'ipr@noticedesk.test.', 'ipr+loop@noticedesk.test', 'Ipr+x@NOTICEDESK.TEST.'])('takes %s for our own address', async (from) => {
    expect(classifyAutomated(await mail(from, 'Case update'), OWN)).toMatchObject({ automated: true, kind: 'own' });
  });

  it('still takes a person quoting a read receipt for a person', async () => {
    const read = await mail('maria@northwind.example', 'DMCA notice', 'Please remove https://github.com/copy/engine. A disposition-notification was requested.');
    expect(classifyAutomated(read, OWN)).toEqual({ automated: false });
  });
});
