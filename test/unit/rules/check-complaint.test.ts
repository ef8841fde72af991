import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { CheckResult } from '../../../src/rules/check-result.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, fixture, makeNotice, withAttachedFiles } from '../parse/builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const now = new Date('2026-06-01T00:00:00Z');
const check = (input: Parameters<typeof parseNotice>[0]) => checkComplaint(withAttachedFiles(parseNotice(input, { platforms })), { platforms, now });
const codes = (input: Parameters<typeof parseNotice>[0]) => check(input).findings.map((f) => f.code);

describe('checkComplaint', () => {
  it('returns a result that matches its schema', () => {
    expect(CheckResult.safeParse(check(fixture('law-firm-trademark-aliexpress.txt'))).success).toBe(true);
  });

  it('passes a complete DMCA notice to a code host', () => {
    expect(codes({ text: makeNotice() })).toEqual([]);
  });

  it('names each missing DMCA element with a sentence to act on', () => {
    const r = check({ text: makeNotice({ signature: null, goodFaith: null }) });
    expect(r.findings.map((f) => f.code)).toEqual(['dmca.signature.missing', 'dmca.good_faith.missing']);
    expect(r.findings[1]!.message).toMatch(/good faith belief/);
  });

  it('flags search pages and AliExpress.ru URLs but not a complete law-firm complaint', () => {
    expect(codes(fixture('law-firm-trademark-aliexpress.txt'))).toEqual(['url.redirect_channel', 'url.search_page']);
  });

  it('asks for the authorization of an agent', () => {
    const { text } = fixture('law-firm-trademark-aliexpress.txt');
    const noPoa = text.replace(/ and the power of attorney signed by Acme Sports Inc\. \(valid until 31 December 2027\)/, '');
    expect(codes({ text: noPoa })).toContain('authorization.missing');
    const expired = text.replace('31 December 2027', '31 December 2025');
    expect(codes({ text: expired })).toContain('authorization.expired');
  });

  it('asks a Taobao utility-model complaint for its evaluation report', () => {
    const r = codes(fixture('taobao-utility-model-zh.txt'));
    expect(r).toContain('patent.evaluation_report.missing');
    const withReport = fixture('taobao-utility-model-zh.txt').text.replace('专利证书', '专利证书、专利权评价报告');
    expect(codes({ text: withReport })).not.toContain('patent.evaluation_report.missing');
  });

  it('rejects a filing receipt as proof', () => {
    expect(codes(fixture('filing-receipt-tmall.txt'))).toContain('proof.ipr.filing_receipt');
  });

  it('flags an expired trademark registered outside the listing country', () => {
    const r = codes(fixture('expired-trademark-lazada.txt'));
    expect(r).toEqual(expect.arrayContaining(['ipr.expired', 'jurisdiction.not_accepted']));
    const local = fixture('expired-trademark-lazada.txt').text.replace('Malaysia', 'Singapore').replace('expired on 5 May 2020', 'valid until 5 May 2030');
    expect(codes({ text: local })).toEqual([]);
  });

  it('asks for identity and IPR proof on a marketplace', () => {
    const r = codes({ text: 'We own the trademark LUMA (Trademark Registration No. 33445566, Class 11, China). The listing https://detail.1688.com/offer/123456.html sells counterfeit LUMA lamps.' });
    expect(r).toEqual(expect.arrayContaining(['proof.identity.missing', 'proof.ipr.missing']));
  });

  it('flags URLs from another platform, storefronts that go by email, and the URL limit', () => {
    const base = 'Trademark Registration No. 12345678 (China). Attached: business licence and trademark registration certificate. Counterfeit listings:\n';
    expect(codes({ text: `${base}https://item.taobao.com/item.htm?id=1\nhttps://www.lazada.sg/products/x-i1-s2.html`, platformHint: 'taobao' })).toContain('url.wrong_platform');
    expect(codes({ text: `${base}https://www.aliexpress.com/store/1234567` })).toContain('url.storefront_by_email');
    const many = Array.from({ length: 201 }, (_, i) => `https://item.taobao.com/item.htm?id=${1000 + i}`).join('\n');
    expect(codes({ text: base + many })).toContain('url.over_limit');
  });

  it('checks evidence files against the profile', () => {
    const r = codes({ ...fixture('law-firm-trademark-aliexpress.txt'), attachments: [
      { filename: 'photos.heic', contentType: 'image/heic', size: 1000, sha256: 'b'.repeat(64), text: null },
      { filename: 'poa.pdf', contentType: 'application/pdf', size: 6 * 1024 * 1024, sha256: 'c'.repeat(64), text: null },
    ] });
    expect(r).toEqual(expect.arrayContaining(['evidence.file_type', 'evidence.file_too_large']));
  });

  it('gives counter-notices their own elements and other kinds none', () => {
    const counter = check(fixture('counter-notice-marketplace.txt'));
    expect(counter.elements).toBeNull();
    expect(counter.counterElements).not.toBeNull();
    for (const name of ['retraction.txt', 'auto-reply.txt', 'bounce.txt', 'reply-case.txt', 'spam.txt']) {
      const r = check(fixture(name));
      expect([r.elements, r.counterElements, r.findings]).toEqual([null, null, []]);
    }
  });
});
