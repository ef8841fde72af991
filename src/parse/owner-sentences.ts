import type { Span } from '../domain/schemas/complaint.js';
import { ANY_ORG, ORG_WITH_SUFFIX, SUFFIX, ci, cleanName } from './names.js';
import { cuedMatches } from './compiled.js';
import { signOffCandidates } from './owner-sign-off.js';
import { sentenceSpan, spanOf, type SourceText } from './span.js';

/**
 * Sentence generators for the rights owner. Each proposes candidates (a name,
 * the generator that read it, where) and a strength; `owner.ts` scores them.
 * Generators are general sentence shapes, grouped by what they say:
 * - owner.labelled: a form field or label names the owner ("Rights holder: X", "Company:" under "Product:");
 * - owner.is_owner: the sentence says X is or holds the right ("X is the copyright owner", "权利人为 X");
 * - owner.for_whom: the sender writes for X ("on behalf of X", "we represent X", "our client X");
 * - owner.owned_by: the work belongs to X ("owned by X", "property of X", "X's proprietary code");
 * - owner.staff_of: the sender works for X ("I am the CEO of X", "employee of X").
 * Within a group, earlier shapes are the more specific ones and weigh a little more.
 */
export interface OwnerCandidate {
  name: string;
  generator: string;
  weight: number;
  at: number;
  evidence: Span;
}

/**
 * Sentence shapes that name the owner of the right, strongest first; the flag marks those that also hold in a counter-notice.
 * A fourth entry is a character every match holds: a text without it is not searched with that shape at all.
 */
