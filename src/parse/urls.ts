import { lineEndAt, lineLead, lineStartAt } from './lines.js';
import type { SourceText } from './span.js';

/** A URL as it occurs in a text: `raw` is the matched string, `url` the cleaned target. */
export interface UrlHit {
  url: string;
  raw: string;
  start: number;
  end: number;
}

const REDIRECT_PARAMS = ['url', 'u', 'q', 'target', 'redirect', 'redirect_url', 'dest', 'destination', 'link'];

const TRAILING_CHARS = new Set([...'.,;:!?*_~)>\'"’”。，；：！？、）']);

/** Drops trailing punctuation that belongs to the sentence, keeping balanced parentheses. One pass from the end. */
export function trimUrl(raw: string): string {
  let open = 0;
  let close = 0;
  for (const ch of raw) {
    if (ch === '(') open++;
    else if (ch === ')') close++;
  }
  let end = raw.length;
  while (end > 0 && TRAILING_CHARS.has(raw[end - 1]!)) {
    // A `)` that closes a parenthesis opened inside the URL (Wikipedia-style) stays.
    if (raw[end - 1] === ')') {
      if (open >= close) break;
      close--;
    }
    end--;
  }
  return raw.slice(0, end);
}

/**
 * Follows tracking and safe-link wrappers (Outlook safelinks, Google redirect,
 * any `?url=https://...` hop) to the URL the sender meant.
 */
