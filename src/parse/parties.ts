import type { Party, Span } from '../domain/schemas/complaint.js';
import { ANY_ORG, ORG_NAME, ORG_WITH_SUFFIX, SUFFIX, ci, cleanName } from './names.js';
import type { Section } from './sections.js';
import { sentenceSpan, spanOf, type SourceText } from './span.js';
import { blank, emailAddresses, sentencesWith } from './scan.js';
import { redactedSignOffLines } from './signature.js';
import { ownerStaffLine } from './staff.js';

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
  return new RegExp(String.raw`^(?:${ORG_WITH_SUFFIX}|${ORG_NAME})$`, 'u').test(first) ? cleanName(first) : null;
}

/** Named patterns that name the owner of the right, strongest first; the flag marks those that also hold in a counter-notice. */
const Q = String.raw`["“'‘]?`;
const OWNER_PATTERNS: [string, RegExp, boolean][] = [
  ['owner.labelled', new RegExp(String.raw`(?:${ci('rights')}?[- ]?${ci('holder')}|${ci('rights')}?[- ]?${ci('owner')}|${ci('copyright')} (?:${ci('owner')}|${ci('holder')})|${ci('trademark')} (?:${ci('owner')}|${ci('holder')})|${ci('brand owner')}|${ci('patentee')}|权利人|商标权人|专利权人|著作权人)[ \t]*[:：][ \t]*(${ANY_ORG}|[\u4e00-\u9fff（）()]{2,40})`, 'gu'), true],
  ['owner.is_named', new RegExp(String.raw`\b(?:${ci('copyright')}|${ci('rights')}?|${ci('trademark')}|${ci('patent')}) ?(?:${ci('holder')}|${ci('owner')}) (?:${ci('is')}|${ci('are')}) ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.zh_rights_holder', /(?:我司|我公司|本公司)?[，,]?\s*([\u4e00-\u9fff（）()]{2,40}?(?:有限公司|股份公司|集团|公司|工作室|商行))(?:是|系|为)[^。\n]{0,40}?(?:专利权人|商标权人|著作权人|权利人|所有人|注册人|权利所有人)|(?:的|之)(?:专利权人|商标权人|著作权人|权利人|商标注册人|权利所有人)(?:为|是|系)?[ \t]*([\u4e00-\u9fff（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|工作室|商行|厂))/gu, true],
  ['owner.on_behalf_of', new RegExp(String.raw`\b${ci('on behalf of')}(?:[ \t]+|[ \t]*\n[ \t]*)(?:${ci('our')} (?:${ci('client')}|${ci('customer')})s?,?[ \t]+)?(?:${ci('the company')} |${ci('the copyright owner')},?[ \t]+(?:${ci('in this case')},?[ \t]+)?)?${Q}(${ANY_ORG})`, 'gu'), true],
  ['owner.authorized_by', new RegExp(String.raw`(?<!\b${ci('not')} )\b(?:${ci('duly')} )?${ci('authori')}[sz]ed ${ci('by')} ${Q}(${ANY_ORG})|受[ \t]*([\u4e00-\u9fff（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|工作室|商行|厂))(?:的)?(?:委托|授权)`, 'gu'), false],
  ['owner.represents', new RegExp(String.raw`\b(?:${ci('represent')}(?:s|ing)?|${ci('agent')}s? (?:${ci('for')}|${ci('of')})|${ci('counsel')} (?:${ci('to')}|${ci('for')})|${ci('attorney')}s? ${ci('for')}) (?:${ci('our client')},?[ \t]+)?${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.our_client', new RegExp(String.raw`\b(?:${ci('our')}|${ci('the')}|${ci('my')}) (?:${ci('client')}|${ci('customer')})s?,?[ \t]+${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.owner_named', new RegExp(String.raw`\b(?:${ci('sole')} |${ci('exclusive')} )?(?:${ci('copyright')} )?${ci('owner')},? (?:${ci('in this case')},? )?${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.owned_by', new RegExp(String.raw`\b(?:${ci('owned')}|${ci('copyrighted')}|${ci('possessed')}|${ci('created')}|${ci('developed')}|${ci('published')}) (?:${ci('exclusively')} )?${ci('by')} ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.property_of', new RegExp(String.raw`\b(?:${ci('property')}|${ci('proprietary')} (?:${ci('works')}?|${ci('software')}|${ci('code')}|${ci('content')})|(?:${ci('multiple')} |${ci('several')} )?(?:${ci('books')}|${ci('titles')})) ${ci('of')} ${Q}(${ANY_ORG})`, 'gu'), false],
  // "copyrighted source code from Acme Inc.'s Engine", "these are Acme's proprietary": the possessive names the owner.
  ['owner.possessive_copyrighted', new RegExp(String.raw`\b${ci('copyrighted')} (?:${ci('source code')}|${ci('code')}|${ci('software')}|${ci('works')}?|${ci('materials')}?|${ci('content')}) (?:${ci('from')}|${ci('of')}) ${Q}(${ANY_ORG})['’]s\b|\b(?:${ci('are')}|${ci('is')}) ${Q}(${ANY_ORG})['’]s (?:${ci('own')} )?(?:${ci('proprietary')}|${ci('copyrighted')})\b`, 'gu'), false],
  ['owner.i_work_at', new RegExp(String.raw`\b[Ii] (?:currently )?work (?:as (?:an? |the )?(?:\[[Pp]rivate\]|[a-z]+) )?(?:in|at|for) ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.work_is_orgs_code', new RegExp(String.raw`\b(?:${ci('copyrighted')} )?${ci('work')} ${ci('is')} (?:${ci('the')} )?${Q}(${ANY_ORG})['’]?s? (?:${ci('proprietary')} |${ci('internal')} )?(?:${ci('source code')}|${ci('software')}|${ci('code')})`, 'gu'), false],
  ['owner.employee_of', new RegExp(String.raw`\b(?:${ci('employee')} (?:${ci('of')}|${ci('at')}) ${Q}(${ANY_ORG})|${ci('authorized')} (${ORG_WITH_SUFFIX}) ${ci('employee')})`, 'gu'), false],
  ['owner.belongs_to', new RegExp(String.raw`\b(?:${ci('belongs')}? ${ci('to')}|${ci('proprietary')} ${ci('to')}|${ci('rights')} ${ci('of')}) ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.infringes_orgs_rights', new RegExp(String.raw`\b${ci('infring')}\w* (?:${ci('on')} )?${Q}(${ANY_ORG})['’]s?\s+(?:${ci('rights')}|${ci('copyrights')}?|${ci('intellectual property')})`, 'gu'), true],
  ['owner.i_am_role_at', new RegExp(String.raw`\b(?:I am|I'm|I’m|We are) (?:\[[Pp]rivate\],?[ \t]+)?(?:an? |the )?(?:in charge of )?(?:\[[Pp]rivate\]|[a-z]+)(?: \([a-z ]+\))? (?:of|at|for) (?:the )?(?:sole copyright owner )?${Q}(${ANY_ORG})`, 'gu'), true],
];

// "X is the owner": found by its tail first, then the name is read backwards from it, which is far cheaper
// than trying a name pattern at every offset of a long notice.
const IS_OWNER = /,? (?:(?:which|that|who) )?(?:(?:is|are) the (?:sole |exclusive |registered |legal |original |origional )?(?:copyright |trademark |patent )?(?:owner|holder|proprietor)s?\b|(?:owns?|holds?) (?:all |the |a )?(?:exclusive |sole )?(?:(?:registered|design|utility|invention|word|figurative|[A-Z][\w.]*) ){0,3}(?:copyrights?|trade ?marks?|[Tt]rade ?[Mm]arks?|[Mm]arks?|[Pp]atents?|[Dd]esigns?|[Dd]esign (?:[Rr]ights?|[Rr]egistrations?)|rights)\b)/g;
// A sentence ends at . ! ? ; : or a line break, but not at the dot of a legal suffix ("Pte. Ltd.") or an initial.
const BOUNDARY = /(?<!\b(?:Pte|Pvt|Ltd|Co|Inc|Corp|Pty|Bhd|Sdn|Mr|Ms|Dr|St|No|\p{Lu}))[.!?]\s|[;:]\s|\n/gu;
const NAME_AT_END = new RegExp(String.raw`${Q}(${ANY_ORG})${Q}$`, 'u');

function ownerBeforeTail(src: SourceText): { name: string; evidence: Span } | null {
  for (const m of src.text.matchAll(IS_OWNER)) {
    const at = m.index ?? 0;
    const win = src.text.slice(Math.max(0, at - 120), at);
    let cut = 0;
    for (const b of win.matchAll(BOUNDARY)) cut = (b.index ?? 0) + b[0].length;
    // "Circle Ltd. (formerly Boston Ltd.) is the owner": the aside does not belong to the name.
    // "Acme Oy, a Helsinki design studio, owns": the apposition does not belong to the name either.
    const before = win.slice(cut).replace(/\s*\([^)]*\)\s*$/, '').replace(/,\s+(?:an?|the)\s[^,]{2,60},?\s*$/, '');
    for (let i = 0; i < before.length; i++) {
      if (i > 0 && /\S/.test(before[i - 1]!)) continue;
      const n = NAME_AT_END.exec(before.slice(i));
      const name = n ? cleanName(n[1]!) : null;
      // "I am the CEO of Acme Ltd, which is the owner": a lower-case preposition is not the start of the name.
      if (name && /^(of|at|for|by|from|to|in|and|with|on)\s/.test(name)) continue;
      if (name) return { name, evidence: sentenceSpan(src, Math.max(0, at - before.length + i), at + m[0].length) };
    }
  }
  return null;
}

/** `Western Governors University ("WGU")`: a short name defined in the text reads as the full name. */
const ORG_BEFORE_ALIAS = new RegExp(String.raw`(${ANY_ORG})\s*$`, 'u');

function expandAlias(text: string, name: string): string {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Find the definition first, then read the name just before it: matching the name pattern
  // at every position of a long notice is what would cost, not the definition.
  const definition = new RegExp(String.raw`\s*\((?:the\s+)?["“']${esc}["”']\)`, 'u').exec(text);
  if (!definition) return name;
  const m = ORG_BEFORE_ALIAS.exec(text.slice(Math.max(0, definition.index - 160), definition.index));
  return m ? (cleanName(m[1]!) ?? name) : name;
}

export function findRightsOwner(src: SourceText, isResponse = false): { name: string; evidence: Span } | null {
  const hit = findOwnerName(src, isResponse);
  return hit ? { ...hit, name: expandAlias(src.text, hit.name) } : null;
}

function findOwnerName(raw: SourceText, isResponse: boolean): { name: string; evidence: Span } | null {
  // "[private]/Acme Security": a redacted person joined to the company name; the company is what counts.
  const src: SourceText = { ...raw, text: raw.text.replace(/\[(?:private|redacted)\]\s*\/\s*/gi, (m) => ' '.repeat(m.length)) };
  for (const [index, [, re, inResponse]] of OWNER_PATTERNS.entries()) {
    if (index === 6 && !isResponse) {
      const tail = ownerBeforeTail(src);
      if (tail) return tail;
    }
    if (isResponse && !inResponse) continue;
    for (const m of src.text.matchAll(re)) {
      const name = cleanName((m[1] ?? m[2])!);
      if (!name || /^(GitHub|DMCA|Digital Millennium|Section|U\.?S\.?|United States|Copyright Act|Notice|Claims?)\b/i.test(name)) continue;
      // In a response, "the notice submitted by X on behalf of Y" names the complainant's side, not the owner of the content.
      if (isResponse && /\b(notice|request|claim|complaint|takedown)\b[^.]{0,80}\b(submitted|filed|sent|issued)\b[^.]{0,60}$/i.test(src.text.slice(Math.max(0, (m.index ?? 0) - 160), m.index ?? 0))) continue;
      return { name, evidence: sentenceSpan(src, m.index ?? 0, (m.index ?? 0) + m[0].length) };
    }
  }
  // A product block of an enforcement report: "Product: Title" over "Company: Publisher" names the owner of the title.
  if (!isResponse) {
    const m = PRODUCT_COMPANY.exec(src.text);
    const name = m ? cleanName(m[1]!) : null;
    if (m && name && !REDACTED.test(name)) return { name, evidence: spanOf(src, m.index, m.index + m[0].length) };
    // "Broadcom Corporation’s Confidential & Proprietary Software Code", "a literal copy of Acme’s copyrighted work".
    for (const p of src.text.matchAll(POSSESSIVE_WORK)) {
      const n = cleanName(p[1]!);
      if (!n || /^(GitHub|DMCA|Digital Millennium|U\.?S\.?|United States|Copyright Act)\b/i.test(n)) continue;
      return { name: n, evidence: sentenceSpan(src, p.index ?? 0, (p.index ?? 0) + p[0].length) };
    }
  }
  return null;
}

const POSSESSIVE_WORK = new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{N}&'\-]*[ \t]+){1,4}${SUFFIX})['’]s\s+(?:${ci('confidential')}\s+(?:&|and)\s+)?(?:${ci('proprietary')}|${ci('copyrighted')}|${ci('copyright-protected')})\s+(?:${ci('software')}|${ci('source code')}|${ci('code')}|${ci('work')}s?|${ci('material')}s?)\b`, 'gu');

const PRODUCT_COMPANY = /^[ \t*_]*(?:product|title|work)[ \t*_]*:[^\n]+\n[ \t*_]*(?:company|publisher|rights? ?holder|owner)[ \t*_]*:[ \t]*(\S[^\n]{1,80}?)[ \t]*$/im;

// Words that end an organisation's name without a legal suffix ("Webkul Software", "Offensive Security").
const ORG_HEAD = /\b(Software|Security|University|Group|Technolog(y|ies)|Systems|Games|Studios?|Labs?|Media|Publishing|Publishers|Press|Entertainment|Bank|Foundation|Institute|Industries|Solutions|Interactive|Holdings|Networks|Pictures|Records|Music)$/;
const ORG_LINE = new RegExp(String.raw`^(?:${ORG_WITH_SUFFIX}|${ORG_NAME})$`, 'u');

/**
 * The organisation in the sender's own contact or sign-off block: a line that is only a company name
 * (legal suffix, or a head word such as "Software"), next to redacted name and address lines.
 */
export function signOffOrganisation(src: SourceText, sections: readonly Section[], labelled: string | null): string | null {
  if (labelled && !REDACTED.test(labelled)) return cleanName(labelled);
  const blocks: string[] = sections.filter((s) => s.role === 'contact' || s.role === 'signature').map((s) => src.text.slice(s.bodyStart, s.bodyEnd));
  blocks.push(src.text.split('\n').filter((l) => l.trim()).slice(-12).join('\n'));
  for (const block of blocks) {
    for (const line of block.split('\n').slice(0, 12)) {
      for (const part of line.split(/\s+[|/–-]\s+|,\s*(?:on behalf of\s*)?(?=\[)|^\s*(?:on behalf of|c\/o)\s+/i)) {
        const t = part.replace(/\[(?:private|redacted)\],?/gi, '').replace(/^[\s*_>-]+|[\s*_,]+$/g, '').trim();
        if (!t || !ORG_LINE.test(t)) continue;
        const name = cleanName(t);
        if (!name) continue;
        if (new RegExp(String.raw`^${ORG_WITH_SUFFIX}$`, 'u').test(t) || ORG_HEAD.test(name)) return name;
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
  const esc = org.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`(?:^|[\s(])${esc}\b[^.\n]{0,120}\b(?:their|its) (?:valid |own |exclusive )*(?:copyrighted|copyrights?|intellectual property|works?|software|product)\b`, 'im').test(src.text);
}

/** Ids of the owner patterns that match anywhere in a text (for counting on how many documents each one fires). */
export function ownerPatternsFiring(text: string): string[] {
  return OWNER_PATTERNS.filter(([, re]) => {
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  }).map(([id]) => id);
}
