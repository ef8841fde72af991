import { readFileSync } from 'node:fs';
import { extractPdfText } from '../../../src/intake/mime/pdf-text.js';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../src/intake/mime/read-message.js';

const fixture = (name: string) => readMessage(readFileSync(`test/fixtures/mail/${name}`));

describe('readMessage charsets', () => {
  it.each([
    ['gbk.eml', '商标侵权投诉 - 假冒星光服装', '杭州星光服饰有限公司', '王丽'],
    ['gb2312.eml', '商标侵权投诉', '注册商标（第25类', 'Zhao Min'],
    ['gb18030.eml', '商标侵权投诉（GB18030）', '假冒我司商标', 'Li Wei'],
    ['big5.eml', '商標侵權投訴', '台北光華服飾股份有限公司', 'Chen Meiling'],
    ['iso-2022-jp.eml', '著作権侵害の通知', 'サクラ玩具株式会社', 'Tanaka Hanako'],
    ['iso-8859-1.eml', 'Urheberrechtsverletzung - Bildrechte Müller Verlag', 'Müller Verlag GmbH', 'Jürgen Müller'],
  ])('%s decodes subject, body and sender name', async (name, subject, inBody, sender) => {
    const read = await fixture(name);
    expect(read.subject).toBe(subject);
    expect(read.text).toContain(inBody);
    expect(read.from?.name).toBe(sender);
    expect(read.problems).toEqual([]);
  });

  it('keeps a message in an unknown charset and says why it may be garbled', async () => {
    const read = await fixture('unknown-charset.eml');
    expect(read.text).toContain('https://github.com/strange/repo');
    expect(read.problems).toEqual(['unknown charset x-klingon-42: text read as UTF-8 and may be garbled']);
  });
});

describe('readMessage bodies', () => {
  it('takes the text part of multipart/alternative and keeps the HTML', async () => {
    const read = await fixture('multipart-alternative.eml');
    expect(read.text).toContain('under penalty of perjury');
    expect(read.text).not.toContain('<p>');
    expect(read.html).toContain('<p>');
  });

  it('turns HTML-only mail into text', async () => {
    const read = await fixture('html-only.eml');
    expect(read.text).toContain('https://github.com/htmlonly-copy/aurora');
    expect(read.text).not.toMatch(/<\/?p>/);
  });

  it('reads hostile HTML without scripts in the text', async () => {
    const read = await fixture('hostile-html.eml');
    expect(read.text).toContain('https://github.com/hostile-copy/aurora');
    expect(read.text).not.toContain('document.cookie');
    expect(read.text).not.toContain('alert(');
  });
});

describe('readMessage attachments', () => {
  // PDF text is read later, on a bounded thread of its own (see untrusted-work.ts): here only the bytes are kept.
  it('keeps a PDF attachment whose text the PDF reader extracts', async () => {
    const [pdf] = (await fixture('pdf-certificate.eml')).attachments;
    expect(pdf?.filename).toBe('power-of-attorney.pdf');
    const extracted = await extractPdfText(pdf!.content);
    expect(extracted.text).toContain('POWER OF ATTORNEY');
    expect(extracted.problem).toBeNull();
  });

  it('records a broken PDF as a problem, keeping the message text', async () => {
    const read = await fixture('broken-pdf.eml');
    expect(read.text).toContain('brokenpdf-copy/aurora');
    const extracted = await extractPdfText(read.attachments[0]!.content);
    expect(extracted.text).toBeNull();
    expect(extracted.problem).toMatch(/PDF text could not be read/);
  });

  it('never throws on bytes that are not MIME', async () => {
    const read = await readMessage(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a, 0x0a, 0x41]));
    expect(read.messageId).toBeNull();
    expect(Array.isArray(read.problems)).toBe(true);
  });
});

describe('readMessage forwarded notices', () => {
  it.each([
    ['forwarded-rfc822.eml', 'nils@ek-software.example', 'attachment', 'rfc822-copy/aurora'],
    ['forwarded-inline.eml', 'berit@holm-design.example', 'inline', 'inline-copy/aurora'],
    ['forwarded-outlook.eml', 'karl@dahl-audio.example', 'inline', 'outlook-copy/aurora'],
  ])('%s: the original sender is the complainant', async (name, original, via, url) => {
    const read = await fixture(name);
    expect(read.from?.address).toBe(original);
    expect(read.forwarded?.by?.address).toBe('colleague@partner.example');
    expect(read.forwarded?.via).toBe(via);
    expect(read.text).toContain(url);
    expect(read.text).not.toMatch(/^From:/m);
  });

  it('does not take a quoted reply for a forward', async () => {
    const raw = Buffer.from(
      'From: Jane <jane@acme.example>\r\nTo: ipr@noticedesk.test\r\nSubject: RE: [ND-2026-000004] More information needed\r\n\r\n' +
        'Here is the signature: /s/ Jane\r\n\r\n-----Original Message-----\r\nFrom: Noticedesk <ipr@noticedesk.test>\r\nSent: today\r\nSubject: x\r\n\r\nold text\r\n',
    );
    const read = await readMessage(raw);
    expect(read.from?.address).toBe('jane@acme.example');
    expect(read.forwarded ?? null).toBeNull();
  });
});