export function unwrapUrl(url: string): string {
  let current = url;
  for (let i = 0; i < 3; i++) {
    let parsed: URL;
    try {
      parsed = new URL(/^www\./i.test(current) ? `http://${current}` : current);
    } catch {
      return current;
    }
    let next: string | null = null;
    for (const p of REDIRECT_PARAMS) {
      const v = parsed.searchParams.get(p);
      if (v && /^(https?:\/\/|www\.)/i.test(v)) {
        next = v;
        break;
      }
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Key used to compare URLs: scheme and host are case-insensitive, a trailing slash does not matter. */
export function urlKey(url: string): string {
  let u = url.trim().replace(/^<|>$/g, '');
  u = u.replace(/^http:\/\//i, 'https://').replace(/^www\./i, 'https://www.');
  // "github.com/owner/repo" names the same page as "https://github.com/owner/repo".
  if (!/^[a-z][a-z0-9+.-]*:/i.test(u) && HOST_SHAPE.test(u.split(/[/?#]/, 1)[0]!)) u = `https://${u}`;
  const m = /^(https:\/\/)([^/?#]+)(.*)$/i.exec(u);
  if (m) u = m[1]!.toLowerCase() + m[2]!.toLowerCase() + (m[3] ?? '');
  u = u.replace(/\/+$/, '').replace(/#$/, '');
  // A repository's clone URL ("https://host/owner/repo.git") names the repository page.
  return u.replace(/^(https:\/\/[^/]+\/[^/?#]+\/[^/?#]+?)\.git$/i, '$1');
}

export function hostOf(url: string): string | null {
  try {
    return new URL(/^www\./i.test(url) ? `http://${url}` : url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

// File names in download paths are often pasted unencoded: "…/blob/master/Core Java Volume I, 10th Edition.pdf".
const FILE_TAIL = /^[^\n]*?\.(pdf|epub|mobi|azw3?|djvu|chm|zip|rar|7z|tar|gz|docx?|xlsx?|pptx?|txt|mp3|mp4|mkv|avi|jpe?g|png|gif|apk|exe|dmg|iso|bin)(?=[ \t]*$)/i;

/** A URL alone on its line whose unencoded file name runs on with spaces or brackets to a file extension. */
function fileNameTail(text: string, start: number, end: number): number {
  if (!/\/(blob|raw|tree|releases|download|files?|uploads?)\//i.test(text.slice(start, end))) return end;
  if (!/^[\s\-*•●>\d.)]*$/.test(lineLead(text, start))) return end;
  const rest = text.slice(end, lineEndAt(text, end));
  if (!rest.trim() || /https?:|www\./i.test(rest)) return end;
  const m = FILE_TAIL.exec(rest);
  return m ? end + m[0].length : end;
}

/** Characters a URL runs over; it stops at whitespace, angle brackets, quotes and markdown link brackets. */
const BODY = /[^\s<>"'`“”‘’\[\]{}|\\^]*/y;
const MAX_URL = 4096;
// Defanged dots and colons ("example[.]com", "hxxps[:]//"), written so a link cannot be clicked by mistake.
const DEFANG = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[:\]/iy;
const refang = (raw: string): string =>
  raw.replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.').replace(/\[:\]/g, ':').replace(/^h(?:xx|\*\*)p(s?):/i, 'http$1:');
// Scheme (plain or defanged) or www., the start of a URL as senders write it.
const SCHEME = /\b(?:h(?:tt|xx|\*\*)ps?(?:\[:\]|:)\/\/|www\.)/gi;
// A host written without a scheme ("github.com/owner/repo", "example[.]com"): found from its dot and read outwards.
const HOST_ANCHOR = /\[\.\]|\(\.\)|\[dot\]|\.(?:com|net|org|io|co|me|info|biz|app|dev|xyz|ru|cn|de|uk|jp|fr|in|br|it|es|nl|pl|tv|cc|ly|gg|us|eu|ca|au|kr|tw|hk|sg|vn|tr|ua|to|site|online|store|shop|top|club|pro|link|page|cloud|ai)\//gi;
const HOST_CHAR = /[A-Za-z0-9.-]/;
const HOST_SHAPE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;

/** Reads URL characters from `at`, stepping over (a bounded number of) defanged dots. */
function readBody(text: string, at: number): number {
  let end = at;
  for (let steps = 0; steps < 16; steps++) {
    BODY.lastIndex = end;
    end += BODY.exec(text)?.[0].length ?? 0;
    DEFANG.lastIndex = end;
    const d = DEFANG.exec(text);
    if (!d) break;
    end += d[0].length;
  }
  return end;
}

/**
 * Start of a scheme-less host that ends at `at`, walking back over host characters
 * and defanged dots, no further than `floor` (where the previous walk began).
 */
function hostStart(text: string, at: number, floor: number): number {
  let s = at;
  while (s > floor && at - s < 253) {
    if (HOST_CHAR.test(text[s - 1]!)) { s--; continue; }
    const tail = text.slice(Math.max(0, s - 5), s);
    const d = /(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))$/i.exec(tail);
    if (!d) break;
    s -= d[0].length;
  }
  return s;
}

const CONTINUES = /^[A-Za-z0-9/_.%~=&?#+-]*[A-Za-z0-9/_%~=&?#+-]>?$/;
const OPEN_END = /[/_=&?%-]$/;

/**
 * Where a URL broken across lines by a mail program ends. The next line carries
 * the rest when it is a single token without a scheme and the broken part
 * cannot be complete: it ends in "/", "-", "=" and the like, the rest starts
 * with "/" or "-", or it was cut mid-word at the end of a long line. Inside
 * "<...>" the rest runs to the ">".
 */
function wrappedEnd(text: string, start: number, end: number, inAngle: boolean): number {
  if (text[end] !== '\n') return end;
  const lineStart = lineStartAt(text, start);
  const next = text.slice(end + 1, Math.min(lineEndAt(text, end + 1), end + 1 + MAX_URL));
  const token = inAngle ? next.slice(0, next.indexOf('>') + 1 || undefined) : next.trimEnd();
  if (!token || /\s/.test(token) || SCHEME_START.test(token) || !/[A-Za-z0-9]/.test(token) || !CONTINUES.test(token)) return end;
  if (inAngle && !token.endsWith('>')) return end;
  const head = text.slice(start, end);
  const lastSegment = head.slice(head.lastIndexOf('/') + 1);
  const cutMidWord = end - lineStart >= 60 && /[A-Za-z0-9]$/.test(head) && !/\.[A-Za-z0-9]{1,5}$/.test(lastSegment) && /^[a-z0-9]/.test(token);
  if (!OPEN_END.test(head) && !/^[/-]/.test(token) && !cutMidWord) return end;
  return end + 1 + token.length - (token.endsWith('>') ? 1 : 0);
}
const SCHEME_START = /^(?:h(?:tt|xx)ps?:|www\.)/i;

/** Every URL in a text, in order: with a scheme, defanged, or a host with a path and no scheme. */
export function findUrls(src: SourceText): UrlHit[] {
  const text = src.text;
  const spans: { start: number; end: number; schemeless: boolean }[] = [];
  for (const m of text.matchAll(SCHEME)) {
    const start = m.index ?? 0;
    if (spans.length && start < spans[spans.length - 1]!.end) continue;
    spans.push({ start, end: readBody(text, start + m[0].length), schemeless: false });
  }
  let si = 0;
  let last = 0;
  let prevAt = 0;
  let prevStart = 0;
  const extra: typeof spans = [];
  for (const m of text.matchAll(HOST_ANCHOR)) {
    const at = m.index ?? 0;
    while (si < spans.length && spans[si]!.end <= at) si++;
    if (at < last || (si < spans.length && spans[si]!.start <= at)) continue;
    // Hosts between two anchors were walked already: a walk that reaches the previous anchor starts where that one did.
    const floor = Math.max(prevAt, last);
    let start = hostStart(text, at, floor);
    if (start === floor && floor === prevAt && prevAt > 0) start = prevStart;
    prevAt = at;
    prevStart = start;
    if (start === at || start < last || (start > 0 && /[\w@/:.\\-]/.test(text[start - 1]!))) continue;
    const end = readBody(text, start);
    extra.push({ start, end, schemeless: true });
    last = end;
  }
  const all = extra.length ? [...spans, ...extra].sort((a, b) => a.start - b.start) : spans;
  const hits: UrlHit[] = [];
  for (const sp of all) {
    const inAngle = text[sp.start - 1] === '<';
    const wrapped = wrappedEnd(text, sp.start, sp.end, inAngle);
    let raw: string;
    if (wrapped > sp.end) raw = trimUrl(text.slice(sp.start, wrapped));
    else {
      const tailEnd = fileNameTail(text, sp.start, sp.end);
      raw = tailEnd > sp.end ? text.slice(sp.start, tailEnd) : trimUrl(text.slice(sp.start, sp.end));
    }
    const clean = refang(raw.replace(/\n/g, ''));
    if (clean.length < 8 || !/\.[a-z]{2,}/i.test(clean)) continue;
    let url = clean;
    if (sp.schemeless) {
      const host = clean.split(/[/?#]/, 1)[0]!;
      const defanged = clean !== raw.replace(/\n/g, '');
      if (!HOST_SHAPE.test(host) || (!defanged && !clean.includes('/'))) continue;
      url = /^www\./i.test(clean) ? clean : `https://${clean}`;
    }
    hits.push({ url: unwrapUrl(url), raw, start: sp.start, end: sp.start + raw.length });
  }
  return hits;
}
