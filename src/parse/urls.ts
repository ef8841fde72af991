import type { SourceText } from './span.js';

/** A URL as it occurs in a text: `raw` is the matched string, `url` the cleaned target. */
export interface UrlHit {
  url: string;
  raw: string;
  start: number;
  end: number;
}

// Stops at whitespace, angle brackets, quotes and markdown link brackets.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`“”‘’\[\]{}|\\^]+/gi;
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
  const m = /^(https:\/\/)([^/?#]+)(.*)$/i.exec(u);
  if (m) u = m[1]!.toLowerCase() + m[2]!.toLowerCase() + (m[3] ?? '');
  return u.replace(/\/+$/, '').replace(/#$/, '');
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
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[\s\-*•●>\d.)]*$/.test(text.slice(lineStart, start))) return end;
  if (!/\/(blob|raw|tree|releases|download|files?|uploads?)\//i.test(text.slice(start, end))) return end;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  if (!rest.trim() || /https?:|www\./i.test(rest)) return end;
  const m = FILE_TAIL.exec(rest);
  return m ? end + m[0].length : end;
}

export function findUrls(src: SourceText): UrlHit[] {
  const hits: UrlHit[] = [];
  for (const m of src.text.matchAll(URL_RE)) {
    const tailEnd = fileNameTail(src.text, m.index ?? 0, (m.index ?? 0) + m[0].length);
    const raw = tailEnd > (m.index ?? 0) + m[0].length ? src.text.slice(m.index ?? 0, tailEnd) : trimUrl(m[0]);
    if (raw.length < 8 || !/\.[a-z]{2,}/i.test(raw)) continue;
    const start = m.index ?? 0;
    hits.push({ url: unwrapUrl(raw), raw, start, end: start + raw.length });
  }
  return hits;
}
