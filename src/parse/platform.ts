import type { Listing } from '../domain/schemas/complaint.js';
import type { PlatformProfile } from '../rules/platform-profile.js';
import { compiledOnce, escapeRegExp } from './compiled.js';

const escape = escapeRegExp;

function aliasRe(alias: string): RegExp {
  // CJK names have no word boundaries; Latin names must stand alone ("Tmall" is not "Tmall Global").
  return /[\u4e00-\u9fff]/.test(alias) ? compiledOnce(escape(alias), 'g') : compiledOnce(`(?<![\\w.])${escape(alias)}(?![\\w]|\\.\\w)`, 'gi');
}

function matchesHint(p: PlatformProfile, hint: string): boolean {
  const h = hint.trim().toLowerCase();
  return p.id === h || p.name.toLowerCase() === h || p.aliases.some((a) => a.toLowerCase() === h) || p.domains.includes(h);
}

/**
 * Platform of a complaint: the sender's choice (hint or a "Platform:" field),
 * else the profile that claims most listing URLs, else the most-named platform.
 */
export function detectPlatform(a: { hint: string | null; text: string; listings: readonly Listing[]; platforms: readonly PlatformProfile[] }): string | null {
  if (a.hint) {
    const p = a.platforms.find((x) => matchesHint(x, a.hint!));
    if (p) return p.id;
  }
  const field = /(?:^|\n)[ \t*_]*(?:platform|marketplace|website|平台)[ \t*_]*[:：][ \t]*([^\n]{2,60})/i.exec(a.text);
  if (field) {
    const value = field[1]!.trim();
    const p = a.platforms.find((x) => matchesHint(x, value)) ??
      [...a.platforms].sort((x, y) => y.name.length - x.name.length).find((x) => [x.name, ...x.aliases].some((al) => aliasRe(al).test(value)));
    if (p) return p.id;
  }
  const votes = new Map<string, number>();
  for (const l of a.listings) if (l.platform) votes.set(l.platform, (votes.get(l.platform) ?? 0) + 1);
  const top = [...votes.entries()].sort((x, y) => y[1] - x[1])[0];
  if (top) return top[0];
  let best: { id: string; n: number } | null = null;
  for (const p of a.platforms) {
    const n = [p.name, ...p.aliases].reduce((sum, al) => sum + (a.text.match(aliasRe(al)) ?? []).length, 0);
    if (n > 0 && (!best || n > best.n)) best = { id: p.id, n };
  }
  return best?.id ?? null;
}