const Q = String.raw`["“'‘]?`;
// The space between a cue and the name, or the line break of a letter wrapped by a mail program ("authorized agent for\nAcme").
const WRAP = String.raw`(?:[ \t]+|[ \t]*\n[ \t]*)`;
const OWNER_PATTERNS: [string, RegExp, boolean, string?][] = [
  ['owner.labelled', new RegExp(String.raw`(?:${ci('rights')}?[- ]?${ci('holder')}|${ci('rights')}?[- ]?${ci('owner')}|${ci('copyright')} (?:${ci('owner')}|${ci('holder')})|${ci('trademark')} (?:${ci('owner')}|${ci('holder')})|${ci('brand owner')}|${ci('patentee')}|(?:${ci('name of')} )?(?:${ci('the')} )?${ci('injured party')}|权利人|商标权人|专利权人|著作权人)[ \t]*[:：][ \t]*(${ANY_ORG}|[\u4e00-\u9fff（）()]{2,40})`, 'gu'), true],
  ['owner.is_owner', new RegExp(String.raw`\b(?:${ci('copyright')}|${ci('rights')}?|${ci('trademark')}|${ci('patent')}) ?(?:${ci('holder')}|${ci('owner')}) (?:${ci('is')}|${ci('are')}) ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.is_owner', /(?:我司|我公司|本公司)?[，,]?\s*([\u4e00-\u9fff（）()]{2,40}?(?:有限公司|股份公司|集团|公司|工作室|商行))(?:是|系|为)[^。\n]{0,40}?(?:专利权人|商标权人|著作权人|权利人|所有人|注册人|权利所有人)|(?:的|之)(?:专利权人|商标权人|著作权人|权利人|商标注册人|权利所有人)(?:为|是|系)?[ \t]*([\u4e00-\u9fff（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|工作室|商行|厂))/gu, true, '人'],
  // "on behalf of Acme", "authorized to act on Acme's behalf".
  ['owner.for_whom', new RegExp(String.raw`\b${ci('on behalf of')}(?:[ \t]+|[ \t]*\n[ \t]*)(?:${ci('our')} (?:${ci('client')}|${ci('customer')})s?,?[ \t]+)?(?:${ci('the company')} |${ci('the copyright owner')},?[ \t]+(?:${ci('in this case')},?[ \t]+)?)?${Q}(${ANY_ORG})|\b${ci('on')} ${Q}(${ANY_ORG})['’]s ${ci('behalf')}`, 'gu'), true],
  ['owner.for_whom', new RegExp(String.raw`(?<!\b${ci('not')} )\b(?:${ci('duly')} )?${ci('authori')}[sz]ed (?:${ci('to act')} )?${ci('by')} ${Q}(${ANY_ORG})|受[ \t]*([\u4e00-\u9fff（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团|公司|工作室|商行|厂))(?:的)?(?:委托|授权)`, 'gu'), false],
  // "we represent Acme", "an authorized representative of Acme" (a legal representative is a title: staff_of reads it).
  ['owner.for_whom', new RegExp(String.raw`\b(?:${ci('represent')}(?:s|ing)?|(?<!${ci('legal')} )${ci('representative')}s? ${ci('of')}|${ci('agent')}s? (?:${ci('for')}|${ci('of')})|${ci('counsel')} (?:${ci('to')}|${ci('for')})|${ci('attorney')}s? ${ci('for')})${WRAP}(?:${ci('our client')}[ \t]*[,:\-–]?[ \t]+)?${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.for_whom', new RegExp(String.raw`\b(?:${ci('our')}|${ci('the')}|${ci('my')}) (?:${ci('client')}|${ci('customer')})s?,?${WRAP}${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.is_owner', new RegExp(String.raw`\b(?:${ci('sole')} |${ci('exclusive')} )?(?:${ci('copyright')} )?${ci('owner')},? (?:${ci('in this case')},? )?${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.owned_by', new RegExp(String.raw`\b(?:${ci('owned')}|${ci('copyrighted')}|${ci('possessed')}|${ci('created')}|${ci('developed')}|${ci('published')}) (?:${ci('exclusively')} )?${ci('by')} ${Q}(${ANY_ORG})|\b(?:${ci('owned')}|${ci('copyrighted')}) ${ci('by')} ${ci('the')} (${ANY_ORG})`, 'gu'), false],
  ['owner.owned_by', new RegExp(String.raw`\b(?:${ci('property')}|${ci('proprietary')} (?:${ci('works')}?|${ci('software')}|${ci('code')}|${ci('content')})|(?:${ci('multiple')} |${ci('several')} )?(?:${ci('books')}|${ci('titles')})) ${ci('of')} ${Q}(${ANY_ORG})`, 'gu'), false],
  // "copyrighted source code from Acme Inc.'s Engine", "these are Acme's proprietary": the possessive names the owner.
  ['owner.owned_by', new RegExp(String.raw`\b${ci('copyrighted')} (?:${ci('source code')}|${ci('code')}|${ci('software')}|${ci('works')}?|${ci('materials')}?|${ci('content')}) (?:${ci('from')}|${ci('of')}) ${Q}(${ANY_ORG})['’]s\b|\b(?:${ci('are')}|${ci('is')}) ${Q}(${ANY_ORG})['’]s (?:${ci('own')} )?(?:${ci('proprietary')}|${ci('copyrighted')})\b`, 'gu'), false],
  ['owner.staff_of', new RegExp(String.raw`\b[Ii] (?:currently )?work (?:as (?:an? |the )?(?:\[[Pp]rivate\]|[a-z]+) )?(?:in|at|for) ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.owned_by', new RegExp(String.raw`\b(?:${ci('copyrighted')} )?${ci('work')} ${ci('is')} (?:${ci('the')} )?${Q}(${ANY_ORG})['’]?s? (?:${ci('proprietary')} |${ci('internal')} )?(?:${ci('source code')}|${ci('software')}|${ci('code')})`, 'gu'), false],
  ['owner.staff_of', new RegExp(String.raw`\b(?:${ci('employee')} (?:${ci('of')}|${ci('at')}) ${Q}(${ANY_ORG})|${ci('authorized')} (${ORG_WITH_SUFFIX}) ${ci('employee')})`, 'gu'), false],
  ['owner.owned_by', new RegExp(String.raw`\b(?:${ci('belong')}(?:s|ing)? ${ci('to')}|${ci('proprietary')} ${ci('to')}|${ci('rights')} ${ci('of')}) ${Q}(${ANY_ORG})`, 'gu'), false],
  ['owner.owned_by', new RegExp(String.raw`\b${ci('infring')}\w* (?:${ci('on')} )?${Q}(${ANY_ORG})['’]s?\s+(?:${ci('rights')}|${ci('copyrights')}?|${ci('intellectual property')})`, 'gu'), true],
  // "I am the CEO of Acme", "products of our company Acme s.r.o.", "published by my company, Acme Software".
  ['owner.staff_of', new RegExp(String.raw`\b(?:I am|I'm|I’m|We are) (?:\[[Pp]rivate\],?[ \t]+)?(?:an? |the )?(?:in charge of )?(?:\[[Pp]rivate\]|[a-z]+)(?: \([a-z ]+\))? (?:of|at|for) (?:the )?(?:sole copyright owner )?${Q}(${ANY_ORG})|\b(?:${ci('our')}|${ci('my')}) ${ci('company')},?[ \t]+${Q}(${ANY_ORG})`, 'gu'), true],
];

// "X is the owner": found by its tail first, then the name is read backwards from it, which is far cheaper
// than trying a name pattern at every offset of a long notice.
const IS_OWNER = /,? (?:(?:which|that|who) )?(?:(?:is|are) the (?:sole |exclusive |registered |legal |original |origional )?(?:copyright |trademark |patent )?(?:owner|holder|proprietor)s?\b|(?:owns?|holds?) (?:all |the |a )?(?:exclusive |sole )?(?:(?:registered|design|utility|invention|word|figurative|[A-Z][\w.]*) ){0,3}(?:copyrights?|trade ?marks?|[Tt]rade ?[Mm]arks?|[Mm]arks?|[Pp]atents?|[Dd]esigns?|[Dd]esign (?:[Rr]ights?|[Rr]egistrations?)|rights)\b)/g;
// A sentence ends at . ! ? ; : or a line break, but not at the dot of a legal suffix ("Pte. Ltd.") or an initial.
const BOUNDARY = /(?<!\b(?:Pte|Pvt|Ltd|Co|Inc|Corp|Pty|Bhd|Sdn|Mr|Ms|Dr|St|No|\p{Lu}))[.!?]\s|[;:]\s|\n/gu;
const POSSESSIVE_WEIGHT = 3;
const NAME_AT_END = new RegExp(String.raw`${Q}(${ANY_ORG})${Q}$`, 'u');

function* ownersBeforeTail(src: SourceText, tail: RegExp = IS_OWNER): Generator<{ name: string; at: number; evidence: Span }> {
  for (const m of src.text.matchAll(tail)) {
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
      if (name) {
        yield { name, at: Math.max(0, at - before.length + i), evidence: sentenceSpan(src, Math.max(0, at - before.length + i), at + m[0].length) };
        break;
      }
    }
  }
}

// "Nintendo's copyright-protected video games", "infringes Quora's copyrights": the possessive before a word of
// ownership names the holder. Found by its tail, the name read backwards from it like "X is the owner".
const POSSESSIVE_TAIL = /['’]s[ \t]+(?:own[ \t]+)?(?:confidential[ \t]+(?:&|and)[ \t]+)?(?:copyrighted|copyright-protected|proprietary|copyrights?|intellectual[ \t]+property|trade ?marks?)\b/g;
// Roles, not names: "the Rightsholder's copyrights", "Complainant's proprietary code".
// "Raven B4's proprietary code", "Windows 10's": a name closed by a version is a product's, not its maker's.
const VERSIONED = /\s\p{L}{0,3}\d[\d.]*$/u;
const ROLE_WORD = /^(?:rights? ?holders?|copyright ?holders?|owners?|complainants?|claimants?|clients?|customers?|licensors?|authors?|infringers?|users?|company|companies|the)$/i;

/** `Western Governors University ("WGU")`: a short name defined in the text reads as the full name. */
const ORG_BEFORE_ALIAS = new RegExp(String.raw`(${ANY_ORG})\s*$`, 'u');

const OPEN_QUOTES = '"“\'';
const CLOSE_QUOTES = '"”\'';
const SPACE = /\s/;
const CONNECTOR_WORD = /^(?:of|and|de|du|la|le|der|für|for|the|y|e)$/;

/** "We write for Acme Systems, Inc." read back from a definition: the name starts after the sentence's last lower-case word. */
function afterSentenceWords(found: string): string {
  const words = found.split(/[ \t\n]+/);
  let cut = -1;
  for (let i = 0; i < words.length - 1; i++) if (/^\p{Ll}/u.test(words[i]!) && !CONNECTOR_WORD.test(words[i]!)) cut = i;
  if (cut >= 0) while (cut < words.length - 1 && CONNECTOR_WORD.test(words[cut + 1]!)) cut++;
  const rest = words.slice(cut + 1).join(' ');
  return cut >= 0 && /^[\p{Lu}\d]/u.test(rest) ? rest : found;
}
const DEFINING = new Set(['the', 'collectively', 'together', 'jointly', 'hereinafter', 'hereafter']);
// "Acme, Inc. and its related entities (collectively, "Acme")": the group is named after the company that heads it.
const AND_GROUP = /,?\s+and\s+(?:its|their|all)\s+(?:related\s+entities|affiliated\s+(?:entities|companies)|affiliates|subsidiaries)\s*$/i;

/** Where the definition `(the "Name")` of a short name starts (with the spaces before it), or -1: read from each occurrence of the name. */
function aliasDefinition(text: string, name: string): number {
  let best = -1;
  for (let i = text.indexOf(name); i >= 0; i = i >= text.length ? -1 : text.indexOf(name, i + 1)) {
    const end = i + name.length;
    if (!CLOSE_QUOTES.includes(text[end] ?? '\0') || text[end + 1] !== ')' || !OPEN_QUOTES.includes(text[i - 1] ?? '\0')) continue;
    let open = i - 2;
    if (text[open] !== '(') {
      // "(the "Name")", "(collectively, "Name")", "(hereinafter "Name")": a defining word, then at least one space, between the bracket and the quote.
      let j = open;
      while (j >= 0 && SPACE.test(text[j]!)) j--;
      if (j === open) continue;
      if (text[j] === ',') j--;
      let w = j;
      while (w >= 0 && /\p{Ll}/u.test(text[w]!)) w--;
      if (!DEFINING.has(text.slice(w + 1, j + 1)) || text[w] !== '(') continue;
      open = w;
    }
    let start = open;
    while (start > 0 && SPACE.test(text[start - 1]!)) start--;
    if (best < 0 || start < best) best = start;
  }
  return best;
}

export function expandAlias(text: string, name: string): string {
  // Find the definition first, then read the name just before it: matching the name pattern
  // at every position of a long notice is what would cost, not the definition.
  const definition = aliasDefinition(text, name);
  if (definition < 0) return name;
  const m = ORG_BEFORE_ALIAS.exec(text.slice(Math.max(0, definition - 160), definition).replace(AND_GROUP, ''));
  // "represents Acme, Inc.": a legal form lets a lower-case word start the match; the sentence's words before a capitalised name are not the name.
  const found = m ? cleanName(m[1]!) : null;
  return found ? (cleanName(afterSentenceWords(found)) ?? name) : name;
}

const POSSESSIVE_WORK = new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{N}&'\-]*[ \t]+){1,4}${SUFFIX})['’]s\s+(?:${ci('confidential')}\s+(?:&|and)\s+)?(?:${ci('proprietary')}|${ci('copyrighted')}|${ci('copyright-protected')})\s+(?:${ci('software')}|${ci('source code')}|${ci('code')}|${ci('work')}s?|${ci('material')}s?)\b`, 'gu');

// "Notifying Party" as a heading, the organisation alone on a line under it (blank lines between): a label without a colon.
const PARTY_HEADING = new RegExp(String.raw`^[ \t*_#>]*(?:${ci('notifying party')}|${ci('complaining party')}|${ci('complainant')}|${ci('rights holder')}|${ci('rightsholder')}|${ci('copyright owner')}|${ci('copyright holder')})[ \t*_]*:?[ \t*_]*\n(?:[ \t]*\n){0,3}[ \t*_]*(${ANY_ORG})[ \t*_]*$`, 'gmu');
const PRODUCT_COMPANY = /^[ \t*_]*(?:product|title|work)[ \t*_]*:[^\n]+\n[ \t*_]*(?:company|publisher|rights? ?holder|owner)[ \t*_]*:[ \t]*(\S[^\n]{1,80}?)[ \t]*$/im;
// A title and the organisation it is held at: "I am the CEO of Acme Inc.", or a sign-off line "President, Acme, Inc.".
const STAFF_TITLE = String.raw`(?:${ci('legal representative')}|${ci('managing director')}|${ci('technical director')}|${ci('director')}|${ci('president')}|${ci('ceo')}|CEO|CTO|COO|CFO|${ci('founder')}|${ci('co-founder')}|${ci('general counsel')}|${ci('corporate counsel')}|${ci('in-house counsel')}|${ci('lead developer')})`;
const TITLE_OF = new RegExp(String.raw`\b${STAFF_TITLE} (?:${ci('of')}|${ci('at')}) ${Q}(${ANY_ORG})`, 'gu');
const TITLE_LINE = new RegExp(String.raw`^[ \t*_>-]*(?:\[[Pp]rivate\],?[ \t]*)?${STAFF_TITLE}[ \t*_]*,[ \t*_]*(${ANY_ORG})[ \t*_]*$`, 'gmu');
const CUT_AT_CONNECTOR = /^[ \t]+(?:of|and|&|for|de|the)[ \t]*\n/i;
/** Words that open no owner's name: the platform addressed, the statute, a heading. */
export const NOT_A_NAME = /^(GitHub|DMCA|Digital Millennium|Section|U\.?S\.?|United States|Copyright Act|Notice|Claims?)\b/i;
// In a response, "the notice submitted by X on behalf of Y" names the complainant's side, not the owner of the content.
const SUBMITTED_BY = /\b(notice|request|claim|complaint|takedown)\b[^.]{0,80}\b(submitted|filed|sent|issued)\b[^.]{0,60}$/i;

// The name a shape captures: each shape is tried only where the words before the name stand (`cuedMatches`).
const NAME_GROUP = `(${ANY_ORG}`;

/**
 * Every owner candidate the sentence generators read, in the order of their strength. A counter-notice
 * keeps only the shapes that still name the owner of the content when its sender is the other side.
 */
export function ownerSentenceCandidates(raw: SourceText, isResponse: boolean): OwnerCandidate[] {
  // "[private]/Acme Security": a redacted person joined to the company name; the company is what counts.
  const src: SourceText = { ...raw, text: raw.text.replace(/\[(?:private|redacted)\]\s*\/\s*/gi, (m) => ' '.repeat(m.length)) };
  const out: OwnerCandidate[] = [];
  let weight = 10;
  const add = (generator: string, rawName: string | undefined, at: number, evidence: Span, end = at): void => {
    // "the University of\nIllinois": a name cut at a connector by a line break is not the name.
    if (!rawName || CUT_AT_CONNECTOR.test(src.text.slice(end, end + 12))) return;
    const name = cleanName(rawName);
    if (!name || NOT_A_NAME.test(name)) return;
    if (isResponse && SUBMITTED_BY.test(src.text.slice(Math.max(0, at - 160), at))) return;
    out.push({ name, generator, weight, at, evidence });
  };
  for (const [index, [id, re, inResponse, needle]] of OWNER_PATTERNS.entries()) {
    weight -= 0.25;
    if (index === 6 && !isResponse) {
      for (const t of ownersBeforeTail(src)) add('owner.is_owner', t.name, t.at, t.evidence);
      weight -= 0.25;
    }
    if ((isResponse && !inResponse) || (needle && !src.text.includes(needle))) continue;
    for (const m of cuedMatches(src.text, re, NAME_GROUP)) add(id, m[1] ?? m[2], m.index ?? 0, sentenceSpan(src, m.index ?? 0, (m.index ?? 0) + m[0].length), (m.index ?? 0) + m[0].length);
  }
  if (isResponse) return out;
  weight -= 0.25;
  for (const m of cuedMatches(src.text, TITLE_OF, NAME_GROUP)) add('owner.staff_of', m[1], m.index ?? 0, sentenceSpan(src, m.index ?? 0, (m.index ?? 0) + m[0].length));
  for (const m of cuedMatches(src.text, TITLE_LINE, NAME_GROUP)) add('owner.staff_of', m[1], m.index ?? 0, spanOf(src, m.index ?? 0, (m.index ?? 0) + m[0].length));
  // A product block of an enforcement report: "Product: Title" over "Company: Publisher" names the owner of the title.
  weight -= 0.25;
  const product = PRODUCT_COMPANY.exec(src.text);
  if (product && !/^\[(private|redacted)\]$/i.test(product[1]!)) add('owner.labelled', product[1], product.index, spanOf(src, product.index, product.index + product[0].length));
  for (const h of src.text.matchAll(PARTY_HEADING)) add('owner.labelled', h[1], h.index ?? 0, spanOf(src, h.index ?? 0, (h.index ?? 0) + h[0].length));
  // "Broadcom Corporation’s Confidential & Proprietary Software Code", "a literal copy of Acme’s copyrighted work".
  weight -= 0.25;
  for (const p of src.text.matchAll(POSSESSIVE_WORK)) add('owner.owned_by', p[1], p.index ?? 0, sentenceSpan(src, p.index ?? 0, (p.index ?? 0) + p[0].length));
  // The possessive is the weakest shape: a product ("Runner AI's proprietary model") reads the same way.
  weight = Math.min(weight, POSSESSIVE_WEIGHT);
  for (const t of ownersBeforeTail(src, POSSESSIVE_TAIL)) if (!ROLE_WORD.test(t.name) && !VERSIONED.test(t.name)) add('owner.possessive', t.name, t.at, t.evidence);
  return out;
}

/** Ids of the owner generators that propose a candidate in a text (for counting on how many documents each one fires). */
export function ownerGeneratorsFiring(text: string, isResponse = false): string[] {
  const src: SourceText = { source: 'body', text };
  const ids = ownerSentenceCandidates(src, isResponse).map((c) => c.generator);
  if (!isResponse && signOffCandidates(src).length > 0) ids.push('owner.sign_off');
  return [...new Set(ids)];
}
