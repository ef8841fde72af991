import type { Listing, ListingKind } from '../domain/schemas/complaint.js';
import type { PlatformProfile } from './platform-profile.js';

export interface UrlClass {
  platform: string | null;
  kind: ListingKind;
  valid: boolean;
  problem: string | null;
  /** Set when the URL belongs to a site with its own complaint channel. */
  redirect: { name: string; channel: string } | null;
  /** The platform's own help or policy page. */
  ownPage: boolean;
  /** A page that only lists other items (a repository's forks). */
  itemList?: boolean;
  /** An account page on a platform where accounts hold listings rather than being taken down themselves. */
  holderAccount?: boolean;
}

function parts(url: string): { host: string; rest: string } | null {
  try {
    const u = new URL(/^www\./i.test(url) ? `http://${url}` : url);
    return { host: u.hostname.toLowerCase(), rest: `${u.hostname.toLowerCase()}${u.pathname}${u.search}` };
  } catch {
    return null;
  }
}

function ownsHost(p: PlatformProfile, host: string): boolean {
  return p.domains.some((d) => {
    const dom = d.toLowerCase().replace(/^\*\./, '');
    return host === dom || host.endsWith(`.${dom}`);
  });
}

// Profiles are data, so their patterns are compiled once per distinct string.
const compiled = new Map<string, RegExp>();
const re = (source: string): RegExp => {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source, 'i')));
  return r;
};
const test = (patterns: string[], s: string): boolean => patterns.some((p) => re(p).test(s));

/** Which platform claims a URL, and whether it is a specific listing, a storefront, a search page or neither. */
export function classifyUrl(url: string, platforms: readonly PlatformProfile[]): UrlClass {
  const pr = parts(url);
  if (!pr) return { platform: null, kind: 'other_site', valid: false, problem: 'malformed URL', redirect: null, ownPage: false };
  for (const p of platforms) {
    for (const r of p.redirects) {
      if (re(r.hostPattern).test(pr.host)) {
        return { platform: p.id, kind: 'other_site', valid: false, problem: `belongs to ${r.name}, which has its own complaint channel`, redirect: { name: r.name, channel: r.channel }, ownPage: false };
      }
    }
  }
  // Longest matching domain wins, so tmall.hk is not taken for tmall.com's sibling.
  const owners = platforms
    .map((p) => ({ p, len: Math.max(0, ...p.domains.filter((d) => ownsHost({ ...p, domains: [d] }, pr.host)).map((d) => d.length)) }))
    .filter((o) => o.len > 0)
    .sort((a, b) => b.len - a.len);
  const owner = owners[0]?.p;
  if (!owner) return { platform: null, kind: 'other_site', valid: false, problem: 'not on a known platform', redirect: null, ownPage: false };
  const base = { platform: owner.id, redirect: null };
  if (test(owner.ownPages, pr.rest)) return { ...base, kind: 'other_site', valid: false, problem: "the platform's own page", ownPage: true };
  if (test(owner.urlPatterns.search, pr.rest)) return { ...base, kind: 'search', valid: false, problem: 'a search-results page, not a specific listing', ownPage: false };
  if (test(owner.urlPatterns.listing, pr.rest)) {
    const itemList = test(owner.urlPatterns.itemLists, pr.rest);
    return { ...base, kind: 'listing', valid: true, problem: null, ownPage: false, ...(itemList ? { itemList } : {}) };
  }
  if (test(owner.urlPatterns.storefront, pr.rest)) {
    return { ...base, kind: 'storefront', valid: true, problem: null, ownPage: false, ...(owner.accountPages === 'holder' ? { holderAccount: true } : {}) };
  }
  return { ...base, kind: 'other_site', valid: false, problem: 'not a specific listing page', ownPage: false };
}

export function toListing(url: string, cls: UrlClass, evidence: Listing['evidence']): Listing {
  return { url, platform: cls.platform, kind: cls.kind, valid: cls.valid, problem: cls.problem, evidence };
}
