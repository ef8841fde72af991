import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, fixture } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const parse = (text: string) => parseNotice({ text }, { platforms });
const parseFixture = (name: string) => {
  const f = fixture(name);
  return parseNotice({ text: f.text, subject: f.subject }, { platforms });
};

describe('owner and agent in marketplace complaints', () => {
  it('reads an owner whose in-house counsel signs with the company', () => {
    const c = parseFixture('owner-staff-design-patent-aliexpress.txt');
    expect(c).toMatchObject({ platform: 'aliexpress', rightsOwner: 'Lumenpaja Oy', isAgent: false, signature: 'Aino Virtanen' });
    expect(c.agentEvidence?.text).toBe('Product Counsel, Lumenpaja Oy');
    expect(c.complainant).toMatchObject({ phone: '+358 9 5550 4411', address: expect.stringMatching(/^Tehtaankatu 14/) });
  });

  it('reads a Chinese owner that names itself after 专利权人 and signs as 本公司', () => {
    const c = parseFixture('zh-owner-design-patent-taobao.txt');
    expect(c).toMatchObject({ platform: 'taobao', rightsOwner: '宁波竹韵家居用品有限公司', isAgent: false });
    expect(c.complainant.address).toMatch(/天童南路 588 号/);
  });

  it('reads a brand-protection firm acting for its client', () => {
    const c = parseFixture('agent-trademark-lazada-my.txt');
    expect(c).toMatchObject({ platform: 'lazada-my', rightsOwner: 'Guangzhou Jadeflow Cosmetics Co., Ltd.', isAgent: true, signature: 'Farah Aziz' });
  });

  it('reads a Chinese law firm instructed by the owner (受…委托)', () => {
    const c = parseFixture('zh-agent-trademark-1688.txt');
    expect(c).toMatchObject({ platform: '1688', rightsOwner: '深圳市星岚电子科技有限公司', isAgent: true, signature: '北京衡正律师事务所' });
    expect(c.iprs[0]).toMatchObject({ registrationNumber: '27766554', jurisdiction: 'CN', classes: [9], expiresOn: '2028-03-20' });
  });

  it.each([
    ['Tessellate Studio Ltd owns UK registered design No. 6123456 for the tile pattern.', 'Tessellate Studio Ltd'],
    ['Kaveri Textiles Pvt. Ltd., an Indian apparel maker, owns the trademark KAVERI.', 'Kaveri Textiles Pvt. Ltd.'],
    ['我方为“清溪”商标的商标权人浙江清溪茶业有限公司。', '浙江清溪茶业有限公司'],
    ['本所受上海禾木服饰有限公司委托，就“禾木”商标侵权提出投诉。', '上海禾木服饰有限公司'],
  ])('%s', (sentence, owner) => {
    expect(parse(`${sentence}\nhttps://item.taobao.com/item.htm?id=612300000001`).rightsOwner).toBe(owner);
  });

  it('does not take a company named after "Counsel for" in the sign-off as the signer\'s employer', () => {
    const text = 'Hello,\n\nVelora SpA owns the trademark VELORA, registered with EUIPO under No. 018222333.\nhttps://www.aliexpress.com/item/1005001234567890.html\n\nThe information above is accurate.\n\nMarco Bianchi\nCounsel for Velora SpA\nStudio Legale Bianchi, Milano';
    expect(parse(text).isAgent).not.toBe(false);
  });
});

describe('contact information without labels', () => {
  it('counts a phone number and a postal address in the sign-off without an email', () => {
    const text = 'Dear Lazada team,\n\nPT Kopi Merapi is the owner of the trademark MERAPI GOLD, registered with DJKI under registration number IDM000443322 in class 30.\n\nhttps://www.lazada.co.id/products/kopi-merapi-gold-250g-i5550001112.html\n\nWe have a good faith belief the use is unauthorized. The information is accurate.\n\nSalam,\nRina Wulandari\nBrand Manager, PT Kopi Merapi\nJl. Kaliurang 21, Sleman 55581\n+62 274 555 0199';
    const c = parse(text);
    expect(c.complainant).toMatchObject({ email: null, phone: '+62 274 555 0199', address: expect.stringMatching(/^Jl\. Kaliurang 21/) });
    expect(c.isAgent).toBe(false);
  });
});
