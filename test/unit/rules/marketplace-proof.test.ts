import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, fixture, withAttachedFiles } from '../parse/builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const now = new Date('2026-12-01');
const codes = (text: string, subject: string | null = null) =>
  checkComplaint(withAttachedFiles(parseNotice({ text, subject }, { platforms })), { platforms, now }).findings.map((f) => f.code).sort();
const fixtureCodes = (name: string) => {
  const f = fixture(name);
  return codes(f.text, f.subject);
};

describe('findings on complete and deficient marketplace complaints', () => {
  it('accepts a US design patent on AliExpress without an evaluation report', () => {
    expect(fixtureCodes('owner-staff-design-patent-aliexpress.txt')).toEqual([]);
  });

  it('asks for the evaluation report of a PRC design patent on Taobao that is only offered', () => {
    expect(fixtureCodes('zh-owner-design-patent-taobao.txt')).toEqual(['patent.claim_chart.recommended', 'patent.evaluation_report.missing']);
  });

  it('rejects a CNIPA mark on Lazada Malaysia and asks an agent for the authorization it only offered', () => {
    expect(fixtureCodes('agent-trademark-lazada-my.txt')).toEqual(['authorization.missing', 'jurisdiction.not_accepted']);
  });

  it('accepts a Chinese law firm with its 授权委托书 and the owner\'s certificate on 1688', () => {
    expect(fixtureCodes('zh-agent-trademark-1688.txt')).toEqual([]);
  });

  it('accepts an Indonesian registration on Lazada Indonesia and rejects it on Lazada Philippines', () => {
    const body = (host: string, id: string) => `Dear Lazada team,\n\nPT Rumah Rempah is the owner of the trademark RUMAH REMPAH, registered with DJKI under registration number IDM000334455 in class 30.\n\nhttps://www.${host}/products/rumah-rempah-sambal-i${id}.html\n\nAttached: certificate of registration, NIB business licence.\n\nWe have a good faith belief the use is unauthorized. The information is accurate.\n\nAndi Pratama\nLegal, PT Rumah Rempah\n+62 21 5550 7711`;
    expect(codes(body('lazada.co.id', '5551112223'))).toEqual([]);
    expect(codes(body('lazada.com.ph', '2221113334'))).toEqual(['jurisdiction.not_accepted']);
  });

  it('does not take a filing receipt for proof, in English or Chinese', () => {
    const en = 'Dear Alibaba IP team,\n\nWe applied for the trademark NORTHSTAR with the USPTO (application No. 98765432, class 9) and attach the filing receipt and our business licence.\n\nhttps://www.alibaba.com/product-detail/Northstar-Tracker_1600111222333.html\n\nThe information in this complaint is accurate.\n\nTom Reed\nFounder, Northstar Devices LLC';
    expect(codes(en)).toContain('proof.ipr.filing_receipt');
    const zh = '淘宝知识产权保护平台：\n\n我公司“木禾”商标申请号：第61234567号，第 20 类，现附商标注册申请受理通知书及营业执照。\n\nhttps://item.taobao.com/item.htm?id=687766554433\n\n我公司保证以上内容真实，如有不实，愿承担法律责任。\n\n福建木禾家具有限公司';
    expect(codes(zh)).toContain('proof.ipr.filing_receipt');
  });

  it('does not count identity and certificates that are "available on request"', () => {
    const text = 'Hello Tmall team,\n\nOur company, Crestline Audio Ltd, is the owner of Chinese trademark registration No. 40112233 in class 9.\n\nhttps://detail.tmall.com/item.htm?id=655544433322\n\nThe registration certificate and our certificate of incorporation are available on request.\n\nThe information in this complaint is accurate.\n\nGrace Liu\nIP Manager, Crestline Audio Ltd\n+852 5550 1234';
    expect(codes(text)).toEqual(['proof.identity.missing', 'proof.ipr.missing']);
  });

  it('asks for an evaluation report only for a PRC design patent on Alibaba.com', () => {
    const body = (patent: string) => `Dear Alibaba.com IP team,\n\nHalden Tools AS owns ${patent} for the folding saw handle. Attached: a copy of the patent, our certificate of incorporation and a claim chart.\n\nhttps://www.alibaba.com/product-detail/Folding-Saw_1600999888777.html\n\nThe information above is accurate.\n\nOle Nilsen\nHead of Legal, Halden Tools AS`;
    expect(codes(body('US Design Patent No. D934,567'))).toEqual([]);
    expect(codes(body('Chinese design patent ZL202330445566.1'))).toEqual(['patent.evaluation_report.missing']);
  });

  it('does not count a document that is only claimed: "Attached:" with nothing attached and no link', () => {
    const text = 'Dear AliExpress IP team,\n\nBlue Lantern Toys Ltd owns the trademark BLUE LANTERN, USPTO registration No. 5123456, class 28.\n\nhttps://www.aliexpress.com/item/1005001234567.html\n\nAttached: trademark registration certificate, business licence.\n\nWe have a good faith belief the use is unauthorized. The information is accurate.\n\nJane Doe\nLegal, Blue Lantern Toys Ltd\n+1 555 0100';
    const parsed = parseNotice({ text, subject: null }, { platforms });
    const claimed = checkComplaint(parsed, { platforms, now }).findings.map((f) => f.code);
    expect(claimed).toEqual(expect.arrayContaining(['proof.identity.missing', 'proof.ipr.missing']));
    const attached = checkComplaint(withAttachedFiles(parsed), { platforms, now }).findings.map((f) => f.code);
    expect(attached).not.toContain('proof.ipr.missing');
    const linked = parseNotice({ text: text.replace('Attached: trademark registration certificate, business licence.', 'Trademark registration certificate: https://tsdr.uspto.gov/#caseNumber=5123456 . Business licence: https://files.bluelantern.example/licence.pdf'), subject: null }, { platforms });
    expect(checkComplaint(linked, { platforms, now }).findings.map((f) => f.code)).not.toContain('proof.ipr.missing');
  });
});
