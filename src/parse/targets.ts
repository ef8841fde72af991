import type { PlatformProfile } from '../rules/platform-profile.js';
import { classifyUrl, type UrlClass } from '../rules/classify-url.js';
import { lineEndAt, lineLead, lineStartAt } from './lines.js';
import { inHeader, sectionAt, type Section } from './sections.js';
import { URL_REASON_CONFIDENCE, type UrlReason, type UrlRole } from './url-reasons.js';
import { hostOf, urlKey, type UrlHit } from './urls.js';
import { globalOf } from './compiled.js';

export type { UrlReason, UrlRole } from './url-reasons.js';

export interface UrlDecision {
  hit: UrlHit;
  role: UrlRole;
  reason: UrlReason;
  /** How sure the desk is of `role` (0..1). */
  confidence: number;
  cls: UrlClass;
  fromTargetSection: boolean;
  /** Role of the form section the URL sits in, when it sits in one. */
  section: Section['role'] | null;
}

const decided = (d: UrlDecision, role: UrlRole, reason: UrlReason): UrlDecision => ({ ...d, role, reason, confidence: URL_REASON_CONFIDENCE[reason] });

const ORIGINAL_CUE = /\b(original(ly)?|official|genuine|authentic|legitimate|our (own )?(web ?)?(site|page|store|shop|product|repo\w*)|my (own )?(web ?)?(site|page|repo\w*)|(is|are|was|were) (originally |first )?(published|posted|released|hosted|sold)(?! (here|below|at the following|on the following|on these))|selling (it )?on|for sale (at|on)|purchased? (at|on|from)|asset ?store|more information|see generally|learn more|home ?page|licen[sc]ed? (under|terms)|copyrighted work(?<!infring(?:ing|es|e) (?:upon |on )?(?:the |my |our |your |a )?copyrighted work)|we own|I own|belongs to (me|us)|develops|publishes|produces)\b|原创|官方|正品|权利作品/i;
// "the work claimed to be infringed" and "the copyrighted work that you allege is infringed" speak of the
// original (the statute's own words), so "infringed" after those words is no cue for the URL beside it.
const INFRINGING_CUE = /\b(infring(?!ed\b)\w*|infringed(?<!(?:claimed|alleged|claim|allege|said|believed)(?: to)? (?:be |have been |has been |is |are )?infringed|(?:has|have|had) been infringed|allegedly infringed)|unauthori[sz]ed (copy|copies|version|use|listing)|pirat\w+|counterfeit\w*|fake|knock-?offs?|offending|illegal(ly)?|stolen|cop(y|ies) (can be )?found|(should|must|to) be (taken down|removed|disabled)|take ?down|remove|disable|report(ed|ing)? (the )?(following|below)|without (permission|authori[sz]ation|consent|a licen[cs]e)|(sold|offered|listed) (here|below)|forks?)|侵权|假冒|盗版|仿冒/i;
// Words that only introduce a list ("the following URLs:", "Links:"): they say a list follows, not whose pages
// it holds, so they decide only when no cue of either side is near.
const LIST_CUE = /\b((the )?following (pages?|urls?|links?|listings?|products?|items?|offers?)|listings?|links?)\b/i;
// "(see http://...)": a page the sender points to for background, not one to remove.
const SEE_CUE = /(?:\(|\b)see(?:,? e\.g\.,?| also| generally)?\s*[:(]?\s*$/i;
const EVIDENCE_CUE = /\b(screen ?shots?|screen ?captures?|evidence|proof of|documentary proof|proof (that|to show)|test ?purchase|comparison|side[- ]by[- ]side|example of the infringement shown)\b|截图|证据|对比图/i;
const EVIDENCE_HOSTS = /(^|\.)(imgur\.com|prnt\.sc|prntscr\.com|clip2net\.com|gyazo\.com|ibb\.co|postimg\.cc|postimages\.org|tinypic\.com|photobucket\.com|flickr\.com|snipboard\.io|lightshot\.\w+|paste\.pics|wetransfer\.com|we\.tl)$/i;
const HELP_URL = /^(https?:\/\/)?(docs|help|support|helpcenter|legal|policies)\.|\/(help|helpcenter|site-policy|policies|policy|legal|terms|tos|terms-of-service|privacy)(\/|\.|$|\?|#)|lumendatabase\.org|copyright\.gov\/(title17|legislation)|law\.cornell\.edu/i;
// "the repository previously available at URL": a page already gone is context, not a target.
const GONE_CUE = /\b(previously|formerly) (available|hosted|posted|located|published)( at| on| in| under)?\s*[:(]?\s*$|\bno longer available (at|on)\s*$/i;
const QUIET_ROLES = new Set(['contact', 'infringer', 'signature', 'statement']);
// "If you do not wish to reply by email, use our web interface: URL", "please submit a response on URL": where the
// sender takes answers, not a page to remove.
const REPLY_CUE = /\b(reply|respond|submit (a|your) response|send (us )?(a|your) response)\b|回复|答复/i;

/** Text just before a URL (its line, or the line above when the URL starts its line) and the rest of its line. */
function leadIn(text: string, hit: UrlHit): { before: string; after: string } {
  const lineStart = lineStartAt(text, hit.start);
  let before = lineLead(text, hit.start);
  if (/^[\s\-*•●>"“(\[\d.)]*$/.test(before)) {
    // A list of URLs shares the lead-in of the line above the whole list (up to 60 lines up).
    let prevEnd = lineStart - 1;
    for (let i = 0; i < 60 && prevEnd > 0; i++) {
      while (prevEnd > 0 && /\s/.test(text[prevEnd - 1] ?? '')) prevEnd--;
      const prevStart = lineStartAt(text, prevEnd);
      const prev = text.slice(Math.max(prevStart, prevEnd - 2000), prevEnd);
      if (!/^\s*[-*•●\d.)]*\s*(https?:\/\/|www\.)\S+\s*$/.test(prev)) {
        before = prev + ' ' + before;
        break;
      }
      prevEnd = prevStart - 1;
    }
  }
  const after = text.slice(hit.end, lineEndAt(text, hit.end));
  return { before: before.slice(-240), after: after.slice(0, 120) };
}

function lastIndex(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(globalOf(re))) at = m.index ?? at;
  return at;
}

const OWNED_AFTER = /^\s*\)?\s*,?\s*(owned|operated|published|developed|created) by\b/i;
// A licence file cited to show the terms the infringer breaks: evidence, not a copy to remove.
const LICENCE_FILE = /\/(LICEN[CS]E|COPYING|NOTICE)(\.(md|txt|rst))?$/i;

/** Which of two cues sits nearer the end of `s`, or null when neither occurs. */
function nearest(s: string): 'original' | 'infringing' | null {
  const o = lastIndex(ORIGINAL_CUE, s);
  const i = lastIndex(INFRINGING_CUE, s);
  if (o < 0 && i < 0) return null;
  return o > i ? 'original' : 'infringing';
}

/**
 * Which cue applies to the URL: the nearest one in the sentence that holds it,
 * else a word that only introduces a list, else the nearest one further back.
 */
function cueRole(before: string, after: string): 'original' | 'infringing' | null {
  // "the databases https://example.ru/ owned by Example LLC": the words right after name the sender's own work.
  if (OWNED_AFTER.test(after)) return 'original';
  const sentence = before.split(/[.!?]\s/).pop() ?? '';
  const inSentence = nearest(sentence);
  if (inSentence) return inSentence;
  if (LIST_CUE.test(sentence) && !ORIGINAL_CUE.test(after.split(/[.!?]\s/, 1)[0]!)) return 'infringing';
  const earlier = nearest(before);
  if (earlier) return earlier;
  // After the URL, the nearest cue speaks of it: "SolidCoin (URL) is infringing on my code originally ...".
  const o = after.search(ORIGINAL_CUE);
  const i = after.search(INFRINGING_CUE);
  if (o >= 0 && (i < 0 || o < i)) return 'original';
  if (i >= 0 || LIST_CUE.test(after)) return 'infringing';
  return null;
}

// Code hosts show the same path under blob/, tree/, raw/ or src/: containment ignores that view segment.
const CODE_VIEW = /\/(-\/)?(blob|tree|raw|src)\//;
const pathKey = (u: string): string => u.replace(CODE_VIEW, '/~/');
/**
 * A file or folder named in a sentence inside a target ("in particular, the folder URL contains our code") narrows
 * the request as often as it points at the copying, so it is listed for a reviewer to confirm; a history, issue or
 * commit page inside the target only shows where to look.
 */
const namedInside = (d: UrlDecision): UrlDecision => {
  if (d.cls.itemList) return d; // a list of forks is read by `pointerPages`
  return CODE_VIEW.test(d.hit.url) ? decided(d, 'infringing', 'named_inside_target') : decided(d, 'evidence', 'detail_inside_target');
};
const isUnder = (child: string, parent: string): boolean => {
  const c = pathKey(child), p = pathKey(parent);
  return c !== p && c.startsWith(p + '/');
};
const same = (a: string, b: string): boolean => pathKey(a) === pathKey(b);
const OWN_SITE_LABEL = /(?:^|[,;|]\s*|\s{2,})(website|web ?site|web|homepage|home page|网站|官网)\s*[:：]\s*$/i;

export interface TargetContext {
  text: string;
  sections: readonly Section[];
  preambleEnd: number;
  platforms: readonly PlatformProfile[];
  /** Domains of the sender (email address, signature website): their pages are never targets. */
  senderDomains: readonly string[];
}

/** The URL sits inside a sentence (words before it on its line), not on a list line or after a label. */
function inProse(text: string, hit: UrlHit): boolean {
  const before = lineLead(text, hit.start);
  if (/[:：]\s*$/.test(before)) return false;
  return (before.match(/[A-Za-z]{2,}/g) ?? []).length >= 3;
}

/**
 * An account page listed beside that account's own repositories or listings ("https://github.com/user",
 * then "https://github.com/user/repo") names who holds them; the narrower pages are what is taken down.
 */
function accountsOfTargets(decisions: UrlDecision[]): UrlDecision[] {
  const narrower = decisions.filter((d) => d.role === 'infringing' && d.cls.kind !== 'storefront').map((d) => urlKey(d.hit.url));
  return decisions.map((d) => {
    if (d.role !== 'infringing' || d.cls.kind !== 'storefront') return d;
    const key = urlKey(d.hit.url);
    return narrower.some((t) => t !== key && isUnder(t, key)) ? decided(d, 'ignored', 'account_of_target') : d;
  });
}

/**
 * Beside listings on the platform, a page off every platform or an account page is
 * rarely what the sender asks to remove: outside the takedown answer it names the
 * sender's product, a site, or who holds the listings; inside it, a reviewer confirms.
 */
function besidePlatformTargets(decisions: UrlDecision[], text: string): UrlDecision[] {
  if (!decisions.some((d) => d.role === 'infringing' && d.cls.platform && d.cls.kind === 'listing')) return decisions;
  return decisions.map((d) => {
    if (d.role !== 'infringing' || d.cls.redirect || (d.cls.platform !== null && d.cls.kind !== 'storefront')) return d;
    const off = d.cls.platform === null;
    // In the answer beside listings, an off-platform page is mostly the sender's own or the original work's;
    // it is left out, and the reviewer is asked.
    if (d.fromTargetSection) return off ? decided(d, 'ignored', 'off_platform_in_takedown_answer') : decided(d, 'infringing', 'account_in_takedown_answer');
    // Named inside a sentence, not listed on a line of its own like the targets.
    return inProse(text, d.hit) ? decided(d, 'ignored', off ? 'off_platform_beside_targets' : 'account_beside_targets') : d;
  });
}

/** The URL stands alone on its line, perhaps after a list marker: an entry of a list, not a word of a sentence. */
function aloneOnLine(text: string, hit: UrlHit): boolean {
  return /^[\s\-*•●>\d.)(<\[]*$/.test(lineLead(text, hit.start)) && /^[\s>)\]]*$/.test(text.slice(hit.end, lineEndAt(text, hit.end)));
}

/**
 * A notice that names no target at all but lists URLs one per line without a cue
 * (a vendor's table of pages on a site the platform hosts under its own domain):
 * those entries are the likeliest targets. A reviewer confirms each of them.
 */
function uncuedListWithoutTargets(decisions: UrlDecision[], text: string): UrlDecision[] {
  if (decisions.some((d) => d.role === 'infringing')) return decisions;
  const entries = decisions.filter((d) => d.reason === 'reference' && aloneOnLine(text, d.hit));
  // A list, not one link: at least two distinct pages of one host.
  const perHost = new Map<string, Set<string>>();
  for (const d of entries) {
    const host = hostOf(d.hit.url) ?? '';
    perHost.set(host, (perHost.get(host) ?? new Set()).add(urlKey(d.hit.url)));
  }
  const listed = new Set(entries.filter((d) => (perHost.get(hostOf(d.hit.url) ?? '')?.size ?? 0) >= 2));
  return decisions.map((d) => (listed.has(d) ? decided(d, 'infringing', 'uncued_list_no_target') : d));
}

/**
 * A page that only lists other items (a repository's forks) and an account page on a platform where
 * accounts hold listings point at targets: beside another target they are none themselves. When they are
 * all the notice names, they stay targets for a reviewer to confirm. An account page in the takedown
 * answer keeps the role given there: senders list a profile whose picture or name infringes.
 */
function pointerPages(decisions: UrlDecision[]): UrlDecision[] {
  const pointer = (d: UrlDecision): boolean => !!(d.cls.itemList || d.cls.holderAccount);
  const others = decisions.some((d) => d.role === 'infringing' && !pointer(d));
  return decisions.map((d) => {
    if (d.role !== 'infringing' || !pointer(d) || (d.cls.holderAccount && d.fromTargetSection && others)) return d;
    if (d.cls.itemList) return decided(d, others ? 'ignored' : 'infringing', others ? 'item_list_beside_targets' : 'item_list_only_target');
    return decided(d, others ? 'ignored' : 'infringing', others ? 'holder_account_beside_targets' : 'holder_account_only_target');
  });
}

/** Decides, for every URL in a text, whether the sender asks for it to be taken down. */
export function decideUrls(hits: readonly UrlHit[], ctx: TargetContext): UrlDecision[] {
  const passes = pointerPages(besidePlatformTargets(accountsOfTargets(decideEach(hits, ctx)), ctx.text));
  return uncuedListWithoutTargets(passes, ctx.text);
}

function decideEach(hits: readonly UrlHit[], ctx: TargetContext): UrlDecision[] {
  const first: UrlDecision[] = hits.map((hit) => {
    const cls = classifyUrl(hit.url, ctx.platforms);
    const section = sectionAt(ctx.sections, hit.start);
    const fromTargetSection = section?.role === 'targets' && !inHeader(section, hit.start);
    const d = (role: UrlRole, reason: UrlReason): UrlDecision =>
      ({ hit, role, reason, confidence: URL_REASON_CONFIDENCE[reason], cls, fromTargetSection, section: section?.role ?? null });
    if (hit.start < ctx.preambleEnd) return d('ignored', 'preamble');
    if (section && inHeader(section, hit.start)) return d('ignored', 'form_question');
    if (cls.ownPage || (!cls.redirect && cls.kind !== 'listing' && HELP_URL.test(hit.url))) return d('ignored', 'help_page');
    const host = hostOf(hit.url) ?? '';
    if (ctx.senderDomains.some((dom) => host === dom || host.endsWith('.' + dom))) return d('sender_site', 'sender_domain');
    const { before, after } = leadIn(ctx.text, hit);
    const lastSentence = before.split(/[.!?]\s/).pop() ?? '';
    // "URL and screenshots of the fork:" names the listing itself as well as the evidence.
    const namesListing = cls.kind === 'listing' && /\b(urls?|links?|repositor\w*|forks?|listings?)\b/i.test(lastSentence);
    if (EVIDENCE_HOSTS.test(host)) return d('evidence', 'evidence_host');
    if (EVIDENCE_CUE.test(lastSentence) && !/infring|unauthori/i.test(lastSentence) && !namesListing) {
      // "Evidence of abuse:" over files of the listed repository in the takedown answer: the files are copies too.
      if (fromTargetSection && cls.platform && cls.kind === 'listing') return d('infringing', 'evidence_in_takedown_answer');
      return d('evidence', 'evidence_cue');
    }
    // The platform's bare home page ("your website (www.example.com)") addresses the platform, it is no target.
    if (cls.platform && !cls.redirect && cls.kind === 'other_site' && /^(https?:\/\/)?[^/?#]+\/?$/i.test(hit.url)) return d('ignored', 'platform_home');
    if (!cls.platform && SEE_CUE.test(ctx.text.slice(Math.max(0, hit.start - 20), hit.start))) return d('ignored', 'background_reference');
    if (GONE_CUE.test(ctx.text.slice(Math.max(0, hit.start - 60), hit.start))) return d('ignored', 'no_longer_online');
    if (OWN_SITE_LABEL.test(before) && !/infring|unauthori|侵权/i.test(before)) return d('sender_site', 'own_site_label');
    if (!cls.platform && REPLY_CUE.test(lastSentence)) return d('sender_site', 'reply_channel');
    const role = section?.role ?? 'other';
    if (role !== 'targets' && LICENCE_FILE.test(hit.url.replace(/[?#].*$/, ''))) return d('licence', 'licence_file');
    if (QUIET_ROLES.has(role)) return d('ignored', 'quiet_section');
    const cue = cueRole(before, after);
    if (role === 'targets') {
      if (cue === 'original' && !cls.platform) return d('original', 'original_cue_in_targets');
      // "Our appstore link for module: https://..." beside each target: the sender's own page, off the platform.
      const lead = lineLead(ctx.text, hit.start);
      if (!cls.platform && /\b(our|my)\b|我们的|我方|我司/i.test(lead) && !/infring|unauthori|pirat|counterfeit|fake|stolen|cop(y|ies) of|侵权|假冒|盗版|仿冒/i.test(lead)) return d('original', 'sender_page_in_targets');
      // An off-platform site named in passing inside the answer ("the site at https://... links to the repo").
      const prose = (lead.match(/[A-Za-z]{2,}/g) ?? []).length >= 3;
      if (!cls.platform && prose && !INFRINGING_CUE.test(lastSentence)) return d('ignored', 'passing_mention_in_targets');
      return d('infringing', 'takedown_section');
    }
    if (role === 'original' || role === 'ownership') return d(cue === 'infringing' ? 'infringing' : 'original', cue ? 'section_cue' : 'section_default');
    if (cue) return d(cue, cue === 'infringing' ? 'infringing_cue' : 'original_cue');
    if (cls.platform && cls.kind !== 'other_site') return d('infringing', 'platform_listing');
    if (cls.redirect) return d('infringing', 'redirect_listing');
    return d('ignored', 'reference');
  });
  const targetKeys = first.filter((d) => d.fromTargetSection && d.role === 'infringing').map((d) => urlKey(d.hit.url));
  if (targetKeys.length === 0) {
    // No takedown answer: a file or folder named in a sentence inside a repository that is itself a target
    // ("in particular, the folder URL contains our code") narrows the request; senders mean it as a target
    // as often as a pointer, so it is listed for a reviewer to confirm.
    const cued = first.filter((d) => d.role === 'infringing' && !inProse(ctx.text, d.hit)).map((d) => urlKey(d.hit.url));
    return first.map((d) => {
      const listed = d.cls.platform && d.cls.kind !== 'other_site' && d.cls.kind !== 'search';
      const key = urlKey(d.hit.url);
      if (d.reason === 'section_default' && listed && inProse(ctx.text, d.hit) && cued.some((t) => isUnder(key, t))) {
        return namedInside(d);
      }
      if (d.reason === 'section_default' && listed) return decided(d, 'infringing', 'named_on_platform');
      if (d.reason === 'platform_listing' && inProse(ctx.text, d.hit) && cued.some((t) => isUnder(key, t))) {
        return namedInside(d);
      }
      return d;
    });
  }
  return first.map((d) => {
    if (d.fromTargetSection) return d;
    const key = urlKey(d.hit.url);
    // The takedown answer narrows or repeats what the description names: same tree is a target, a container is not.
    if (targetKeys.some((t) => isUnder(t, key))) return decided(d, 'ignored', 'container_of_target');
    // A file named in a sentence inside a listed repository ("their script at URL includes our keys"): a target
    // the sender narrows to as often as a pointer to the copying, so a reviewer confirms it.
    if (inProse(ctx.text, d.hit) && !targetKeys.some((t) => same(t, key)) && targetKeys.some((t) => isUnder(key, t))) {
      return namedInside(d);
    }
    if (targetKeys.some((t) => same(t, key) || isUnder(key, t))) return decided(d, 'infringing', 'inside_target');
    if (d.role === 'infringing' && d.cls.platform === null) return decided(d, 'original', 'off_platform_outside_answer');
    return d;
  });
}
