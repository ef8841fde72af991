import { describe, expect, it } from 'vitest';
import { stripOwnQuotedHistory } from '../../../src/intake/mime/quoted-history.js';

const OWN = ['ipr@desk.example'];
const STATEMENT = 'Please add the statement: "I have a good faith belief that use of the material is not authorized."';

describe('stripOwnQuotedHistory', () => {
  it('cuts a Gmail-style quotation of our reply', () => {
    const text = `Signed below.\n\n/s/ Sam Okafor\n\nOn Mon, Nov 9, 2026 at 10:00 AM <ipr@desk.example> wrote:\n> ${STATEMENT}\n`;
    const result = stripOwnQuotedHistory(text, OWN);
    expect(result.text).toBe('Signed below.\n\n/s/ Sam Okafor');
    expect(result.quoted).toContain(STATEMENT);
  });

  it('cuts a header wrapped over two lines', () => {
    const text = `Attached.\n\nOn Mon, Nov 9, 2026 at 10:00 AM IPR desk <ipr@desk.example>\nwrote:\n> ${STATEMENT}`;
    expect(stripOwnQuotedHistory(text, OWN).text).toBe('Attached.');
  });

  it('cuts an Outlook quotation with a separator line and a From: block', () => {
    const text = `Sam Okafor\n\n________________________________\nFrom: ipr@desk.example\nSent: Monday, November 9, 2026 10:00\nSubject: [ND-2026-000412] Your notice needs more information\n\n${STATEMENT}`;
    expect(stripOwnQuotedHistory(text, OWN).text).toBe('Sam Okafor');
  });

  it('cuts a Chinese client quotation', () => {
    const text = `已补充授权书。\n\n------------------ 原始邮件 ------------------\n发件人: "IPR" <ipr@desk.example>\n发送时间: 2026年11月9日\n\n${STATEMENT}`;
    expect(stripOwnQuotedHistory(text, OWN).text).toBe('已补充授权书。');
  });

  it('keeps a quotation of someone else, such as a forwarded notice', () => {
    const text = `FYI, notice below.\n\n-----Original Message-----\nFrom: Jane <jane@rights.example>\nSent: Monday\n\nI have a good faith belief that the use is not authorized.`;
    expect(stripOwnQuotedHistory(text, OWN)).toEqual({ text, quoted: null });
  });

  it('leaves a message without quotation alone', () => {
    const text = 'DMCA notice\n\nI have a good faith belief...';
    expect(stripOwnQuotedHistory(text, OWN)).toEqual({ text, quoted: null });
  });
});
