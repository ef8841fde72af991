import type { Span } from '../domain/schemas/complaint.js';
import { blank, sentencesWith } from './scan.js';
import { sentenceSpan, type SourceText } from './span.js';
import { ownerStaffLine } from './staff.js';
import { hasWord } from './words.js';
import { lexiconOf } from './lexicons.js';
import { escapeRegExp } from './compiled.js';

/**
 * Owner or agent, decided from cues rather than by the first phrase that fires.
 * Named generators propose cues for one side (`agent` or `owner`) with a weight;
 * features of where a cue stands lower it: a negated sentence ("none of this is
 * authorized by Acme, its agents or the law"), the statutory either-or wording
 * that owners and agents type alike ("I am the owner, or am authorized to act on
 * behalf of the owner"), quoted history and the platform's own address block.
 * The side with the larger sum wins; the size of the lead is the confidence.
 * Hand weights, held to the corpus figures (`npm run eval`).
 */

type Side = 'agent' | 'owner';

export interface AgencyCue {
  id: string;
  side: Side;
  weight: number;
  at: number;
  end: number;
  negated: boolean;
  boilerplate: boolean;
  quoted: boolean;
  /** Inside the statutory perjury sentence, whose "authorized to act on behalf of" owners type as well. */
  perjury: boolean;
}

export interface AgencyDecision {
  isAgent: boolean | null;
  /** How sure the reading is, 0.5 (a guess) to 0.99. */
  confidence: number;
  evidence: Span | null;
  cues: AgencyCue[];
}

// Letters sent by mail are wrapped at about 70 columns: a phrase may break at any space ("I am the copyright owner, or am\nauthorized").
const GAP = String.raw`(?:[ \t]*\n[ \t]*|[ \t]+)`;
const escape = (s: string): string => escapeRegExp(s).replace(/ /g, GAP);

/** The same pattern with every literal space (outside a character class) also matching one line break. */
export function wrapped(re: RegExp): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.source.length; i++) {
    const ch = re.source[i]!;
    if (ch === '\\') { out += ch + (re.source[++i] ?? ''); continue; }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch === ' ' && !inClass ? GAP : ch;
  }
  return new RegExp(out, re.flags);
}
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
const LATIN = (list: readonly string[]): RegExp => new RegExp(String.raw`\b(?:${words(list)})\b`, 'gi');
const parties = { en: lexiconOf('en').parties, zh: lexiconOf('zh').parties };

// Phrases that say the sender writes for someone else, per language.
const AGENT_PHRASES = new RegExp(`${LATIN(parties.en.agentPhrases).source}|${words(parties.zh.agentPhrases)}`, 'gi');
const NEGATION = new RegExp(`${LATIN(parties.en.negations).source}|n['’]t\\b|${words(parties.zh.negations)}`, 'i');
const STAFF_ROLES = words(parties.en.staffRoles);

