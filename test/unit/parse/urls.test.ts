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

  const found = (text: string) => findUrls({ source: 'body', text }).map((h) => h.url);

  it('reads a host with a path written without a scheme, but not a file name or an address', () => {
    expect(found('Repository: gist.github.com/ana/186bcc47#file-keys and (github.com/copycat/harbour/)'))
      .toEqual(['https://gist.github.com/ana/186bcc47#file-keys', 'https://github.com/copycat/harbour/']);
    expect(found('See config.js, node.js/express, ana@photos.example.org/x and github.com alone.')).toEqual([]);
    expect(urlKey('github.com/Owner/Repo/')).toBe(urlKey('https://github.com/Owner/Repo'));
  });

  it('reads defanged URLs as the URL they stand for', () => {
    expect(found('Mirror: hxxps://copycat[.]example/harbour and copycat(.)example/files, shop[.]example'))
      .toEqual(['https://copycat.example/harbour', 'https://copycat.example/files', 'https://shop.example']);
  });

  it('joins a URL that a mail program broke across lines', () => {
    const text = [
      'Every file in',
      'https://github.com/copycat/harbour/tree/master/server/pentaho',
      '-solutions/system/analyzer',
      '',
      'https://github.com/copycat/harbour/blob/master/',
      'content/js/gallery.min.js',
      '',
      '<https://github.com/copycat/harbour/tree/master/jar_sandbox/harbour-dash',
      'board-4.8.0-GA> and more',
      'https://github.com/copycat/harbour/blob/master/src/Main.java',
      'docs/README.md',
      'https://github.com/copycat/one',
      'https://github.com/copycat/two',
    ].join('\n');
    expect(found(text)).toEqual([
      'https://github.com/copycat/harbour/tree/master/server/pentaho-solutions/system/analyzer',
      'https://github.com/copycat/harbour/blob/master/content/js/gallery.min.js',
      'https://github.com/copycat/harbour/tree/master/jar_sandbox/harbour-dashboard-4.8.0-GA',
      'https://github.com/copycat/harbour/blob/master/src/Main.java',
      'https://github.com/copycat/one',
      'https://github.com/copycat/two',
    ]);
  });

  it('reads URLs in angle brackets and markdown links without their brackets', () => {
    expect(found('<https://github.com/a/b> [the fork](https://github.com/c/d) [https://github.com/e/f](https://github.com/e/f)'))
      .toEqual(['https://github.com/a/b', 'https://github.com/c/d', 'https://github.com/e/f', 'https://github.com/e/f']);
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

  it("takes a repository's clone URL for the repository page, and nothing else ending in .git", () => {
    expect(urlKey('https://github.com/copycat/harbour.git')).toBe(urlKey('https://github.com/copycat/harbour'));
    expect(urlKey('github.com/copycat/harbour.git/')).toBe(urlKey('https://github.com/copycat/harbour'));
    expect(urlKey('https://github.com/copycat/harbour/blob/main/a.git')).toBe('https://github.com/copycat/harbour/blob/main/a.git');
    expect(urlKey('https://example.git')).toBe('https://example.git');
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

describe('takedown targets in letters', () => {
  it('keeps an unencoded file name with spaces and brackets to its extension', () => {
    const text = 'Examples of locations where infringing copies can be found:\nhttps://github.com/shelf/books/blob/master/Fluid Mechanics [3rd ed], Vol. 2.pdf\n- https://github.com/shelf/books/blob/master/plain.pdf see above';
    expect(urlsOf(text)).toEqual(['https://github.com/shelf/books/blob/master/Fluid Mechanics [3rd ed], Vol. 2.pdf', 'https://github.com/shelf/books/blob/master/plain.pdf']);
  });

  it('shares the lead-in of a list with every URL in it', () => {
    const text = 'My photographs are used without permission on the following pages:\n\nhttps://shop-one.example/p/1\nhttps://shop-two.example/item/2\nhttps://shop-three.example/x/3';
    expect(urlsOf(text)).toEqual(['https://shop-one.example/p/1', 'https://shop-two.example/item/2', 'https://shop-three.example/x/3']);
  });

  it('leaves out the platform home page and sites named for background', () => {
    const text = 'To: www.github.com\n\nWhat files should be taken down?\n\nThe whole repository https://github.com/copycat/harbour. Its promotion site at https://harbour-hacks.example links to it (see, e.g., https://harbour-hacks.example/faq).';
    expect(urlsOf(makeNotice({ urls: [], work: text }))).toEqual(['https://github.com/copycat/harbour']);
  });

  it('keeps the listing when the lead-in names the URL and its screenshots', () => {
    const text = 'The following is the URL and screenshots of my forked repository:\n\nhttps://github.com/copycat/harbour\n\nhttps://github.com/mirror/harbour';
    expect(urlsOf(makeNotice({ urls: [], work: text }))).toEqual(['https://github.com/copycat/harbour', 'https://github.com/mirror/harbour']);
  });
});

describe('details and gone pages are no targets', () => {
  it('keeps a listed repository but not a file named in passing inside it', () => {
    const text = [
      'Dear GitHub,',
      'Material infringing our copyright appears in the repositories below.',
      '1. Infringed URL: https://github.com/leaker/shop-backend',
      'Solution: Take down the whole repository.',
      'Description: Leaked code of our shop. Our access keys could be found in https://github.com/leaker/shop-backend/blob/master/config/keys.js and more.',
      '2. Infringed URL:',
      'a) https://github.com/leaker/tools/tree/master/deploy',
      'b) https://github.com/leaker/tools/blob/master/deploy/run.sh',
      'We have a good faith belief that use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law.',
      'Sincerely,\n\n[private], on behalf of\nExample Robotics Co., Ltd.',
    ].join('\n\n');
    expect(urlsOf(text)).toEqual([
      'https://github.com/leaker/shop-backend',
      'https://github.com/leaker/tools/tree/master/deploy',
      'https://github.com/leaker/tools/blob/master/deploy/run.sh',
    ]);
  });

  it('skips the parent repository that was previously available', () => {
    const text = makeNotice({ urls: ['https://github.com/fork-one/engine', 'https://github.com/fork-two/engine'] })
      .replace('https://github.com/fork-two/engine', 'https://github.com/fork-two/engine\n\nThese are forks of the entire repository previously available at https://github.com/origin-user/engine');
    expect(urlsOf(text)).toEqual(['https://github.com/fork-one/engine', 'https://github.com/fork-two/engine']);
  });
});
