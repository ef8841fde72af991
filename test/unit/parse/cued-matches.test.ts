import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cuedMatches, globalOf, withFlags } from '../../../src/parse/compiled.js';
import { ANY_ORG, ci } from '../../../src/parse/names.js';

// cuedMatches must give exactly what a global search gives: compared on every corpus notice
// and on texts written to sit on the edges (overlapping cues, empty matches, surrogate pairs).
const corpus = join(import.meta.dirname, '../../corpus/github-dmca');
const notices = readdirSync(corpus).filter((f) => /\.(md|markdown)$/.test(f)).map((f) => readFileSync(join(corpus, f), 'utf8'));
const NAME = `(${ANY_ORG}`;
const Q = String.raw`["“'‘]?`;
const PATTERNS = [
  new RegExp(String.raw`\b${ci('on behalf of')}(?:[ \t]+|[ \t]*\n[ \t]*)${Q}(${ANY_ORG})`, 'gu'),
  new RegExp(String.raw`(?<!\b${ci('not')} )\b${ci('authori')}[sz]ed ${ci('by')} ${Q}(${ANY_ORG})|受[ \t]*([\u4e00-\u9fff]{2,40}?公司)(?:委托|授权)`, 'gu'),
  new RegExp(String.raw`\b(?:${ci('owned')}|${ci('copyrighted')}) ${ci('by')} ${Q}(${ANY_ORG})|\b${ci('owned')} ${ci('by')} ${ci('the')} (${ANY_ORG})`, 'gu'),
  new RegExp(String.raw`^[ \t*_>-]*(?:${ci('director')}|CEO)[ \t*_]*,[ \t*_]*(${ANY_ORG})[ \t*_]*$`, 'gmu'),
  // A cue that is the whole alternative (the name sits inside a group), and one that can match empty.
  new RegExp(String.raw`\b(?:${ci('employee')} ${ci('of')} (${ANY_ORG}))`, 'gu'),
  /x*(?=y)/gu,
];
const matches = (it: Iterable<RegExpExecArray>): unknown[] => [...it].map((m) => [m.index, [...m]]);

describe('matches found from a cue', () => {
  it('are the matches of the global search on every corpus notice', () => {
    for (const re of PATTERNS) {
      for (const text of notices) expect(matches(cuedMatches(text, re, NAME))).toEqual(matches(text.matchAll(re)));
    }
  });

  it('are the matches of the global search where cues overlap, repeat or sit next to surrogate pairs', () => {
    const texts = [
      'on behalf of on behalf of Acme Inc. and owned by the owned by Beta LLC',
      'not authorized by Acme Inc., authorised by Gamma GmbH; 受某某科技有限公司委托',
      '𝐀on behalf of 𝐀cme Ltd, on behalf of\n"Delta Co., Ltd." 𝐀',
      'CEO, Acme Inc.\n  Director , Beta Ltd \nxxy xy y',
      'employee of Acme Inc. employee of employee of Zeta AG',
    ];
    for (const re of PATTERNS) for (const text of texts) expect(matches(cuedMatches(text, re, NAME))).toEqual(matches(text.matchAll(re)));
  });

  it('are the matches of the global search for a pattern that opens with a lookbehind', () => {
    const words = [
      /(?<![\p{L}\p{N}])(?:good[\s-]+faith|owner|own|sincerely)(?![\p{L}\p{N}])|联系|电话/giu,
      /(?<!\bnot )(?<=\s)authori[sz]ed\b|(?<![\w.])github\.com/gi,
    ];
    const texts = ['owner own ownership 𝐀own 7own own7 good  faith\ngood-faith 联系电话', 'not authorized, authorised by github.com or my.github.com xx', ...notices];
    for (const re of words) for (const text of texts) expect(matches(cuedMatches(text, re))).toEqual(matches(text.matchAll(re)));
  });

  it('gives each pattern with the flags asked once, reset to the start', () => {
    const re = /acme/i;
    const g = globalOf(re);
    g.exec('acme acme');
    expect(globalOf(re)).toBe(g);
    expect(g.lastIndex).toBe(0);
    expect(withFlags(re, 'gi').flags).toBe('gi');
  });
});

describe('an e-mail address among the element traces', () => {
  it('is found where the address pattern finds one, read from each "@"', async () => {
    const { findElementHints } = await import('../../../src/parse/element-hints.js');
    const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
    const pieces = ['a', '@', '.', 'io', '𝐀', '\ud835', ' ', '-', 'é', '7', '@@', 'x.co'];
    let seed = 5;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(findElementHints(text).contact_info?.includes('email') ?? false, JSON.stringify(text)).toBe(EMAIL.test(text));
    }
  });
});
