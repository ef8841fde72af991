import type { Party, Span } from '../domain/schemas/complaint.js';
import { ANY_ORG, ORG_NAME, ORG_WITH_SUFFIX, SUFFIX, ci, cleanName } from './names.js';
import type { Section } from './sections.js';
import { sentenceSpan, spanOf, type SourceText } from './span.js';
import { blank, emailAddresses, sentencesWith } from './scan.js';
import { redactedSignOffLines } from './signature.js';
import { ownerStaffLine } from './staff.js';
import { lastLines } from './lines.js';
import { escapeRegExp } from './compiled.js';

const REDACTED = /^\[(private|redacted)\]$/i;
const LABEL = String.raw`^[ \t*_>-]*(?:my |your )?`;
const EMAIL_LABELLED = new RegExp(`${LABEL}(?:e-?mail(?: address)?|电子邮件|邮箱)\\s*[:：\\-–]\\s*(\\[(?:private|redacted)\\]|[^\\s@]+@[^\\s]+)`, 'gim');
const PHONE_LABELLED = new RegExp(`(?:${LABEL}|[,;]\\s*)(?:tel(?:ephone)?|phone(?: number)?|mobile|cell|ph|fax|电话|手机|联系电话)\\.?\\s*(?:no\\.?|number)?\\s*[:：\\-–]\\s*(\\[(?:private|redacted)\\]|\\+?[\\d(][\\d\\s().\\-]{5,}\\d)`, 'gim');
const ADDRESS_LABELLED = new RegExp(`${LABEL}(?:(?:mailing |physical |postal |street |business )?address|地址|通讯地址)\\s*[:：\\-–]\\s*(\\S[^\\n]{1,160})`, 'gim');
const STREET = /\b\d{1,5}[A-Z]?\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Square|Sq|Parkway|Pkwy|Highway|Hwy)\b\.?[^\n]{0,80}/;
// Addresses written street-name-first or with a local street word: "Jl. Malioboro 10", "Kungsgatan 5, 111 43 Stockholm", "杭州市西湖区文三路 100 号".
const ADDRESS_SHAPES = [
  /\b(?:Jl|Jln|Jalan|Lorong|Soi|Calle|Via|Viale|Rue|Avenida|Av|Rua|Duong|Đường|Jr)\.?[ \t]+\p{Lu}[\p{L}.'’ -]{1,40}?[ \t]+(?:No\.?[ \t]*)?\d{1,5}[A-Za-z]?\b[^\n]{0,80}/u,
  /\b\p{Lu}\p{L}+(?:gatan|vägen|gata|gate|veien|vej|gade|straße|strasse|str\.|weg|gasse|laan|straat|plein|katu|tie|väg)[ \t]+\d{1,5}[A-Za-z]?\b[^\n]{0,80}/u,
  /[\u4e00-\u9fff]{2,}(?:省|市|自治区)[\u4e00-\u9fff\d（）()]{0,30}?(?:路|街|道|巷|大厦|园区)[ \t]*[\u4e00-\u9fff\d]{0,10}?[ \t]*\d+[ \t]*号[^\n。]{0,30}/u,
];
// North American "City, ST 12345" or "City, ST A1A 1A1" closing an address, with the lines above it in its block.
const CITY_STATE_ZIP = /^(?:[^\n]{1,80}\n){0,3}[^\n]{0,80}?\b\p{Lu}[\p{L}.'’ -]{1,30},[ \t]*[A-Z]{2}[ \t]+(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b/mu;
// An international number on a line of its own or in a contact line ("+46 8 5550 1234", "+62 274 555 0110").
const PHONE_INTL = /(?:^|[|,;]|\s)(\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,5}){2,5})(?![\d])/gm;
// "My contact information phone [private]", "my mobile number is +1 ...": a contact value without a label colon.
const CONTACT_PHRASE = /\b(?:contact (?:information|details|info)|(?:tele)?phone(?: number)?|mobile(?: number)?|cell(?: number)?)(?: is| are)?[ \t]*(?:[:：-][ \t]*)?(?:(?:tele)?phone|tel|mobile|e-?mail)?[ \t]*(?:[:：-][ \t]*(?:\n[ \t]*)?)?(\[(?:private|redacted)\]|\+?\d[\d \t().-]{6,}\d)/gi;
// "My full name and address are (please redact them): [private]", "communication to my email ... [private]".
const MY_CONTACT = /\bmy (?:\*\*)?(?:full name and )?(?:e-?mail(?: address)?|(?:postal |physical )?address|phone(?: number)?)(?:\*\*)?\b[^\n]{0,60}?(\[(?:private|redacted)\])/gi;
// A contact word and, in the same sentence or on the next line, a blanked-out value: "email address [private]",
// "can be reached through its counsel at the following:\n[private]", "send an email back to\n[private]".
const CONTACT_REDACTED = /\b(?:e-?mail(?: address)?|(?:postal |physical |mailing )?address|(?:tele)?phone(?: number)?|contact(?: information| details| info)?|reached)\b[^\n.?!]{0,60}?[ \t]*(?:\n[ \t]*)?(\[(?:private|redacted)\])/gi;
// "My name is [private] | [private], [private] | [private]": a name followed by blanked-out contact fields.
const NAME_ROW = /\bmy name is \[(?:private|redacted)\][ \t]*[|,;][ \t]*([^\n]*\[(?:private|redacted)\][^\n]*)/gi;
const NAME_LABELLED = new RegExp(`${LABEL}(?:full |legal )?(?:name|contact person|姓名|联系人)\\s*[:：\\-–]\\s*(\\S[^\\n]{1,80})`, 'gim');
const ORG_LABELLED = new RegExp(`${LABEL}(?:organi[sz]ation(?: name)?|company(?: name)?|firm|公司(?:名称)?|单位)\\s*[:：\\-–]\\s*(\\S[^\\n]{1,120})`, 'gim');
// An addressee block (the platform's own address) is not the sender's contact information.
const ADDRESSEE = /\battn\b|dmca agent|copyright agent|designated agent|^to\s*:/im;

