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
const TRAILING = /[.,;:!?*_~)>'"’”。，；：！？、）]+$/;
const REDIRECT_PARAMS = ['url', 'u', 'q', 'target', 'redirect', 'redirect_url', 'dest', 'destination', 'link'];

/** Drops trailing punctuation that belongs to the sentence, keeping balanced parentheses. */
export function trimUrl(raw: string): string {
  let u = raw;
  while (u.length && TRAILING.test(u)) {
    const last = u[u.length - 1]!;
    // A `)` that closes a parenthesis opened inside the URL (Wikipedia-style) stays.
    if (last === ')' && (u.match(/\(/g) ?? []).length >= (u.match(/\)/g) ?? []).length) break;
    u = u.slice(0, -1);
  }
  return u;
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

export function findUrls(src: SourceText): UrlHit[] {
  const hits: UrlHit[] = [];
  for (const m of src.text.matchAll(URL_RE)) {
    const raw = trimUrl(m[0]);
    if (raw.length < 8 || !/\.[a-z]{2,}/i.test(raw)) continue;
    const start = m.index ?? 0;
    hits.push({ url: unwrapUrl(raw), raw, start, end: start + raw.length });
  }
  return hits;
}
