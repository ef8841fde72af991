/**
 * Line bounds by position, from one index of the line breaks of a text. A scan
 * back to the previous "\n" for each of many URLs on one long line would take
 * time quadratic in the line's length.
 */

let indexed: string | null = null;
let breaks: number[] = [];

function breaksOf(text: string): number[] {
  if (text !== indexed) {
    breaks = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
    indexed = text;
  }
  return breaks;
}

/** Index of the first line break at or after `pos`, or -1 (as `text.indexOf('\n', pos)`). */
function breakAtOrAfter(text: string, pos: number): number {
  const b = breaksOf(text);
  let lo = 0, hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < b.length ? b[lo]! : -1;
}

/** Start of the line holding `pos`. */
export function lineStartAt(text: string, pos: number): number {
  const b = breaksOf(text);
  let lo = 0, hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? b[lo - 1]! + 1 : 0;
}

/** End of the line holding `pos` (the index of its "\n", or the text's length). */
export function lineEndAt(text: string, pos: number): number {
  const at = breakAtOrAfter(text, pos);
  return at < 0 ? text.length : at;
}

/** The text from the start of the line holding `pos` up to `pos`, at most `max` characters of it. */
export function lineLead(text: string, pos: number, max = 400): string {
  return text.slice(Math.max(lineStartAt(text, pos), pos - max), pos);
}

/**
 * The last `n` lines of a text that `keep` accepts, in order (as `text.split('\n').filter(keep).slice(-n)`),
 * read backwards from the end: a sign-off is read without splitting the whole letter.
 */
export function lastLines(text: string, n: number, keep: (line: string) => boolean): string[] {
  const out: string[] = [];
  let end = text.length;
  while (out.length < n) {
    const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (keep(line)) out.unshift(line);
    if (start === 0) break;
    end = start - 1;
  }
  return out;
}