// Cues read from sentence shapes rather than fixed phrases.
const AGENT_SHAPES: [string, RegExp][] = ([
  ['agent.sent_by_for', /\b(?:notice|letter|request) is (?:being )?(?:issued|sent|submitted|filed) by [^.\n]{2,80}? on behalf of\b/gi],
  ['agent.authority', /\bevidence of [^.\n]{0,40}authority to act\b|\b(?:have been|has been|were|was) (?:duly )?authori[sz]ed by\b/gi],
  ['agent.vendor', /\b(?:security|brand[- ]protection|enforcement|anti[- ]?piracy|takedown) partner\b|\b(?:incident response|security|brand[- ]protection|anti[- ]?piracy) services? (?:provider|vendor|company|firm|to)\b|\bresponsible for providing [^.\n]{0,40}(?:security|protection|enforcement) services\b/gi],
  ['agent.firm_name', /\b(?:PLLC|LLP|Law Group|Law Office|Legal Services)\b/g],
  // "Acme Brand Protection on behalf of Owner": an organisation that names itself before "on behalf of" is an agent.
  ['agent.org_on_behalf', /(?:^|[.,\n][ \t]*)(?!I\b|We\b|Yes\b|The\b|This\b)[A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,4} (?:on behalf of|for and on behalf of)\b/gm],
  // "LookingGlass is authorized to act on behalf of Comcast", "We, Acme Brand Services, are duly authorized".
  ['agent.org_authorized', /(?:^|[.\n][ \t]*)(?!(?:I|We|Yes|It|This|He|She|They|The)\b)[A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,4},? (?:is|are) (?:duly )?authori[sz]ed to act on behalf of\b|\bWe, [A-Z][^,\n]{1,60}, are (?:duly )?authori[sz]ed\b/gm],
  // "Blizzard has authorized Irdeto to act as its agent", "I am authorized to act by T-Mobile", "on whose behalf FontData is acting".
  ['agent.appointed', /\bauthori[sz]ed (?:us|me|[A-Z][\w&.-]+(?: [A-Z][\w&.-]+){0,3}) to act as (?:its|their|his|her) [^.\n]{0,30}agents?\b|\b(?:I am|I'm|we are) authori[sz]ed to act (?:by|for) [A-Z]|\bon (?:whose|who'?s) behalf [^.\n]{1,60}\b(?:is|are) acting\b/g],
  // "We are writing on behalf of Sky UK Limited": a firm speaking for a named party. A single writer "on behalf of"
  // a named company is as often its employee, so that alone leans nowhere.
  ['agent.we_on_behalf', /\b[Ww]e\b[^.\n]{0,40}\bon behalf of[ \t]+["“]?\p{Lu}/gu],
  // "on behalf of Odoo SA, the copyright owner": the owner named as a party apart from the sender.
  ['agent.owner_apart', /\bon behalf of[ \t]+["“]?\p{Lu}[^,.\n]{1,60},[ \t]+the[ \t]+(?:sole[ \t]+|exclusive[ \t]+)?(?:copyright[ \t]+|rights?[ \t]+)?(?:owner|holder|rightsholder)\b/gu],
  ['agent.on_behalf', /\bauthori[sz]ed to act on (?:the )?(?:copyright )?owner'?s?['’]?s? behalf|\bacting on behalf of\b|\bon behalf of\b/gi],
] as [string, RegExp][]).map(([id, re]) => [id, wrapped(re)]);

const WEIGHTS: Record<string, number> = {
  'agent.phrase': 3,
  'agent.sent_by_for': 4,
  'agent.authority': 3,
  'agent.vendor': 3,
  'agent.firm_name': 3,
  'agent.org_on_behalf': 4,
  'agent.org_authorized': 4,
  'agent.appointed': 4,
  'agent.we_on_behalf': 2.5,
  'agent.owner_apart': 2.5,
  'agent.on_behalf': 0.5,
  'owner.self': 3,
  'owner.holds_right': 2.5,
  'owner.self_named': 3,
  'owner.answer': 3,
  'owner.staff_role': 4,
  'owner.staff_redacted': 3,
  'agent.staff_elsewhere': 3,
  'owner.staff_line': 3,
  'owner.either_with_side': 1.5,
};

// The sender says it holds the right: "I am the owner", "our code", "owned by us", "我公司是权利人".
const OWNER_SELF = wrapped(/\b(?:i am|i'm|we are) (?:the )?(?:sole |original |exclusive )?(?:copyright |content |rights? |ip |trademark )?(?:owner|holder|author|creator|developer|proprietor)\b|\b(?:our|my) (?:own )?(?:code|company|software|products?|work|game|apps?|applications?|repository|book|asset|source code|proprietary|website|site|projects?|plugins?|modules?|materials|terms(?: of (?:service|use)| and conditions)?)\b|\bemployee of\b|\bowned by (?:my|our) company|\bowned by (?:us|me)\b|我(?:公司)?是(?:该)?(?:权利人|商标权人|专利权人|著作权人)|我公司|(?:本公司|我方|我司)(?:为|是|系)[^。\n]{0,60}?(?:权利人|商标权人|专利权人|著作权人|商标注册人|专利所有人)/gi);
// The sender speaks of the right or the work as its own: "infringes our copyright", "my rights", "authored by me".
const HOLDS_RIGHT = wrapped(/\b(?:our|my) (?:own )?(?:copyrights?|copyright rights|intellectual property(?: rights)?|ip rights)\b(?! (?:complaint|notice|agent))|\bmy rights\b|\b(?:made|written|created|developed|authored|coded) (?:solely |entirely )?by (?:me|us|myself)\b/gi);
// "We, Lineto GmbH, are the copyright owner": the sender introduces itself by the owner's name.
const WE_NAMED = /\b(?:We|I),[ \t]+(\p{Lu}[^,\n(]{1,80})[,(]/gu;
// The statutory perjury sentence ("under penalty of perjury, that I am authorized to act on behalf of the owner"), typed by owners and agents alike.
const PERJURY = /\bpenalty of perjury\b/i;
// The answer to the owner-or-agent question names the owner role and nothing else: "Copyright owner", "Yes, the author".
const OWNER_ANSWER = /^[ \t>*_-]*(?:yes[,.!]?[ \t]*)?(?:i am |i'm )?(?:the )?(?:sole |original )?(?:copyright |content )?(?:owner|holder|author|creator)[ \t.!]*$/gim;
// "I am the legal representative of Acme Ltd", "director of the company": the owner's own officer or staff, not an agent.
// "the legal representative authorized to act on behalf of Acme" holds the title at Acme as much as "of Acme" does.
const STAFF_ROLE = wrapped(new RegExp(String.raw`\b(?:${STAFF_ROLES})s? (?:(?:duly )?authori[sz]ed to act )?(?:on behalf of|of|at|for|with) (?:the |our |my )?([^\n,.;()]{2,60})`, 'gi'));
// A unit inside an organisation ("the Strategy Team of Acme"), not an organisation of its own.
const UNIT = /\b(?:team|department|dept|division|office|affairs|unit|group)\b/i;
// "I am the [private] of Acme Ltd": a title redacted by the platform, held at the named owner.
const STAFF_REDACTED = wrapped(/\b(?:I am|I'm) (?:a |an |the )?\[(?:private|redacted)\],? (?:of|at|with) (?:the )?([^\n,.;()]{2,60})/gi);
const STAFF_OF_CLIENT = /^(?:client|clients|customer|customers)\b/i;

// The statutory either-or wording, typed by owners and agents alike: it says nothing about which one the sender is.
const EITHER = wrapped(/\b(?:owner|holder)\b,? or (?:am |are |is )?(?:an? |its |the )?(?:person |agent )?authori[sz]ed|\bperson injured,? or (?:an? )?agent\b|\bowner,? (?:or|nor) (?:an? |its |the )?(?:agent|authori[sz]ed)|\bits agents?,? or the law\b|\bthe owner['’]?s? agent\b/gi);
const EITHER_SELF = wrapped(/\b(?:i am|i'm|we are) (?:the )?(?:copyright |content |rights? )?(?:owner|holder)\b,? or (?:am |are )?(?:a person )?authori[sz]ed/gi);
const FIRST_PERSON = /\b(?:we|our|ours|us|my|mine)\b|\bthe company['’]s (?:own )?(?:proprietary|code|software|source)/i;
const STATUTORY_LINE = /good[- ]faith belief|fair use|have read and understand|penalty of perjury/i;
const OWN_PRODUCT = /\bour (?:own )?(?:app|application|software|product|service|platform|tool|game|website|site)s?\b/i;
// A team name ("Acme Brand Protection") on a line that also names the owner is the owner's own department.
const TEAM_CUE = /^(?:brand[- ]protection|anti[- ]?piracy)$/i;
// Quoted history and the platform's own address block are not the sender's words about itself.
const QUOTED_LINE = /^[ \t]*>/;
const QUOTED_START = /^(?:-{2,}\s*(?:Original Message|Forwarded message)|On .{5,120} wrote:$)/im;
const ADDRESSEE = /\battn\b|dmca agent|copyright agent|designated agent|^to\s*:/im;
// A salutation line ("To General Counsel on behalf of Rackspace Inc.,", "Dear Sirs,") speaks to the recipient, not for the sender.
const SALUTATION = /^[ \t]*(?:to|dear)\b[^\n]{0,100},[ \t]*$/gim;

interface Context {
  text: string;
  quotedFrom: number;
  addressee: [number, number][];
}

function paragraphsMatching(text: string, re: RegExp): [number, number][] {
  const out: [number, number][] = [];
  let pos = 0;
  for (const para of text.split(/\n[ \t]*\n/)) {
    const start = text.indexOf(para, pos);
    if (re.test(para)) out.push([start, start + para.length]);
    pos = start + para.length;
  }
  return out;
}

const STATUTORY_SHAPES = new Set(['agent.we_on_behalf', 'agent.owner_apart', 'agent.on_behalf', 'agent.appointed']);
const PERJURY_SHARE = 0.3;
// Sentence punctuation, looked up per character (each is one UTF-16 unit).
const STOP = new Set('.!?;。！？；');
const REACH = 300;

/**
 * The sentence around a cue, read across the single line breaks of a wrapped letter: it ends at sentence
 * punctuation or a blank line, and at most a few lines away, so a negation two lines up still counts.
 */
export function clauseAround(text: string, at: number, end: number): { start: number; text: string } {
  const blankLine = (i: number): boolean => text[i] === '\n' && /^\n[ \t]*(?:\n|$)/.test(text.slice(i, i + 40));
  let s = at;
  while (s > 0 && at - s < REACH && !STOP.has(text[s - 1]!) && !blankLine(s - 1)) s--;
  let e = end;
  while (e < text.length && e - end < REACH && !STOP.has(text[e]!) && !blankLine(e)) e++;
  return { start: s, text: text.slice(s, e) };
}

function cue(src: SourceText, ctx: Context, id: string, side: Side, at: number, end: number): AgencyCue {
  const sentence = clauseAround(ctx.text, at, end);
  const before = ctx.text.slice(sentence.start, at);
  const lineStart = ctx.text.lastIndexOf('\n', at - 1) + 1;
  // A shape that starts at the line break before its words belongs to the line after it.
  const first = ctx.text[at] === '\n' ? at + 1 : at;
  EITHER.lastIndex = 0;
  return {
    id, side, weight: WEIGHTS[id] ?? 1, at, end,
    negated: NEGATION.test(before),
    boilerplate: EITHER.test(sentence.text),
    perjury: PERJURY.test(sentence.text),
    quoted: at >= ctx.quotedFrom || QUOTED_LINE.test(ctx.text.slice(lineStart, at)) || ctx.addressee.some(([s, e]) => first >= s && first < e),
  };
}

/** The weight a cue keeps once its features are read. */
export function cueWeight(c: AgencyCue): number {
  if (c.negated || c.quoted) return 0;
  // The either-or sentence is the owner side's only cue when nothing else speaks: kept at its own low weight.
  if (c.boilerplate && c.id !== 'owner.either_with_side') return 0;
  // A shape read from the statutory perjury sentence is the law's wording more than the sender's.
  if (c.perjury && STATUTORY_SHAPES.has(c.id)) return c.weight * PERJURY_SHARE;
  return c.weight;
}

function staffRole(src: SourceText, ctx: Context, owner: string | null): AgencyCue | null {
  const head = owner?.split(/\s+/)[0]?.toLowerCase() ?? null;
  let elsewhere: AgencyCue | null = null;
  for (const m of src.text.matchAll(STAFF_ROLE)) {
    const of = m[1]!.trim().toLowerCase();
    if (STAFF_OF_CLIENT.test(of)) continue;
    // "legal manager at the Strategy Team of Bluehole Studio": the owner's name anywhere in the unit named.
    const atOwner = head ? ` ${norm(of)} `.includes(` ${norm(head)} `) : true;
    if (atOwner || /^(?:company|copyright owner|rights? (?:owner|holder))\b/.test(of)) return cue(src, ctx, 'owner.staff_role', 'owner', m.index ?? 0, (m.index ?? 0) + m[0].length);
    // "Legal Representative of Lantern Services B.V." when the letter names another owner: an officer of the firm that writes for it.
    if (head && /^\p{Lu}/u.test(m[1]!.trim()) && !UNIT.test(of)) elsewhere ??= cue(src, ctx, 'agent.staff_elsewhere', 'agent', m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  if (elsewhere) return elsewhere;
  // A redacted title says less (it may be an outside firm's): it counts only at the owner the letter names.
  if (head) {
    for (const m of src.text.matchAll(STAFF_REDACTED)) {
      if (` ${norm(m[1]!)} `.includes(` ${norm(head)} `)) return cue(src, ctx, 'owner.staff_redacted', 'owner', m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  }
  return null;
}

function inHouseTeam(text: string, at: number, phrase: string, owner: string | null): boolean {
  if (!owner || !TEAM_CUE.test(phrase)) return false;
  const head = owner.split(/\s+/)[0]!.replace(/[^\p{L}\p{N}&-]/gu, '');
  if (head.length < 2) return false;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  return hasWord(line, head);
}

/** Every cue for either side, with its features. */
export function agencyCues(src: SourceText, owner: string | null, ownOrg: string | null): AgencyCue[] {
  const text = src.text;
  const q = QUOTED_START.exec(text);
  const salutations = [...text.matchAll(SALUTATION)].map((m): [number, number] => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  // "Dear DMCA Agent," opens the letter's own paragraph: only the salutation line is addressed to the platform.
  const unsaluted = text.replace(SALUTATION, (m) => ' '.repeat(m.length));
  const ctx: Context = { text, quotedFrom: q ? q.index : text.length, addressee: [...paragraphsMatching(unsaluted, ADDRESSEE), ...salutations] };
  const out: AgencyCue[] = [];
  const staff = staffRole(src, ctx, owner);
  if (staff) out.push(staff);
  for (const m of text.matchAll(AGENT_PHRASES)) {
    const at = m.index ?? 0;
    const phrase = m[0];
    if (inHouseTeam(text, at, phrase, owner)) continue;
    // "legal counsel for Acme", "legal representative of Acme": the words that read as a staff title are not also an agent's.
    if (staff && at < staff.end && at + phrase.length > staff.at) continue;
    // "our customers can download our app": the sender's own users, not a client it writes for.
    if (/^our[ \t]+customers?$/i.test(phrase) && OWN_PRODUCT.test(sentenceSpan(src, at, at + phrase.length).text)) continue;
    out.push(cue(src, ctx, 'agent.phrase', 'agent', at, at + phrase.length));
  }
  for (const [id, re] of AGENT_SHAPES) {
    for (const m of text.matchAll(re)) out.push(cue(src, ctx, id, 'agent', m.index ?? 0, (m.index ?? 0) + m[0].length));
  }
  const line = ownerStaffLine(src, owner);
  if (line) out.push(cue(src, ctx, 'owner.staff_line', 'owner', line.start, line.end));
  const rest = blank(text, sentencesWith(text, EITHER_SELF));
  for (const m of rest.matchAll(OWNER_SELF)) out.push(cue(src, ctx, 'owner.self', 'owner', m.index ?? 0, (m.index ?? 0) + m[0].length));
  for (const m of rest.matchAll(HOLDS_RIGHT)) out.push(cue(src, ctx, 'owner.holds_right', 'owner', m.index ?? 0, (m.index ?? 0) + m[0].length));
  if (owner) {
    const ownerKey = norm(owner).split(' ')[0]!;
    for (const m of text.matchAll(WE_NAMED)) {
      if (ownerKey.length >= 3 && ` ${norm(m[1]!)} `.includes(` ${ownerKey} `)) out.push(cue(src, ctx, 'owner.self_named', 'owner', m.index ?? 0, (m.index ?? 0) + m[0].length));
    }
  }
  for (const m of rest.matchAll(OWNER_ANSWER)) out.push(cue(src, ctx, 'owner.answer', 'owner', m.index ?? 0, (m.index ?? 0) + m[0].length));
  // The either-or sentence leans to the owner when something else shows the sender's side: a named owner, its own
  // organisation, first-person words outside the statements, or a company line closing the letter.
  const either = EITHER_SELF.exec(text);
  EITHER_SELF.lastIndex = 0;
  if (either) {
    const plain = rest.replace(/\[(?:private|redacted)\]/gi, ' ').split('\n').map((l) => (STATUTORY_LINE.test(l) ? ' ' : l)).join('\n');
    if (owner || ownOrg || FIRST_PERSON.test(plain)) out.push(cue(src, ctx, 'owner.either_with_side', 'owner', either.index, either.index + either[0].length));
  }
  return out;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const confidenceOf = (lead: number): number => Math.min(0.99, Math.round((0.5 + lead / 8) * 100) / 100);

/**
 * true: writes for someone else; false: the owner or its staff; null when the text does not say.
 * A response (counter-notice, retraction) is the sender's own unless a cue says otherwise; so, at low
 * confidence, is a notice with no cue for an agent at all (a sender acting for another says so).
 */
export function decideAgency(src: SourceText, opts: { kind: string; owner?: string | null; ownOrg?: string | null }): AgencyDecision {
  const cues = agencyCues(src, opts.owner ?? null, opts.ownOrg ?? null);
  // One vote per generator: a phrase repeated ten times is one cue, not ten.
  const best = new Map<string, AgencyCue>();
  for (const c of cues) {
    const w = cueWeight(c);
    if (w > 0 && (!best.has(c.id) || w > cueWeight(best.get(c.id)!))) best.set(c.id, c);
  }
  let agent = 0;
  let own = 0;
  for (const c of best.values()) (c.side === 'agent' ? (agent += cueWeight(c)) : (own += cueWeight(c)));
  const lead = agent - own;
  const strongest = (side: Side): AgencyCue | undefined => [...best.values()].filter((c) => c.side === side).sort((a, b) => cueWeight(b) - cueWeight(a) || a.at - b.at)[0];
  const span = (c: AgencyCue | undefined): Span | null => (c ? sentenceSpan(src, c.at, c.end) : null);
  if (lead >= 1) return { isAgent: true, confidence: confidenceOf(lead), evidence: span(strongest('agent')), cues };
  if (lead <= -1) return { isAgent: false, confidence: confidenceOf(-lead), evidence: span(strongest('owner')), cues };
  const quiet = agent < 1 && own < 1;
  if (opts.kind === 'counter_notice' || opts.kind === 'retraction' || (opts.kind === 'notice' && quiet)) {
    return { isAgent: false, confidence: 0.55, evidence: span(strongest('owner')), cues };
  }
  const any = cues.find((c) => c.side === 'agent') ?? cues[0];
  return { isAgent: null, confidence: 0.5, evidence: span(any), cues };
}