export interface PartyHit {
  party: Party;
  evidence: Span | null;
  /** A contact field was filled in (even if redacted): the DMCA contact element. */
  contactGiven: boolean;
}

function quietRanges(text: string, sections: readonly Section[]): [number, number][] {
  const out: [number, number][] = sections.filter((s) => s.role === 'infringer').map((s) => [s.headerStart, s.bodyEnd]);
  let pos = 0;
  for (const para of text.split(/\n\s*\n/)) {
    const start = text.indexOf(para, pos);
    if (ADDRESSEE.test(para)) out.push([start, start + para.length]);
    pos = start + para.length;
  }
  return out;
}

const clean = (v: string): string => v.replace(/[*_]+/g, '').replace(/\s+$/, '').replace(/[.,;]$/, '').trim();

export function findComplainant(src: SourceText, sections: readonly Section[], from: { name: string | null; address: string | null } | null): PartyHit {
  const quiet = quietRanges(src.text, sections);
  const ok = (at: number): boolean => !quiet.some(([s, e]) => at >= s && at < e);
  let evidence: Span | null = null;
  const first = (re: RegExp): string | null => {
    for (const m of src.text.matchAll(re)) {
      if (!ok(m.index ?? 0)) continue;
      evidence ??= spanOf(src, m.index ?? 0, (m.index ?? 0) + m[0].length);
      return clean(m[1]!);
    }
    return null;
  };
  let email = first(EMAIL_LABELLED);
  const phone = first(PHONE_LABELLED) ?? first(CONTACT_PHRASE) ?? first(MY_CONTACT) ?? first(PHONE_INTL);
  const blanked = email || phone ? null : first(CONTACT_REDACTED);
  let address = first(ADDRESS_LABELLED);
  if (!email && !phone && !address) address = first(NAME_ROW) ?? blanked;
  const name = first(NAME_LABELLED);
  const organisation = first(ORG_LABELLED);
  if (!email) {
    for (const m of emailAddresses(src.text)) if (ok(m.index)) { email = m.text; break; }
  }
  for (const re of [STREET, ...ADDRESS_SHAPES]) {
    if (address) break;
    const m = re.exec(src.text);
    if (m && ok(m.index)) address = m[0].trim();
  }
  // A filled "so that we can get back to you" answer is contact information even when fully redacted.
  let contactSection = false;
  for (const s of sections) {
    if (s.role !== 'contact') continue;
    const body = src.text.slice(s.bodyStart, s.bodyEnd).trim();
    if (!body || /^(n\/?a|none|no)\.?$/i.test(body)) continue;
    contactSection = true;
    evidence ??= spanOf(src, s.bodyStart, s.bodyEnd);
    if (!address && !email && !phone) address = clean(body.split('\n').filter((l) => l.trim()).join(', ')).slice(0, 200);
  }
  if (!address && !email && !phone) {
    const m = CITY_STATE_ZIP.exec(src.text);
    if (m && ok(m.index)) {
      address = clean(m[0].split('\n').map((l) => l.trim()).filter(Boolean).join(', ')).slice(0, 200);
      evidence ??= spanOf(src, m.index, m.index + m[0].length);
    }
  }
  // Two or more blanked-out lines closing the letter: a name and the contact details under it.
  const redacted = redactedSignOffLines(src.text);
  if (!contactSection && !email && !phone && !address && !from?.address && redacted.length >= 2) {
    address = redacted.slice(1).map((r) => src.text.slice(r.start, r.end)).join(', ');
    evidence ??= spanOf(src, redacted[0]!.start, redacted.at(-1)!.end);
  }
  const party: Party = {
    name: from?.name ?? (name && !REDACTED.test(name) ? name : name),
    organisation,
    email: email ?? from?.address ?? null,
    phone,
    address,
  };
  const contactGiven = contactSection || !!(email || phone || address) || !!from?.address;
  return { party, evidence, contactGiven };
}

