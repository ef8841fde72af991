import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { URL_ROLE_CONFIDENT, urlReasonText } from '../../../src/parse/url-reasons.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
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

describe('URLs beside listings on the platform', () => {
  const form = (answer: string, work = 'The original work is our app.') =>
    `**Please provide a detailed description of the original copyrighted work that has allegedly been infringed.**\n\n${work}\n\n**What files should be taken down? Please provide URLs for each file.**\n\n${answer}`;

  it('keeps files offered as evidence in the takedown answer as targets, for a reviewer to confirm', () => {
    const text = form('The whole repository https://github.com/copycat/shop-clone\n\nEvidence of abuse:\nhttps://github.com/copycat/shop-clone/blob/main/cart.js\n\nhttps://github.com/copycat/shop-clone/blob/main/logo.png');
    const c = parseNotice({ text }, { platforms });
    expect(c.listings.map((l) => l.url)).toEqual([
      'https://github.com/copycat/shop-clone',
      'https://github.com/copycat/shop-clone/blob/main/cart.js',
      'https://github.com/copycat/shop-clone/blob/main/logo.png',
    ]);
    const evidence = c.urlRoles?.find((r) => r.url.endsWith('cart.js'));
    expect(evidence?.reason).toBe('evidence_in_takedown_answer');
    expect(evidence?.confidence).toBeLessThan(URL_ROLE_CONFIDENT);
  });

  it('does not take an off-platform page or an account page named in a letter for a target', () => {
    const text = [
      'Dear GitHub,',
      'Our product Fiddle Pro (https://www.fiddlepro.example/download) is copied without permission in https://github.com/copycat/fiddle-pro, which the user https://github.com/helper keeps copying.',
      'Please remove the infringing repository.',
    ].join('\n\n');
    const c = parseNotice({ text }, { platforms });
    expect(c.listings.map((l) => l.url)).toEqual(['https://github.com/copycat/fiddle-pro']);
    expect(c.urlRoles?.find((r) => r.url === 'https://github.com/helper')?.reason).toBe('account_beside_targets');
  });

  it('does not take an off-platform site with an infringement cue beside platform listings for a target', () => {
    const text = 'Dear GitHub,\n\nThe repository https://github.com/copycat/player copies our player. It also links to pirated streams at http://streams.example/live.\n\nPlease remove the repository.';
    const c = parseNotice({ text }, { platforms });
    expect(c.listings.map((l) => l.url)).toEqual(['https://github.com/copycat/player']);
    const off = c.urlRoles?.find((r) => r.url === 'http://streams.example/live');
    expect(off?.role).toBe('ignored');
    expect(off?.reason).toBe('off_platform_beside_targets');
  });

  it('keeps an account page that is the only target', () => {
    const text = 'Dear GitHub,\n\nThe infringement is the use of my photograph as the profile image of https://github.com/copycat without permission. Please remove it.';
    expect(parseNotice({ text }, { platforms }).listings.map((l) => l.url)).toEqual(['https://github.com/copycat']);
  });
});

describe('URLs whose role is not clear go to the reviewer', () => {
  const check = (text: string) => checkComplaint(parseNotice({ text }, { platforms }), { platforms, now: new Date('2026-01-01') });

  it('asks the reviewer about them in one warning, and never blocks the case on it', () => {
    const text = makeNotice({ urls: [], work: '**What files should be taken down? Please provide URLs for each file.**\n\nhttps://github.com/copycat/shop-clone\n\nEvidence of abuse:\nhttps://github.com/copycat/shop-clone/blob/main/cart.js' });
    const f = check(text).findings.find((x) => x.code === 'url.role_unsure');
    expect(f?.severity).toBe('warning');
    expect(f?.question).toContain('https://github.com/copycat/shop-clone/blob/main/cart.js (read as a target: a listing on the platform offered as evidence in the takedown answer)');
    expect(f?.question).not.toContain('https://github.com/copycat/shop-clone (');
    expect(f?.message).toBe('Please confirm whether this URL is to be removed: https://github.com/copycat/shop-clone/blob/main/cart.js.');
  });

  it('says nothing when every role is clear', () => {
    expect(check(makeNotice()).findings.some((x) => x.code === 'url.role_unsure')).toBe(false);
  });
});
