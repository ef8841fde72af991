/**
 * Linear-time scanners for shapes that a regular expression would find with
 * backtracking on long runs of letters (a 1 MB display name, a URL of 40,000
 * ".)" pairs). Each one starts from a cheap anchor (an "@", a cue phrase) and
 * reads a bounded distance around it.
 */

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
const DOMAIN_SHAPE = /^[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// RFC 5321 limits: 64 characters before the "@", 255 after it.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

export interface Hit { index: number; text: string }

/** E-mail addresses in order of appearance, read outwards from each "@". */
export function* emailAddresses(text: string): Generator<Hit> {
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > from && at - s < MAX_LOCAL && LOCAL.test(text[s - 1]!)) s--;
    if (s === at) continue;
    let e = at + 1;
    while (e < text.length && e - at <= MAX_DOMAIN && DOMAIN.test(text[e]!)) e++;
    const domain = DOMAIN_SHAPE.exec(text.slice(at + 1, e));
    if (!domain) continue;
    const end = at + 1 + domain[0].length;
    yield { index: s, text: text.slice(s, end) };
    from = end;
    at = end - 1;
  }
}

/**
 * The sentences (cut at "." or a line break) that contain a match of `cue`.
 * `cue` must be global and must not itself cross a "." or a line break.
 */
export function* sentencesWith(text: string, cue: RegExp): Generator<Hit> {
  let last = -1;
  for (const m of text.matchAll(cue)) {
    const at = m.index ?? 0;
    if (at < last) continue;
    const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
    let end = at + m[0].length;
    while (end < text.length && text[end] !== '.' && text[end] !== '\n') end++;
    yield { index: start, text: text.slice(start, end) };
    last = end;
  }
}

/** Blanks every span `hits` yields with spaces, keeping offsets. */
export function blank(text: string, hits: Iterable<Hit>): string {
  let out = '';
  let pos = 0;
  for (const h of hits) {
    if (h.index < pos) continue;
    out += text.slice(pos, h.index) + ' '.repeat(h.text.length);
    pos = h.index + h.text.length;
  }
  return out + text.slice(pos);
}