const ORG_LINE = new RegExp(String.raw`^(?:${ORG_WITH_SUFFIX}|${ORG_NAME})$`, 'u');
const SUFFIXED_LINE = new RegExp(String.raw`^${ORG_WITH_SUFFIX}$`, 'u');

/**
 * The organisation that heads the sender's contact address ("Acme USA, 45 W 18th Street, New York"):
 * a capitalised name, not redacted, directly followed by a street line.
 */
export function addressOrganisation(address: string | null): string | null {
  if (!address) return null;
  const [first = '', ...restParts] = address.split(/\s*,\s*/).map((p) => p.trim());
  const rest = restParts.join(', ');
  if (!STREET.test(address) && !(/\d/.test(rest) && /\b(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Drive|Lane|Way|Suite|Floor)\b|\b\d{5}\b/.test(rest))) return null;
  if (!first || REDACTED.test(first) || /^\d/.test(first) || STREET.test(first)) return null;
  return ORG_LINE.test(first) ? cleanName(first) : null;
}


// Words that end an organisation's name without a legal suffix ("Webkul Software", "Offensive Security").
const ORG_HEAD = /\b(Software|Security|University|Group|Technolog(y|ies)|Systems|Games|Studios?|Labs?|Media|Publishing|Publishers|Press|Entertainment|Bank|Foundation|Institute|Industries|Solutions|Interactive|Holdings|Networks|Pictures|Records|Music)$/;

/**
 * The organisation in the sender's own contact or sign-off block: a line that is only a company name
 * (legal suffix, or a head word such as "Software"), next to redacted name and address lines.
 */
export function signOffOrganisation(src: SourceText, sections: readonly Section[], labelled: string | null): string | null {
  if (labelled && !REDACTED.test(labelled)) return cleanName(labelled);
  const blocks: string[] = sections.filter((s) => s.role === 'contact' || s.role === 'signature').map((s) => src.text.slice(s.bodyStart, s.bodyEnd));
  blocks.push(lastLines(src.text, 12, (l) => !!l.trim()).join('\n'));
  for (const block of blocks) {
    for (const line of block.split('\n').slice(0, 12)) {
      for (const part of line.split(/\s+[|/–-]\s+|,\s*(?:on behalf of\s*)?(?=\[)|^\s*(?:on behalf of|c\/o)\s+/i)) {
        const t = part.replace(/\[(?:private|redacted)\],?/gi, '').replace(/^[\s*_>-]+|[\s*_,]+$/g, '').trim();
        if (!t || !ORG_LINE.test(t)) continue;
        const name = cleanName(t);
        if (!name) continue;
        if (SUFFIXED_LINE.test(t) || ORG_HEAD.test(name)) return name;
      }
    }
  }
  return null;
}

// The sender says the work is theirs: "we are the owner", "our code", "owned by us", "we bought all rights".
const CLAIMS_WORK = /\b(i am|i'm|we are) (the )?(sole |original |exclusive |new )?(copyright |content |rights? |ip )?(owner|holder|author|creator|developer|proprietor)s?\b(?!,? or (am |are )?(a person )?authori[sz]ed)|\bwe (are|were) [^.\n]{0,30}\bowners?\b|\b(our|my) (own )?(code|software|product|work|works|copyright|copyrighted|copyrights|licen[cs]e|data|source code|proprietary)\b|\bowned by (us|me)\b|\bwe (bought|acquired|purchased|own|hold)\b/i;

export function claimsWork(src: SourceText, org: string | null = null): boolean {
  if (CLAIMS_WORK.test(src.text)) return true;
  // "PortSwigger believes the content infringes their copyrighted work(s)": the company speaks of itself in the third person.
  if (!org) return false;
  const esc = escapeRegExp(org);
  return new RegExp(String.raw`(?:^|[\s(])${esc}\b[^.\n]{0,120}\b(?:their|its) (?:valid |own |exclusive )*(?:copyrighted|copyrights?|intellectual property|works?|software|product)\b`, 'im').test(src.text);
}
