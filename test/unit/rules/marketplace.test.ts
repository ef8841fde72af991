import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, withAttachedFiles } from '../parse/builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const parse = (text: string, platformHint: string | null = null) => parseNotice({ text, platformHint }, { platforms });
const check = (text: string, platformHint: string | null = null) => {
  const complaint = parse(text, platformHint);
  return { complaint, result: checkComplaint(withAttachedFiles(complaint), { platforms, now: new Date('2026-12-01') }) };
};
const STATEMENTS = 'I have a good faith belief that this use is not authorized by the owner, its agent, or the law. Under penalty of perjury, the information in this notice is accurate and I am the owner.';

describe('URLs a marketplace cannot act on', () => {
  it('keeps other websites as invalid listings and asks for the platform\'s own listing URLs', () => {
    const text = `Hello,\n\nMy ceramic mug designs are sold without permission on these pages, which I report to Tmall:\n\nhttps://item.jd.com/100012345678.html\nhttps://shopee.sg/Ceramic-mug-i.123.456\n\n${STATEMENTS}\n\nSofia Lindqvist\nStorgatan 4, 111 23 Stockholm`;
    const { complaint, result } = check(text);
    expect(complaint.platform).toBe('tmall');
    expect(complaint.listings.map((l) => [l.kind, l.valid])).toEqual([['other_site', false], ['other_site', false]]);
    const wrong = result.findings.find((f) => f.code === 'url.wrong_platform');
    expect(wrong?.message).toMatch(/send the URL of each infringing Tmall product page/);
  });

  it('keeps a search-results page and an AliExpress.ru listing, each with its finding', () => {
    const text = `Dear AliExpress team,\n\nUnauthorized copies of my crochet patterns are offered here:\n\nhttps://www.aliexpress.com/w/wholesale-amigurumi.html?SearchText=amigurumi+fox\nhttps://aliexpress.ru/item/1005001111111111.html\nhttps://www.aliexpress.com/item/1005002222222222.html\n\n${STATEMENTS}`;
    const { complaint, result } = check(text);
    expect(complaint.listings.map((l) => l.kind)).toEqual(['search', 'other_site', 'listing']);
    const codes = result.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['url.search_page', 'url.redirect_channel']));
    expect(result.findings.find((f) => f.code === 'url.redirect_channel')?.message).toMatch(/aliexpress\.ru/i);
  });

  it('reads Lazada listing URLs next to words like "production"', () => {
    const text = 'The batch numbers on these listings do not exist in our production records:\nhttps://www.lazada.com.my/products/kinta-chili-paste-500g-i3456789012.html\nhttps://www.lazada.com.my/products/kinta-sambal-original-i3456789013.html\nReason: counterfeit.';
    expect(parse(text).listings.map((l) => [l.platform, l.kind])).toEqual([['lazada-my', 'listing'], ['lazada-my', 'listing']]);
  });
});

describe('rights owner phrasing in marketplace complaints', () => {
  it.each([
    ['Brightwave GmbH owns the copyright in the "Tidepool" illustration series.', 'Brightwave GmbH'],
    ['Kinta Foods Sdn. Bhd. is the owner of the trademark KINTA, registered in Malaysia.', 'Kinta Foods Sdn. Bhd.'],
    ['We write on behalf of our client, Vireo Outdoor S.r.l., owner of the trademark VIREO.', 'Vireo Outdoor S.r.l.'],
    ['The copyright holder is Northlight Media, Inc. and I am authorized to act for it.', 'Northlight Media, Inc.'],
    ['我司杭州青禾服饰有限公司是第25类“青禾”商标的商标权人。', '杭州青禾服饰有限公司'],
  ])('%s', (sentence, owner) => {
    expect(parse(`${sentence}\nhttps://item.taobao.com/item.htm?id=1`).rightsOwner).toBe(owner);
  });
});

describe('work and signature in a short marketplace letter', () => {
  it('takes the quoted work and the typed name above the address block', () => {
    const text = `Hello,\n\nI am the designer and copyright owner of the "Sakura Lane" quilting patterns. Pirated copies are sold here:\n\nhttps://www.aliexpress.com/item/1005003333333333.html\n\n${STATEMENTS}\n\nHana Okabe\n3-2-1 Jingumae, Shibuya-ku, Tokyo\n+81 3 5555 0199`;
    const { complaint, result } = check(text);
    expect(complaint.workDescription).toMatch(/Sakura Lane/);
    expect(complaint.signature).toBe('Hana Okabe');
    expect(result.findings.map((f) => f.code)).not.toContain('dmca.signature.missing');
  });
});

describe('platform named in the text', () => {
  it.each([
    ['The copies are listed on Lazada Singapore; I have no listing URL yet.', 'lazada-sg'],
    ['以下淘宝店铺销售假冒商品，请处理。', 'taobao'],
    ['These listings, which I report to Tmall, copy my photos.', 'tmall'],
  ])('%s', (text, platform) => {
    expect(parse(text).platform).toBe(platform);
  });
});
