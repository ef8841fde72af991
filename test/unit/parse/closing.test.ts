import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../src/parse/sections.js';
import { findSignature } from '../../../src/parse/signature.js';
import { findStatements } from '../../../src/parse/statements.js';

const src = (text: string) => ({ source: 'body', text });
const signature = (text: string) => findSignature(src(text), splitSections(text))?.name ?? null;

describe('good-faith and accuracy statements in marketplace wording', () => {
  it.each([
    'I state in good faith that the bags offered there are not licensed by Alpenrose AG.',
    'We declare in good faith that the sellers use the mark without authorization.',
    'We confirm in good faith that these listings are unauthorised.',
  ])('%s', (text) => {
    expect(findStatements(src(text)).goodFaith.present).toBe(true);
  });

  it('keeps a Chinese truthfulness undertaking apart from a good-faith statement', () => {
    const s = findStatements(src('我司保证上述材料真实、准确，如有不实，愿承担相应的法律责任。'));
    expect(s.accuracy.present).toBe(true);
    expect(s.goodFaith.present).toBe(false);
  });

  it('does not take "good faith" alone for the statement', () => {
    expect(findStatements(src('We have always dealt with sellers in good faith.')).goodFaith.present).toBe(false);
  });
});

describe('a closing block without "Regards"', () => {
  it('takes the typed name above a title line that names the company', () => {
    const text = 'Dear team,\n\nThe listings copy our registered design.\n\nThe information above is accurate.\n\nMaja Lindholm\nIP Manager, Fjord Living AS\nStrandgata 12, 0150 Oslo, Norway\nmaja.lindholm@fjordliving.example';
    expect(signature(text)).toBe('Maja Lindholm');
  });

  it('reads the block above quoted history', () => {
    const text = 'Hello,\n\nplease remove the two listings below.\n\nRahul Mehta\nBrand Protection Lead, Saffron Threads Pvt. Ltd.\n+91 22 5550 7788\n\n-----Original Message-----\nFrom: desk@platform.example\n\nWe received your notice and will review it.';
    expect(signature(text)).toBe('Rahul Mehta');
  });

  it('does not take a name line without a title under it', () => {
    expect(signature('Hello,\n\nhow long does a review take?\n\nSunny Days\nSummer Sale')).toBeNull();
  });
});
