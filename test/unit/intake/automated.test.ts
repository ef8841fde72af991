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

describe('classifyAutomated on machine mail that looks like a person', () => {
  const mail = (from: string, subject: string, headers = '', body = 'hello') =>
    readMessage(Buffer.from(`From: ${from}\r\nTo: ipr@noticedesk.test\r\nSubject: ${subject}\r\n${headers}\r\n${body}\r\n`));
  const report = (type: string) =>
    `MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=${type}; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nreport\r\n--b\r\nContent-Type: message/${type}\r\n\r\nReporting-UA: mx.example\r\n--b--`;

  it.each([
    ['a read receipt', readMessage(Buffer.from(`From: sam@orbit.example\r\nTo: ipr@noticedesk.test\r\nSubject: Read: Notice\r\n${report('disposition-notification')}\r\n`))],
    ['an abuse report', readMessage(Buffer.from(`From: abuse@isp.example\r\nTo: ipr@noticedesk.test\r\nSubject: Complaint\r\n${report('feedback-report')}\r\n`))],
    ['Precedence: auto-reply', mail('sam@orbit.example', 'Notice', 'Precedence: auto-reply\r\n')],
    ['a postmaster "Undeliverable:"', mail('postmaster@orbit.example', 'Undeliverable: Your case ND-2026-000001')],
    ['a MAILER-DAEMON "Nondeliverable"', mail('MAILER-DAEMON@orbit.example', 'Nondeliverable mail')],
    ['a postmaster "delayed"', mail('postmaster@orbit.example', 'Delivery delayed: Notice')],
    ['"Automatische Antwort:"', mail('sam@orbit.example', 'Automatische Antwort: Notice')],
    ['"Auto:"', mail('sam@orbit.example', 'Auto: Notice')],
    ['an out-of-office body', mail('sam@orbit.example', 'Re: [ND-2026-000001] Notice', '', 'Hello,\r\n\r\nI am currently out of the office until Monday with limited access to email.')],
    ['X-Loop naming our address', mail('sam@orbit.example', 'Notice', 'X-Loop: ipr@noticedesk.test\r\n')],
    ['an Exchange rule loop', mail('sam@orbit.example', 'FW: Notice', 'X-MS-Exchange-Inbox-Rules-Loop: sam@orbit.example\r\n')],
    ['our address with a trailing dot', mail('IPR@noticedesk.test.', 'Notice')],
    ['our address with a +tag', mail('ipr+case@noticedesk.test', 'Notice')],
  ])('recognises %s', async (_name, message) => {
    expect(classifyAutomated(await message, OWN)).toMatchObject({ automated: true });
  });

  it('still reads a notice that mentions an office as a person writing', async () => {
    const notice = await mail('sam@orbit.example', 'DMCA notice', '', 'Dear team, our office in Berlin found copies of our software at https://github.com/x/y.');
    expect(classifyAutomated(notice, OWN)).toEqual({ automated: false });
  });
});
