import { cuedMatches, escapeRegExp, latin } from './compiled.js';
import { LEXICONS } from './lexicons.js';
import { lastLines } from './lines.js';
import { pointBefore } from './words.js';

/**
 * Traces of an element that the parser's readings did not accept as the
 * element itself: a word of its lexicon, or a shape (an address, a redacted
 * value, a name closing the letter). An element the parser did not find but
 * whose traces are there may be present in words the parser does not know, so
 * its absence is a question for a reviewer, not a reason to write to the sender.
 */
export type ElementHints = Record<string, string[]>;

const escape = escapeRegExp;

/** One pattern per element over every lexicon: Latin words match whole words, CJK words anywhere. */
function compile(): Map<string, RegExp> {
  const words = new Map<string, string[]>();
  for (const lex of LEXICONS) {
    for (const [element, list] of Object.entries(lex.elementHints)) words.set(element, [...(words.get(element) ?? []), ...list]);
  }
  const out = new Map<string, RegExp>();
  for (const [element, list] of words) {
    const unique = [...new Set(list)].sort((a, b) => b.length - a.length);
    // One word-boundary check around all Latin words, not one per word: the engine then tries the
    // alternatives only where a word starts.
    const latinWords = unique.filter(latin).map((w) => escape(w).replace(/ /g, '[\\s-]+'));
    const cjk = unique.filter((w) => !latin(w)).map(escape);
    const alternatives = [...(latinWords.length > 0 ? [`(?<![\\p{L}\\p{N}])(?:${latinWords.join('|')})(?![\\p{L}\\p{N}])`] : []), ...cjk];
    out.set(element, new RegExp(alternatives.join('|'), 'giu'));
  }
  return out;
}

const WORDS = compile();

// Anchored on the "@" so that a long run of letters is never rescanned from every position.
const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE = /\+?\d[\d ().-]{6,}\d/;
// The one character before the "@" starts every address: the pattern is tried there only.
const EMAIL_AT = new RegExp(EMAIL.source, 'uy');

function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at === 0) continue;
    EMAIL_AT.lastIndex = at - pointBefore(text, at).length;
    if (EMAIL_AT.test(text)) return true;
  }
  return false;
}
const REDACTED = /\[(?:private|redacted|removed)\]/i;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.-]+\/[\w.-]+\b/;
const POSTCODE = /\b[A-Z]{2} \d{5}\b|\b\d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;

/** A short line of capitalised words or a redacted value among the closing lines: a name signing off. */
function closingName(text: string): boolean {
  const lines = lastLines(text, 6, (l) => l.trim().length > 0).map((l) => l.trim());
  return lines.some((l) => {
    const bare = l.replace(/^[-–—_*>\s]+|[*_\s]+$/g, '');
    if (REDACTED.test(bare) && bare.length <= 60) return true;
    return bare.length <= 40 && /^(\p{Lu}[\p{L}.'-]*\s?){2,4}$/u.test(bare);
  });
}

/** A short line starting with a capital just above an e-mail address or a phone number: the sender's name heading their contact block. */
function nameOverContact(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!hasEmail(lines[i]!) && !PHONE.test(lines[i]!)) continue;
    for (let j = Math.max(0, i - 3); j < i; j++) {
      const l = lines[j]!;
      if (l.length >= 3 && l.length <= 40 && /^\p{Lu}[\p{L}.'-]*(?:\s+[\p{L}.'-]+){1,3}$/u.test(l)) return true;
    }
  }
  return false;
}

/** Every trace found in the sender's words, per element: `word:<lexicon entry>` or a shape's name. */
export function findElementHints(text: string): ElementHints {
  const hints: ElementHints = {};
  const add = (element: string, cue: string): void => {
    const list = (hints[element] ??= []);
    if (!list.includes(cue) && list.length < 8) list.push(cue);
  };
  for (const [element, re] of WORDS) {
    // Tried only where one of the words stands, not at every offset (the lookbehind opening the pattern would be).
    for (const m of cuedMatches(text, re)) {
      add(element, `word:${m[0].toLowerCase().replace(/\s+/g, ' ')}`);
      if ((hints[element]?.length ?? 0) >= 8) break;
    }
  }
  if (hasEmail(text)) add('contact_info', 'email');
  if (PHONE.test(text)) add('contact_info', 'phone');
  if (POSTCODE.test(text)) add('contact_info', 'postcode');
  if (REDACTED.test(text)) add('contact_info', 'redacted');
  if (closingName(text)) add('signature', 'closing_name');
  if (nameOverContact(text)) add('signature', 'name_over_contact');
  if (URL.test(text)) {
    add('infringing_material_located', 'url');
    add('material_identified', 'url');
  }
  return hints;
}
