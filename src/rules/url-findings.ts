import type { Complaint } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { PlatformProfile } from './platform-profile.js';
import { classifyUrl } from './classify-url.js';
import { finding } from './finding.js';

const list = (urls: string[]): string => (urls.length > 3 ? `${urls.slice(0, 3).join(', ')} and ${urls.length - 3} more` : urls.join(', '));

/** URL rules of a platform profile: right platform, specific listings, the limit, other companies' channels. */
export function urlFindings(c: Complaint, profile: PlatformProfile, all: readonly PlatformProfile[]): Finding[] {
  const out: Finding[] = [];
  if (c.listings.length === 0) {
    out.push(finding('url.none', 'listings', 'missing', `Please list the ${profile.name} listing URLs you want removed, one per line.`));
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
    out.push(finding('url.redirect_channel', 'listings', 'invalid', `${list(urls)} ${urls.length === 1 ? 'belongs' : 'belong'} to ${name}, a separate company that we cannot act for. Please send the complaint about ${urls.length === 1 ? 'this listing' : 'these listings'} to ${channel}.`));
  }
  if (wrong.length) out.push(finding('url.wrong_platform', 'listings', 'invalid', `These URLs are not ${profile.name} pages: ${list(wrong)}. We can only remove ${profile.name} listings: please send the URL of each infringing ${profile.name} product page (${profile.domains.join(', ')}), one per line. For listings on another website, please complain to that website.`));
  if (search.length) out.push(finding('url.search_page', 'listings', 'invalid', `These are search-results pages, not listings: ${list(search)}. Please open each infringing product and send its own listing URL.`));
  if (notListing.length) out.push(finding('url.not_listing', 'listings', 'invalid', `These URLs do not point to a specific listing: ${list(notListing)}. Please send the URL of each product page.`));
  if (storefront.length && profile.storefrontByEmail) {
    out.push(finding('url.storefront_by_email', 'listings', 'invalid', `Storefront complaints about ${profile.name} merchants go by email: please send ${list(storefront)} with your evidence to ${profile.storefrontByEmail}.`));
  }
  if (c.listings.length > profile.urlLimit.perComplaint) {
    out.push(finding('url.over_limit', 'listings', 'invalid', `The complaint lists ${c.listings.length} URLs; ${profile.name} takes at most ${profile.urlLimit.perComplaint} per complaint (${profile.urlLimit.bulk} with the bulk spreadsheet). Please split it or use the spreadsheet.`));
  }
  return out;
}
