import type { Complaint } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { PlatformProfile } from './platform-profile.js';
import { classifyUrl } from './classify-url.js';
import { ask } from './finding.js';
import { ASK_WHEN_LEFT_OUT, URL_ROLE_CONFIDENT, type UrlReason } from '../parse/url-reasons.js';

const list = (urls: string[]): string => (urls.length > 3 ? `${urls.slice(0, 3).join(', ')} and ${urls.length - 3} more` : urls.join(', '));

/** URL rules of a platform profile: right platform, specific listings, the limit, other companies' channels. */
export function urlFindings(c: Complaint, profile: PlatformProfile, all: readonly PlatformProfile[]): Finding[] {
  const out: Finding[] = [];
  if (c.listings.length === 0) {
    out.push(ask('url.none', 'listings', 'missing', { platform: profile.name }));
    return out;
  }
  const redirected = new Map<string, string[]>();
  const wrong: string[] = [];
  const search: string[] = [];
  const notListing: string[] = [];
  const storefront: string[] = [];
  for (const l of c.listings) {
    const cls = classifyUrl(l.url, all);
    if (cls.redirect) {
      const key = `${cls.redirect.name}|${cls.redirect.channel}`;
      redirected.set(key, [...(redirected.get(key) ?? []), l.url]);
    } else if (cls.platform !== profile.id) wrong.push(l.url);
    else if (cls.kind === 'search') search.push(l.url);
    else if (cls.kind === 'storefront') storefront.push(l.url);
    else if (cls.kind !== 'listing') notListing.push(l.url);
  }
  for (const [key, urls] of redirected) {
    const [name, channel] = key.split('|');
    out.push(ask('url.redirect_channel', 'listings', 'invalid', { urls: list(urls), count: urls.length, company: name ?? '', channel: channel ?? '' }));
  }
  if (wrong.length) out.push(ask('url.wrong_platform', 'listings', 'invalid', { platform: profile.name, urls: list(wrong), domains: profile.domains.join(', ') }));
  if (search.length) out.push(ask('url.search_page', 'listings', 'invalid', { urls: list(search) }));
  if (notListing.length) out.push(ask('url.not_listing', 'listings', 'invalid', { urls: list(notListing) }));
  if (storefront.length && profile.storefrontByEmail) {
    out.push(ask('url.storefront_by_email', 'listings', 'invalid', { platform: profile.name, urls: list(storefront), email: profile.storefrontByEmail }));
  }
  if (c.listings.length > profile.urlLimit.perComplaint) {
    out.push(ask('url.over_limit', 'listings', 'invalid', { count: c.listings.length, platform: profile.name, limit: profile.urlLimit.perComplaint, bulk: profile.urlLimit.bulk }));
  }
  return out;
}

/**
 * URLs whose role the parser is not sure of, where the role decides what is
 * taken down: a target it may have read wrongly, or a listing on a platform it
 * left out. They go to the reviewer as one question; none is dropped or added silently.
 */
export function urlRoleFindings(c: Complaint, all: readonly PlatformProfile[]): Finding[] {
  const unsure = (c.urlRoles ?? []).filter(
    (r) => r.confidence < URL_ROLE_CONFIDENT && (r.role === 'infringing' || ASK_WHEN_LEFT_OUT.has(r.reason as UrlReason) || classifyUrl(r.url, all).kind === 'listing'),
  );
  if (unsure.length === 0) return [];
  const urls = unsure.map((r) => `${r.url} (${r.role === 'infringing' ? 'read as a target' : 'left out'}: ${r.because})`);
  const f = ask('url.role_unsure', 'listings', 'warning', { urls: list(unsure.map((r) => r.url)), count: unsure.length }, unsure[0]!.evidence);
  const shown = urls.length > 10 ? `${urls.slice(0, 10).join('; ')} and ${urls.length - 10} more` : urls.join('; ');
  return [{ ...f, question: `Takedown targets not clearly read: confirm ${unsure.length === 1 ? 'this URL' : 'these URLs'}: ${shown}.` }];
}
