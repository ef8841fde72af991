/**
 * Patterns derived from another pattern (the same source with the global flag added) or from
 * profile data (a platform's alias), compiled once and reused for every notice. Each call hands
 * the pattern back with `lastIndex` at 0, so a caller reading it with `exec` starts at the top.
 */

/** A literal string as a pattern source: every character that means something in a pattern escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A lexicon word or phrase as a pattern source whose spaces stand for any run of white space (a wrapped line). */
export const spacedLiteral = (s: string): string => escapeRegExp(s).replace(/ /g, '\\s+');

/** Whether a lexicon word is written in Latin letters (matched as whole words) rather than another script (matched anywhere). */
export const latin = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);

const byFlags = new WeakMap<RegExp, Map<string, RegExp>>();

/** `re` with exactly `flags`, compiled once. */
export function withFlags(re: RegExp, flags: string): RegExp {
  let forRe = byFlags.get(re);
  if (!forRe) byFlags.set(re, (forRe = new Map()));
  let out = forRe.get(flags);
  if (!out) forRe.set(flags, (out = new RegExp(re.source, flags)));
  out.lastIndex = 0;
  return out;
}

/** `re` with the global flag, compiled once. */
export function globalOf(re: RegExp): RegExp {
  return withFlags(re, re.flags.includes('g') ? re.flags : re.flags + 'g');
}

const bySource = new Map<string, RegExp>();

/** A pattern built from data (`source` and `flags`), compiled once; the data is the platform profiles, a bounded set. */
export function compiledOnce(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let out = bySource.get(key);
  if (!out) bySource.set(key, (out = new RegExp(source, flags)));
  out.lastIndex = 0;
  return out;
}

/** The top-level alternatives of a pattern source, and for each the offset where `marker` starts outside any group (-1: nowhere). */
function alternatives(source: string, marker: string): { alt: string; cut: number }[] {
  const out: { alt: string; cut: number }[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  let cut = -1;
  for (let i = 0; i <= source.length; i++) {
    const ch = source[i];
    if (i === source.length || (ch === '|' && depth === 0 && !inClass)) {
      out.push({ alt: source.slice(start, i), cut: cut < 0 ? -1 : cut - start });
      start = i + 1;
      cut = -1;
      continue;
    }
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (depth === 0 && cut < 0 && source.startsWith(marker, i)) cut = i;
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
  }
  return out;
}

/** The end of the group opening at `open` in a pattern source (the offset after its closing parenthesis). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** An alternative without the lookbehind assertions it opens with: they hold no character, so what follows them starts at the same offset. */
function withoutLeadingLookbehind(alt: string): string {
  let out = alt;
  while (out.startsWith('(?<!') || out.startsWith('(?<=')) out = out.slice(groupEnd(out, 0));
  return out;
}

interface Cued { cue: RegExp; full: RegExp }
const cued = new WeakMap<RegExp, Map<string, Cued | null>>();

/**
 * The cue of a pattern: each top-level alternative up to `marker` (the costly part, such as a
 * name pattern), or without `marker` each alternative without the lookbehind it opens with.
 * Wherever the pattern matches, its cue matches at the same offset. Null when the cue would
 * leave nothing out, or leave nothing: the pattern is then searched as it is.
 */
function cueOf(re: RegExp, marker: string | undefined): Cued | null {
  let forRe = cued.get(re);
  if (!forRe) cued.set(re, (forRe = new Map()));
  const key = marker ?? '';
  if (forRe.has(key)) return forRe.get(key)!;
  const alts = alternatives(re.source, marker ?? '\0');
  const flags = re.flags.replace(/[gy]/g, '');
  let prefixes: string[] | null;
  if (marker) {
    // A cue only pays where it leaves the costly part out of every alternative.
    prefixes = alts.some(({ cut }) => cut <= 0) ? null : alts.map(({ alt, cut }) => alt.slice(0, cut));
  } else {
    // A lookbehind opening a pattern is tried at every offset before anything else: the cue leaves it out.
    const bare = alts.map(({ alt }) => withoutLeadingLookbehind(alt));
    prefixes = bare.some((b) => b === '') || bare.every((b, i) => b === alts[i]!.alt) ? null : bare;
  }
  const out = prefixes ? { cue: new RegExp(`(?:${prefixes.join(')|(?:')})`, `${flags}g`), full: new RegExp(re.source, `${flags}y`) } : null;
  forRe.set(key, out);
  return out;
}

/**
 * The same matches as `text.matchAll(re)` for a global `re`, found by trying `re` only where its cue
 * (everything before `marker` in each alternative, or everything after a leading lookbehind) matches:
 * the engine then runs the costly part of the pattern at a handful of offsets instead of at every one.
 */
export function* cuedMatches(text: string, re: RegExp, marker?: string): Generator<RegExpExecArray> {
  const c = cueOf(re, marker);
  if (!c) {
    yield* text.matchAll(re);
    return;
  }
  const unicode = re.flags.includes('u') || re.flags.includes('v');
  const step = (at: number): number => {
    if (!unicode) return at + 1;
    const cu = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    return cu >= 0xd800 && cu <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
  };
  let pos = 0;
  while (pos <= text.length) {
    c.cue.lastIndex = pos;
    const hit = c.cue.exec(text);
    if (!hit) return;
    c.full.lastIndex = hit.index;
    const m = c.full.exec(text);
    if (!m) {
      pos = step(hit.index);
      continue;
    }
    yield m;
    pos = m[0].length > 0 ? m.index + m[0].length : step(m.index);
  }
}

const LINE_TERMINATORS = new Set(['\n', '\r', '\u2028', '\u2029']);

/**
 * The same matches as `text.matchAll(re)` for a global multiline `re` whose matches start at a line start
 * (`^`) and never cross a "\n", and always hold `needle`: the pattern is tried only at the line starts of
 * the lines that hold it. A pattern with runs of spaces that a blanked prompt line would make it retry at
 * length is then never run on such a line.
 */
export function* matchesOnLinesWith(text: string, re: RegExp, needle: string): Generator<RegExpExecArray> {
  const sticky = withFlags(re, re.flags.replace('g', '') + 'y');
  let from = 0;
  for (let at = text.indexOf(needle); at >= 0;) {
    const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 ? text.length : next;
    for (let q = Math.max(lineStart, from); q < lineEnd; q++) {
      if (q !== lineStart && !LINE_TERMINATORS.has(text[q - 1]!)) continue;
      sticky.lastIndex = q;
      const m = sticky.exec(text);
      if (!m) continue;
      yield m;
      from = m.index + m[0].length;
      q = from - 1;
    }
    if (next < 0) return;
    at = text.indexOf(needle, next + 1);
  }
}
