/**
 * Patterns derived from another pattern (the same source with the global flag added) or from
 * profile data (a platform's alias), compiled once and reused for every notice. Each call hands
 * the pattern back with `lastIndex` at 0, so a caller reading it with `exec` starts at the top.
 */

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

interface Cued { cue: RegExp; full: RegExp }
const cued = new WeakMap<RegExp, Map<string, Cued | null>>();

/**
 * The cue of a pattern: each top-level alternative up to `marker` (the costly part, such as a
 * name pattern), or the whole alternative where the marker is not at its top level. Wherever the
 * pattern matches, its cue matches at the same offset; null when some alternative has nothing before the marker.
 */
function cueOf(re: RegExp, marker: string): Cued | null {
  let forRe = cued.get(re);
  if (!forRe) cued.set(re, (forRe = new Map()));
  if (forRe.has(marker)) return forRe.get(marker)!;
  const alts = alternatives(re.source, marker);
  const prefixes = alts.map(({ alt, cut }) => (cut < 0 ? alt : alt.slice(0, cut)));
  const flags = re.flags.replace(/[gy]/g, '');
  const out = prefixes.some((p) => p === '') ? null : { cue: new RegExp(`(?:${prefixes.join(')|(?:')})`, `${flags}g`), full: new RegExp(re.source, `${flags}y`) };
  forRe.set(marker, out);
  return out;
}

/**
 * The same matches as `text.matchAll(re)` for a global `re`, found by trying `re` only where its cue
 * (everything before `marker` in each alternative) matches: the engine then runs the costly part of the
 * pattern at a handful of offsets instead of at every one.
 */
export function* cuedMatches(text: string, re: RegExp, marker: string): Generator<RegExpExecArray> {
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
