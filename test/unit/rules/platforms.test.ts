import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../../src/rules/classify-url.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from '../parse/builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const cls = (url: string) => {
  const c = classifyUrl(url, platforms);
  return [c.platform, c.kind];
};

describe('platform profiles', () => {
  it('ships every seeded platform and the code host', () => {
    expect(platforms.map((p) => p.id).sort()).toEqual(['1688', 'alibaba', 'aliexpress', 'github', 'lazada-id', 'lazada-my', 'lazada-ph', 'lazada-sg', 'lazada-th', 'lazada-vn', 'taobao', 'tmall', 'tmall-global']);
    const taobao = platforms.find((p) => p.id === 'taobao')!;
    expect(taobao.urlLimit).toEqual({ perComplaint: 200, bulk: 800 });
    expect(taobao.evidenceFiles.maxBytes).toBe(5 * 1024 * 1024);
  });

  it('rejects a broken profile with the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    const good = JSON.parse(readFileSync(join(PLATFORMS_DIR, 'tmall.json'), 'utf8'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...good, urlPatterns: { listing: ['(unclosed'] } }));
    await expect(loadPlatforms(dir)).rejects.toThrow(/bad\.json.*regular expression/);
  });

  it('classifies marketplace URLs', () => {
    expect(cls('https://item.taobao.com/item.htm?id=612345678901')).toEqual(['taobao', 'listing']);
    expect(cls('https://s.taobao.com/search?q=lamp')).toEqual(['taobao', 'search']);
    expect(cls('https://detail.tmall.com/item.htm?id=1')).toEqual(['tmall', 'listing']);
    expect(cls('https://detail.tmall.hk/hk/item.htm?id=1')).toEqual(['tmall-global', 'listing']);
    expect(cls('https://detail.1688.com/offer/123456.html')).toEqual(['1688', 'listing']);
    expect(cls('https://www.alibaba.com/product-detail/Lamp_1600.html')).toEqual(['alibaba', 'listing']);
    expect(cls('https://www.aliexpress.com/store/1234567')).toEqual(['aliexpress', 'storefront']);
    expect(cls('https://www.lazada.co.th/products/x-i12-s34.html')).toEqual(['lazada-th', 'listing']);
    expect(cls('https://www.lazada.vn/catalog/?q=lamp')).toEqual(['lazada-vn', 'search']);
    expect(cls('https://shop.example.com/item/1')).toEqual([null, 'other_site']);
  });

  it('marks pages that list other items, and account pages that name who holds listings, from the profile', () => {
    expect(classifyUrl('https://github.com/copycat/engine/network/members', platforms).itemList).toBe(true);
    expect(classifyUrl('https://github.com/copycat/engine/forks', platforms).itemList).toBe(true);
    expect(classifyUrl('https://github.com/copycat/engine', platforms).itemList).toBeUndefined();
    expect(classifyUrl('https://github.com/copycat/engine/blob/main/network/members.ts', platforms).itemList).toBeUndefined();
    expect(classifyUrl('https://github.com/copycat', platforms).holderAccount).toBe(true);
    expect(classifyUrl('https://www.aliexpress.com/store/1234567', platforms).holderAccount).toBeUndefined();
  });

  it('sends AliExpress.ru to its own channel', () => {
    const c = classifyUrl('https://aliexpress.ru/item/1.html', platforms);
    expect(c.redirect?.channel).toMatch(/aliexpress\.ru/);
    expect(c.valid).toBe(false);
  });

  it('treats any repository or file of the code host as a listing, not its help pages', () => {
    expect(cls('https://github.com/a/b/blob/main/x.c')).toEqual(['github', 'listing']);
    expect(cls('https://a.github.io/site/')).toEqual(['github', 'listing']);
    expect(cls('https://raw.githubusercontent.com/a/b/main/x.json')).toEqual(['github', 'listing']);
    expect(cls('https://gist.github.com/a/123')).toEqual(['github', 'listing']);
    expect(classifyUrl('https://docs.github.com/en/site-policy', platforms).ownPage).toBe(true);
    expect(classifyUrl('https://github.com/github/dmca/blob/master/README.md', platforms).ownPage).toBe(true);
  });
});
