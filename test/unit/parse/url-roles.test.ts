import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { URL_ROLE_CONFIDENT, urlReasonText } from '../../../src/parse/url-reasons.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, makeNotice } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const rolesOf = (text: string) => parseNotice({ text }, { platforms }).urlRoles ?? [];

describe('URL roles', () => {
  it('gives every URL a role, a reason code, the reason in words and a confidence', () => {
    const roles = rolesOf(makeNotice());
    expect(roles.map((r) => [r.url, r.role])).toEqual([
      ['https://photos.example.org/harbour-lights', 'original'],
      ['https://github.com/copycat/harbour/blob/main/img/lights-01.jpg', 'infringing'],
      ['https://github.com/copycat/harbour/blob/main/img/lights-02.jpg', 'infringing'],
    ]);
    for (const r of roles) {
      expect(r.because).toBe(urlReasonText(r.reason as never));
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.evidence?.source).toBe('body');
    }
  });

  it('names a licence file cited for its terms as a licence link, never a target', () => {
    const text = makeNotice({ work: 'The code is ours and released under https://github.com/ana/harbour/blob/main/LICENSE, which the copy breaks.' });
    const licence = rolesOf(text).find((r) => r.url.endsWith('/LICENSE'));
    expect(licence?.role).toBe('licence');
    expect(licence?.reason).toBe('licence_file');
  });

  it("calls the sender's own domain the sender's site", () => {
    const c = parseNotice({ text: makeNotice({ contact: 'Website: https://photos.example.org/about' }), from: { address: 'ana@photos.example.org', name: null } }, { platforms });
    expect(c.urlRoles?.find((r) => r.url === 'https://photos.example.org/about')?.role).toBe('sender_site');
  });

  it('is confident of URLs listed in the takedown answer of a form', () => {
    const text = 'What files should be taken down? Please provide URLs for each file.\n\nhttps://github.com/copycat/harbour\n\nhttps://github.com/mirror/harbour';
    const roles = rolesOf(text);
    expect(roles.map((r) => r.role)).toEqual(['infringing', 'infringing']);
    for (const r of roles) expect(r.confidence).toBeGreaterThanOrEqual(URL_ROLE_CONFIDENT);
  });
});
