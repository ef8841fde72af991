import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { URL_ROLE_CONFIDENT } from '../../../src/parse/url-reasons.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const read = (text: string) => parseNotice({ text }, { platforms });

// A vendor's report table pasted as text: one cell per line, a URL column on a site the platform hosts.
const table = (rows: number) => [
  'Dear Team,',
  'We detected the infringing materials on the website of your customer.',
  'Date', 'Customer', 'Product', 'URL',
  ...Array.from({ length: rows }, (_, i) => ['2024/01/02 10:00:00', 'Example Films', `Episode ${i + 1}`, `https://player.example.xyz/watch.html?id=${1000 + i}`]).flat(),
  'Best regards,',
].join('\n');

describe('a list of pages in a notice that names no other target', () => {
  it('reads the entries as targets, each for the reviewer to confirm', () => {
    const c = read(table(3));
    expect(c.listings.map((l) => l.url)).toEqual(['https://player.example.xyz/watch.html?id=1000', 'https://player.example.xyz/watch.html?id=1001', 'https://player.example.xyz/watch.html?id=1002']);
    for (const r of c.urlRoles ?? []) {
      expect(r.reason).toBe('uncued_list_no_target');
      expect(r.confidence).toBeLessThan(URL_ROLE_CONFIDENT);
    }
    const f = checkComplaint(c, { platforms, now: new Date('2026-01-01') }).findings.find((x) => x.code === 'url.role_unsure');
    expect(f?.question).toContain('https://player.example.xyz/watch.html?id=1001 (read as a target');
  });

  it('leaves a single uncued link alone', () => {
    expect(read(table(1)).listings).toEqual([]);
  });

  it('leaves such a list alone when another URL is a target', () => {
    const text = table(2).replace('Dear Team,', 'Dear Team,\nPlease remove the infringing repository https://github.com/copycat/player');
    expect(read(text).listings.map((l) => l.url)).toEqual(['https://github.com/copycat/player']);
  });
});
