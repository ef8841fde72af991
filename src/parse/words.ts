/**
 * Literal searches for a name taken from the text (an owner, a company's first word, an alias).
 * A regular expression built from each name would be compiled again for every notice; these
 * read the text with `indexOf` and look at the code points on either side of each occurrence.
 */

/** The code point that ends just before `i` ('' at the start), read as a unicode regular expression reads it. */
export function pointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** The code point that starts at `i` ('' at the end). */
export function pointAt(text: string, i: number): string {
  return i >= text.length ? '' : String.fromCodePoint(text.codePointAt(i)!);
}

/** Whether the occurrence of `word` at `at` neither starts nor ends inside a surrogate pair of `text`. */
function whole(text: string, word: string, at: number): boolean {
  const first = word.charCodeAt(0);
  const last = word.charCodeAt(word.length - 1);
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + word.length);
  if (first >= 0xdc00 && first <= 0xdfff && before >= 0xd800 && before <= 0xdbff) return false;
  return !(last >= 0xd800 && last <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/**
 * Offsets of the occurrences of `word` that no character matching `edge` touches on either side,
 * left to right; `overlap` false skips past each occurrence found, as a global regular expression does.
 */
export function* wordOffsets(text: string, word: string, edge: RegExp, overlap = false): Generator<number> {
  if (!word) return;
  for (let at = text.indexOf(word); at >= 0;) {
    const end = at + word.length;
    const ok = whole(text, word, at) && !edge.test(pointBefore(text, at)) && !edge.test(pointAt(text, end));
    if (ok) yield at;
    at = text.indexOf(word, ok && !overlap ? end : at + 1);
  }
}

const LETTER = /\p{L}/u;

/** Whether `text` holds `word` with no letter right before or after it ("Acme" in "the Acme app", not in "Acmeware"). */
export function hasWord(text: string, word: string): boolean {
  return !wordOffsets(text, word, LETTER, true).next().done;
}
