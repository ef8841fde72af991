import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/parse/html.js';
import { findUrls, trimUrl, unwrapUrl, urlKey } from '../../../src/parse/urls.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, fixture, makeNotice } from './builders.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const urlsOf = (text: string) => parseNotice({ text }, { platforms }).listings.map((l) => l.url);

describe('URL grammar', () => {
  it('trims sentence punctuation and markdown but keeps balanced parentheses', () => {
    expect(trimUrl('https://a.example/x).')).toBe('https://a.example/x');
    expect(trimUrl('https://en.wikipedia.org/wiki/Foo_(bar)')).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(findUrls({ source: 'body', text: '[https://a.example/p](https://a.example/p) **https://b.example/q**' }).map((h) => h.url))
      .toEqual(['https://a.example/p', 'https://a.example/p', 'https://b.example/q']);
  });

  it('unwraps safelinks, Google and generic redirects', () => {
    expect(unwrapUrl('https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdetail.tmall.com%2Fitem.htm%3Fid%3D42&data=x')).toBe('https://detail.tmall.com/item.htm?id=42');
    expect(unwrapUrl('https://www.google.com/url?q=https://www.lazada.sg/products/x-i1-s2.html&sa=D')).toBe('https://www.lazada.sg/products/x-i1-s2.html');
    expect(unwrapUrl('https://track.example/click?redirect=https%3A%2F%2Fgithub.com%2Fa%2Fb')).toBe('https://github.com/a/b');
    expect(unwrapUrl('https://github.com/a/b?tab=readme')).toBe('https://github.com/a/b?tab=readme');
  });

  it('compares URLs without scheme case or trailing slash', () => {
    expect(urlKey('HTTP://GitHub.com/Owner/Repo/')).toBe(urlKey('https://github.com/Owner/Repo'));
    expect(urlKey('https://github.com/owner/repo')).not.toBe(urlKey('https://github.com/Owner/Repo'));
  });

  it('keeps HTML link targets when the body is HTML only', () => {
    const text = htmlToText('<p>See <a href="https://github.com/x/y">this repo</a> &amp; more</p>');
    expect(text).toBe('See this repo (https://github.com/x/y) & more');
  });
});

describe('infringing URLs', () => {
  it('de-duplicates in order of first appearance', () => {
    const urls = ['https://github.com/a/b', 'https://github.com/c/d', 'https://github.com/a/b/'];
    expect(urlsOf(makeNotice({ urls }))).toEqual(['https://github.com/a/b', 'https://github.com/c/d']);
  });

  it('leaves out the original work, help pages, screenshots and the sender site', () => {
    const text = makeNotice({
      work: 'The original work is published at https://github.com/ana/harbour and on my website https://photos.example.org.',
      contact: 'Screenshot of the copy: https://i.imgur.com/abc.png\nSee https://docs.github.com/en/site-policy/dmca for the policy.\nWebsite: www.photos.example.org',
    });
    expect(urlsOf(text)).toEqual(['https://github.com/copycat/harbour/blob/main/img/lights-01.jpg', 'https://github.com/copycat/harbour/blob/main/img/lights-02.jpg']);
  });

  it('reads links from HTML and from attachment text', () => {
    const html = readFileSync(join(FIXTURES, 'notice.html'), 'utf8');
    const c = parseNotice({ text: '', html }, { platforms });
    expect(c.listings.map((l) => l.url)).toEqual(['https://www.alibaba.com/product-detail/Wool-Sweater_1600123456789.html']);
    expect(c.originalWorkUrls).toContain('https://www.nordicknit.example/collection');
    const withPdf = parseNotice({
      text: 'Please see the attached complaint letter.',
      attachments: [{ filename: 'complaint.pdf', contentType: 'application/pdf', size: 2000, sha256: 'a'.repeat(64), text: fixture('law-firm-trademark-aliexpress.txt').text }],
    }, { platforms });
    expect(withPdf.listings[0]!.url).toBe('https://www.aliexpress.com/item/1005004123456789.html');
    expect(withPdf.listings[0]!.evidence?.source).toBe('attachment:complaint.pdf');
    expect(withPdf.documents.find((d) => d.kind === 'authorization')?.foundIn).toBe('attachment');
  });

  it('classifies listings against the profiles', () => {
    const c = parseNotice(fixture('law-firm-trademark-aliexpress.txt'), { platforms });
    expect(c.listings.map((l) => [l.kind, l.valid])).toEqual([['listing', true], ['listing', true], ['search', false], ['other_site', false]]);
    expect(c.platform).toBe('aliexpress');
  });
});
