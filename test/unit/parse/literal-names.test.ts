import { describe, expect, it } from 'vitest';
import { expandAlias } from '../../../src/parse/owner-sentences.js';
import { hasWord, wordOffsets } from '../../../src/parse/words.js';

// The literal searches replace regular expressions built from each name; the regular expression
// each one replaces is the reference it is compared with, on written cases and on generated texts.
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordByRegex = (text: string, word: string): boolean => new RegExp(`(^|[^\\p{L}])${esc(word)}($|[^\\p{L}])`, 'u').test(text);
const offsetsByRegex = (text: string, word: string): number[] =>
  [...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${esc(word)}(?![\p{L}\p{N}])`, 'gu'))].map((m) => m.index ?? 0);
const definitionByRegex = (text: string, name: string): number => new RegExp(String.raw`\s*\((?:the\s+)?["“']${esc(name)}["”']\)`, 'u').exec(text)?.index ?? -1;

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}
const PIECES = ['Acme', 'acme', 'Acme', 'the', ' ', '  ', '\n', '(', ')', '"', '“', '”', "'", 'x', '7', 'é', '𝐀', '\ud835', '.', ',', 'Inc.', 'WGU'];
function texts(seed: number, n: number): string[] {
  const next = random(seed);
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(next() * 14) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
}

describe('literal search for a name taken from the text', () => {
  it('finds a word that no letter touches, as the regular expression did', () => {
    expect(hasWord('the Acme app', 'Acme')).toBe(true);
    expect(hasWord('Acmeware and acme', 'Acme')).toBe(false);
    expect(hasWord('Acmeware, Acme', 'Acme')).toBe(true);
    expect(hasWord('éAcme', 'Acme')).toBe(false);
    expect(hasWord('7Acme7', 'Acme')).toBe(true);
    expect(hasWord('𝐀Acme', 'Acme')).toBe(false);
    for (const text of texts(7, 3000)) {
      for (const word of ['Acme', 'WGU', 'Inc.', '𝐀']) expect(hasWord(text, word), JSON.stringify([text, word])).toBe(wordByRegex(text, word));
    }
  });

  it('counts mentions clear of letters and digits, one after another, as the regular expression did', () => {
    expect([...wordOffsets('Acme Acme7 Acme', 'Acme', /[\p{L}\p{N}]/u)]).toEqual([0, 11]);
    for (const text of texts(11, 3000)) {
      for (const word of ['Acme', 'Acme Acme', 'the  ']) {
        expect([...wordOffsets(text, word, /[\p{L}\p{N}]/u)], JSON.stringify([text, word])).toEqual(offsetsByRegex(text, word));
      }
    }
  });

  it('reads the full name before a defined short name', () => {
    expect(expandAlias('Western Governors University ("WGU") owns the course.', 'WGU')).toBe('Western Governors University');
    expect(expandAlias('Acme Software Inc. (the “Acme”) holds the rights.', 'Acme')).toBe('Acme Software Inc.');
    expect(expandAlias('Acme Software Inc. (“Acme”', 'Acme')).toBe('Acme');
    expect(expandAlias('WGU is the owner.', 'WGU')).toBe('WGU');
  });

  it('finds a definition where the regular expression found it', () => {
    // expandAlias reads the name ending where the definition starts: the same start gives the same name.
    const marked = (text: string, name: string): string => expandAlias(`Marker Holdings Ltd${text}`, name);
    for (const text of texts(13, 4000)) {
      for (const name of ['Acme', 'WGU', 'the']) {
        const at = definitionByRegex(`Marker Holdings Ltd${text}`, name);
        const want = at < 0 ? name : expandAliasAt(`Marker Holdings Ltd${text}`, name, at);
        expect(marked(text, name), JSON.stringify([text, name])).toBe(want);
      }
    }
  });

  it('reads a defined short name after a 1 MB run of spaces without retrying the run at every offset', () => {
    expect(expandAlias(`Acme Software Inc.${' '.repeat(1 << 20)}("Acme") owns it.`, 'Acme')).toBe('Acme Software Inc.');
    expect(expandAlias(`Acme Software Inc. ${'\t'.repeat(1 << 20)}Acme is the owner.`, 'Acme')).toBe('Acme');
  }, 120_000);
});

/** expandAlias with the definition found at `at` by the reference expression. */
function expandAliasAt(text: string, name: string, at: number): string {
  // The name read before the definition is what expandAlias reads: cut the text there and define the name again right away.
  return expandAlias(`${text.slice(0, at)}("${name}")`, name);
}
