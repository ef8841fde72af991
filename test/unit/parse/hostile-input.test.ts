import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { LIMITS } from '../../../src/parse/limits.js';
import { trimUrl } from '../../../src/parse/urls.js';

// Inputs that used to hold the process for minutes (backtracking over long runs);
// each must now come back within the generous timeout. No speed is asserted.
const MB = 1 << 20;
const LONG = 120_000;

describe('hostile input to the parser', () => {
  it('reads a 1 MB run of address characters without an e-mail in it', () => {
    const c = parseNotice({ text: `Contact: ${'a'.repeat(MB)}\n\nreach me at ana@photos.example.org` });
    expect(c.complainant.email).toBe('ana@photos.example.org');
  }, LONG);

  it('reads a 1 MB URL and a 1 MB line of words', () => {
    const c = parseNotice({ text: `https://github.com/${'a'.repeat(MB)}\n\n${'we are '.repeat(MB / 7)}` });
    expect(c.kind).toBeDefined();
  }, LONG);

  it('trims 20,000 trailing ".)" pairs from a URL in one pass', () => {
    expect(trimUrl(`https://x.example/a${'.)'.repeat(20_000)}`)).toBe('https://x.example/a');
    expect(trimUrl('https://en.example/wiki/Foo_(bar).')).toBe('https://en.example/wiki/Foo_(bar)');
    const c = parseNotice({ text: `Remove https://github.com/copycat/repo${'.)'.repeat(40_000)}` });
    expect(c.listings.map((l) => l.url)).toEqual(['https://github.com/copycat/repo']);
  }, LONG);

  it('reads storms of scheme-less hosts and defanged dots', () => {
    const c = parseNotice({ text: `Remove ${'a.com/'.repeat(200_000)}\n${'x[.]'.repeat(250_000)}\n${'b-'.repeat(400_000)}.co/x` });
    expect(c.kind).toBeDefined();
  }, LONG);

  it('reads 70,000 URLs on one 1 MB line', () => {
    const c = parseNotice({ text: `Please remove: ${'https://a.example/x '.repeat(MB / 20)}` });
    expect(c.kind).toBeDefined();
  }, LONG);

  it('reads storms of legal suffixes and company names', () => {
    const storm = 'Inc. Ltd. Co. '.repeat(3_000);
    const c = parseNotice({ text: `Dear Sir,\n\n${storm}\n\nRegards\n${storm}\n\n${'Acme Inc. '.repeat(20_000)} is the copyright owner.` });
    expect(c.kind).toBeDefined();
  }, LONG);

  it('reads a 1 MB display name and caps what it keeps of it', () => {
    const c = parseNotice({ text: 'I own the photo.', from: { name: 'A'.repeat(MB), address: 'ana@photos.example.org' } });
    expect((c.complainant.name ?? '').length).toBeLessThanOrEqual(LIMITS.fromName);
  }, LONG);
});
