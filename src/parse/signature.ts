import type { Span } from '../domain/schemas/complaint.js';
import { LEXICONS } from './lexicons.js';
import { meaningfulBody, sectionAt, type Section } from './sections.js';
import { spanOf, type SourceText } from './span.js';
import { matchesOnLinesWith } from './compiled.js';

export interface SignatureHit {
  name: string;
  evidence: Span;
  /** The candidate's score: `SIGNATURE_THRESHOLD` or more. */
  score: number;
}

const CLOSING = /^\s*(sincerely|regards|best regards|kind regards|warm regards|best wishes|yours( (faithfully|sincerely|truly))?|respectfully( yours| submitted)?|best|thank you( very much)?|thank you for your (kind )?(assistance|help|cooperation|co-operation|attention|time|prompt attention)[^\n]{0,60}|truthfully|thanks|cheers|signed|sign(ed)? by|on behalf of [^\n]{2,60}|此致|敬礼|顺祝商祺|谢谢)[,.!。，]?\s*$/i;
// "Name of the person authorized to act: ..." under the statutory signature item is the typed signature.
const LABELLED = /^[ \t*_]*(?:(?:electronic |digital )?(?:signature|signed|sign|签名|签字|签章)(?: of [^:\n]{1,40})?|name of (?:the )?(?:person|signatory) authori[sz]ed(?: to act)?(?: on [^:\n]{1,40})?)[ \t*_]*(?:[:：]|[ \t][-–—])[ \t*_]*(\S[^\n]{0,80})$/gim;
const SLASH_S = /\/s\/[ \t]*([^\n/]{2,80})/i;
// A conformed signature between slashes on a line of its own: "/Jo Lind/", "// [private] //".
const SLASHED = /^[ \t]*\/{1,2}[ \t]*([^\n/]{2,80}?)[ \t]*\/{1,2}[ \t]*$/gm;
// "[private] | Trademark Counsel | Acme, Inc.": the name and the title on one sign-off line.
const NAME_BAR_TITLE = /^[ \t*_]*([^\n|]{2,60}?)[ \t]*\|[ \t]*([^\n|]{2,80})(?:\|[^\n]*)?$/gm;
// "(signed) Name", "/signed/" over the name, "7. Signed - Name, Director": a signing mark in brackets, slashes or a list item.
const SIGNED_MARK = /^[ \t*_]*(?:\d{1,2}[.)][ \t*_]*)?(?:\((?:e-?)?signed\)|\/(?:e-?)?signed\/|(?:e-?)?signed[ \t*_]*[-–—])[ \t*_]*([^\n]{0,80})$/gim;
// "Best Regards, Name": the closing and the name on one line.
const CLOSING_INLINE = /^[ \t*_]*(?:sincerely|regards|best regards|kind regards|warm regards|best wishes|yours (?:faithfully|sincerely|truly)|respectfully|thank you|thanks|cheers)[ \t]*[,:][ \t]*(\S[^\n]{1,80})$/gim;
// A typed name field after the statements: "Full name: ...", "Name: ...".
const NAME_FIELD = /^[ \t*_]*(?:full |legal |full legal |first )?name[ \t*_]*[:：][ \t]*(\S[^\n]{0,80})$/i;
const LAST_STATEMENT = /penalty of perjury|good[- ]?faith belief|如有不实|伪证|法律责任/gi;
const PARTICLE = /^(?:de|da|di|del|della|van|von|der|den|le|la|du|dos|das|bin|binti|al|el|y)$/;

/** A line that is nothing but a person's name (two to four capitalised words, or CJK), or a redaction of it. */
export function personNameLine(line: string): boolean {
  const t = line.trim().replace(/^[*_]+|[*_]+$/g, '').replace(/[,.]$/, '').trim();
  if (/^\[(private|redacted)\](\s*[,/]?\s*\[(private|redacted)\])*(,?\s+(on behalf of\s+)?[\p{L}][^\n]{0,60})?$/iu.test(t)) return true;
  if (/^[\u4e00-\u9fff]{2,4}$/.test(t) || /^[\u4e00-\u9fff（）()]{2,30}(有限公司|公司|工作室|事务所|集团|商行)$/.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => PARTICLE.test(w) || /^\p{Lu}[\p{Ll}'’\-]+\.?$|^\p{Lu}\.$|^\p{Lu}{2,}$/u.test(w));
}

/**
 * The name that closes a letter: within the lines after the last statement,
 * a typed name field, or a line that is only a person's name (the sign-off
 * block of senders who write no "Sincerely").
 */
function nameAfterStatements(src: SourceText, sections: readonly Section[]): { start: number; end: number } | null {
  let last = -1;
  for (const m of src.text.matchAll(LAST_STATEMENT)) last = m.index ?? last;
  if (last < 0) return null;
  const para = src.text.indexOf('\n\n', last);
  let pos = para < 0 ? src.text.indexOf('\n', last) : para;
  if (pos < 0) return null;
  let prev = '';
  for (let seen = 0; seen < 10 && pos < src.text.length; ) {
    const end = src.text.indexOf('\n', pos + 1);
    const e = end < 0 ? src.text.length : end;
    const line = src.text.slice(pos + 1, e);
    pos = e;
    if (!line.trim()) continue;
    seen++;
    // Form answers after the statements (contact, address) are not a sign-off.
    const section = sectionAt(sections, pos - 1);
    if (section?.header && section.prompt && section.role !== 'signature') return null;
    const field = NAME_FIELD.exec(line);
    const start = e - line.length + (line.length - line.trimStart().length);
    // The value under a label ("Mailing address:") is that field, not a name.
    if (field || (personNameLine(line) && !/[:：]\s*$/.test(prev))) return { start, end: e - (line.length - line.trimEnd().length) };
    prev = line;
    if (/[?？]\s*\**$/.test(line)) return null;
  }
  return null;
}

// The line under a typed name in a closing block: a job title, often with the company ("Head of IP, Acme AB").
const TITLE_LINE = /^[ \t]*(?:(?:[\p{L}&.\/-]+ ){0,4}(?:head|director|manager|counsel|attorney|associate|partner|paralegal|officer|specialist|coordinator|analyst|legal|lawyer|solicitor|advocate|founder|owner|president|chairman|secretary|representative|agent|executive|lead|consultant|advisor|adviser|CEO|CFO|COO|CTO|IP|GM)\b[^\n]{0,80}|[^\n,]{2,40},[ \t]+\p{Lu}[^\n]{1,80}|[^\n]{0,30}(?:经理|总监|法务|律师|负责人|代表|主管)[^\n]{0,30})$/iu;
// Quoted history below the sender's own text is not where the sender signs.
const QUOTED_HEAD = /^(?:-{2,}\s*(?:Original Message|Forwarded message)|On .{5,120} wrote:$|From: .+$)/im;

/**
 * Where quoted history starts: an earlier message's header, or a run of "> " lines that lasts to the end.
 * A block quote with the sender's own text after it (a licence the letter cites) is part of the letter.
 */
function quotedFrom(text: string): number {
  const head = QUOTED_HEAD.exec(text);
  let end = head ? head.index : text.length;
  let from = end;
  let pos = end;
  while (pos > 0) {
    const start = text.lastIndexOf('\n', pos - 1) + 1;
    const line = text.slice(start, pos);
    if (line.trim() && !/^[ \t]*>/.test(line)) break;
    if (/^[ \t]*>/.test(line)) from = start;
    pos = start - 1;
  }
  return from < end ? from : end;
}

/** A closing block with no "Regards" above it: a typed name, then a title line, then company or address lines. */
function closingBlockName(src: SourceText): { start: number; end: number } | null {
  const end = quotedFrom(src.text);
  const blocks = [...src.text.slice(0, end).matchAll(/[^\n](?:[^\n]|\n(?![ \t]*\n))*/g)];
  const last = blocks.at(-1);
  if (!last) return null;
  const lines = last[0].split('\n');
  if (lines.length < 2 || lines.length > 8) return null;
  // "[private], on behalf of" over the company line signs for that company.
  const forCompany = /,?[ \t]+on behalf of[ \t]*$/i.test(lines[0]!) && lines[1]!.trim().length > 1;
  if (!personNameLine(lines[0]!) || (!forCompany && (!TITLE_LINE.test(lines[1]!) || personNameLine(lines[1]!)))) return null;
  const start = (last.index ?? 0) + (lines[0]!.length - lines[0]!.trimStart().length);
  return { start, end: (last.index ?? 0) + lines[0]!.trimEnd().length };
}

// A list number ("6.") or an e-mail sign-off dash ("--") may stand before it.
// A markdown or HTML line break ("[private]<br>") may close it.
const REDACTED_LINE = /^[ \t*_]*(?:(?:\d{1,2}[.)]|\[\d{1,2}\]|\(\d{1,2}\))[ \t*_]*|[-–—]{1,2}[ \t]*)?\[(?:private|redacted)\](?:[ \t,]*\[(?:private|redacted)\])*[ \t*_,]*(?:<br ?\/?>|\\)?[ \t]*$/i;

// A line that ends the text above the sign-off block: a sentence, or a form prompt blanked out to
// spaces in the sender's own words. A closing word is no such line: details typed above "Respectfully,"
// are as much the sender's as those under it.
const PROSE_LINE = /^[ \t*_>]*\S+(?:[ \t]+\S+){3,}[.!?:：。][ \t*_]*$/;
const BLANKED_PROMPT = /^[ \t]{8,}$/;

/**
 * Lines that are nothing but redactions in the sign-off block after the last statement: the block of
 * a letter whose name and contact details were blanked out (with or without a closing word above them).
 * The block is what follows the last sentence or form prompt: a redacted line above those answers
 * another question or belongs to the letter's body.
 */
export function redactedSignOffLines(text: string): { start: number; end: number }[] {
  const stop = quotedFrom(text);
  let last = -1;
  for (const m of text.matchAll(LAST_STATEMENT)) if ((m.index ?? 0) < stop) last = m.index ?? last;
  if (last < 0) return [];
  let out: { start: number; end: number }[] = [];
  let pos = text.indexOf('\n', last);
  while (pos >= 0 && pos < stop) {
    const next = text.indexOf('\n', pos + 1);
    const e = next < 0 || next > stop ? stop : next;
    const line = text.slice(pos + 1, e);
    if (REDACTED_LINE.test(line)) out.push({ start: pos + 1 + (line.length - line.trimStart().length), end: pos + 1 + line.trimEnd().length });
    else if (line.length <= 400 && (BLANKED_PROMPT.test(line) || PROSE_LINE.test(line))) out = [];
    if (next < 0) break;
    pos = next;
  }
  return out;
}

/** The letter ends on a redacted line after its statements: that line is the blanked-out signature. */
function redactedLastLine(src: SourceText): { start: number; end: number } | null {
  const lines = redactedSignOffLines(src.text);
  const last = lines.at(-1);
  if (!last) return null;
  if (src.text.slice(last.end, quotedFrom(src.text)).trim()) return null;
  // The value under a label ("Mailing address:") is that field, not a name.
  const above = src.text.slice(0, last.start).trimEnd();
  const label = above.slice(above.lastIndexOf('\n') + 1);
  return /\b(address|phone|telephone|tel|fax|e-?mail|contact)\b[^:：\n]{0,30}[:：][ \t*_]*$/i.test(label) ? null : last;
}

// "Full Legal Name: ..." typed into the sender's contact details.
const FULL_NAME_FIELD = /^[ \t*_]*(?:full |legal |full legal )name[ \t*_]*[:：][ \t]*(\S[^\n]{0,80})$/gim;

function contactNameField(src: SourceText, sections: readonly Section[]): { start: number; end: number } | null {
  for (const m of src.text.matchAll(FULL_NAME_FIELD)) {
    const at = m.index ?? 0;
    const below = src.text.slice(at + m[0].length, at + m[0].length + 240).split('\n').slice(1, 4).join('\n');
    const inContact = sectionAt(sections, at)?.role === 'contact' || /^[ \t*_]*(?:(?:mailing |postal |physical )?address|phone|telephone|e-?mail)(?: number| address)?[ \t*_]*:/im.test(below);
    if (!inContact || !nameLike(m[1]!)) continue;
    return { start: at + m[0].length - m[1]!.length, end: at + m[0].trimEnd().length };
  }
  return null;
}

const SIG_HEADING = /^[ \t*_]*(?:my )?(?:electronic |digital )?signature(?: for [^\n]{0,60})?(?: follows)?[ \t]*[:：]?[ \t*_]*$/gim;

/** A line that reads as a name or a redaction, not a sentence. */
function nameLike(line: string): boolean {
  const t = line.trim().replace(/^[*_]+|[*_]+$/g, '');
  if (!t || t.length > 80) return false;
  if (/\[(private|redacted)\]/i.test(t)) return true;
  if (/https?:|@|\d{4,}/.test(t) && !/^\/s\//.test(t)) return false;
  if (/[.!?]$/.test(t) && !/\b[A-Z]\.$|\b(Inc|Ltd|Co|Corp)\.$/.test(t)) return false;
  return t.split(/\s+/).length <= 8 && /[A-Za-z\u4e00-\u9fff]/.test(t);
}

function lineAfter(src: SourceText, from: number, maxLines: number): { start: number; end: number } | null {
  let pos = from;
  for (let i = 0; i < maxLines && pos < src.text.length; i++) {
    const end = src.text.indexOf('\n', pos);
    const e = end < 0 ? src.text.length : end;
    const line = src.text.slice(pos, e);
    if (line.trim()) return nameLike(line) ? { start: pos + (line.length - line.trimStart().length), end: pos + line.trimEnd().length } : null;
    pos = e + 1;
  }
  return null;
}

const TITLE_WORD = /^[ \t*_]*(?:[\p{L}&.\/-]+ ){0,4}(?:head|director|manager|counsel|attorney|paralegal|officer|specialist|coordinator|analyst|lawyer|solicitor|advocate|founder|president|chairman|secretary|representative|agent|executive|consultant|CEO|CFO|COO|CTO)\b[^\n]{0,60}$/iu;
// "On behalf of Acme" under the name: the signer's principal, as a title line names the signer's role.
const FOR_LINE = /^[ \t*_]*(?:on behalf of|for and on behalf of|acting for)[ \t]+\S/i;

/**
 * A name line over a job title among the letter's last lines, blank lines allowed between them
 * ("[private]", "", "Chief Legal Officer", "", "Acme Ltd"): the sign-off of a sender who writes no closing word.
 */
function nameOverTitle(src: SourceText): { start: number; end: number } | null {
  const end = quotedFrom(src.text);
  const lines: { text: string; start: number }[] = [];
  let pos = src.text.lastIndexOf('\n', end - 1);
  // The last twelve non-empty lines, read bottom up.
  let stop = end;
  while (lines.length < 12 && stop > 0) {
    const s = pos < 0 ? 0 : pos + 1;
    const text = src.text.slice(s, stop);
    if (text.trim()) lines.unshift({ text, start: s });
    if (pos < 0) break;
    stop = pos;
    pos = src.text.lastIndexOf('\n', pos - 1);
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const name = lines[i]!;
    const next = lines[i + 1]!.text;
    if (name.text.length > 80 || !personNameLine(name.text)) continue;
    // A title word, not a shape: "Chief Legal Officer" is capitalised like a name, "UK, MK14 5QF" has a title line's comma.
    if (TITLE_WORD.test(next) || FOR_LINE.test(next)) {
      const lead = name.text.length - name.text.trimStart().length;
      return { start: name.start + lead, end: name.start + name.text.trimEnd().length };
    }
  }
  return null;
}

/** How a signature candidate was found; the base weight is how often that shape is the sender's own signature. */
const GENERATORS = {
  form_answer: 1,
  slash_s: 0.9,
  signed_mark: 0.9,
  closing_inline: 0.8,
  name_title: 0.6,
  labelled: 0.9,
  heading: 0.9,
  closing: 0.8,
  after_statements: 0.6,
  closing_block: 0.6,
  redacted_last_line: 0.5,
  contact_name_field: 0.5,
} as const;
type Generator = keyof typeof GENERATORS;

export interface Candidate {
  generator: Generator;
  name: string;
  start: number;
  end: number;
}

// An earlier message below the sender's own (a reply's history, a forwarded mail): a name there signed that message.
const EARLIER_MESSAGE = /^[ \t>]*(?:-{2,}\s*(?:Original Message|Forwarded message)|On [^\n]{5,120} wrote:[ \t]*$)/im;

/** A candidate scores at least this much to be read as the signature. */
export const SIGNATURE_THRESHOLD = 0.45;

// Answers to these form questions are contact details, URLs or the work, never the sender signing.
const OTHER_ANSWER: ReadonlySet<string> = new Set(['contact', 'infringer', 'targets', 'original', 'ownership']);

/**
 * The score of a candidate: its generator's weight, lowered when it sits where
 * a signature does not (the answer to another form question, quoted history
 * below the sender's own text). The shapes that name themselves ("/s/",
 * "Signature: ...") keep their weight wherever they stand.
 */
function score(c: Candidate, text: string, sections: readonly Section[], historyFrom: number): number {
  let s: number = GENERATORS[c.generator];
  const explicit = c.generator === 'slash_s' || c.generator === 'signed_mark' || c.generator === 'labelled' || c.generator === 'form_answer' || c.generator === 'contact_name_field';
  const section = sectionAt(sections, c.start);
  if (!explicit && section && OTHER_ANSWER.has(section.role) && section.prompt && section.form) s -= 0.5;
  if (!explicit && c.start >= historyFrom) s -= 0.4;
  // A bare line is read as a name only by where it stands; under "My contact information is as follows:" it is a contact value.
  if (TAIL.has(c.generator) && CONTACT_LEAD.test(lineAbove(text, c.start))) s -= 0.3;
  // A company's name closing the letter is not a person signing ("HARVARD BUSINESS PUBLISHING").
  if (!explicit && !/\[(?:private|redacted)\]/i.test(c.name) && organisationName(c.name)) s -= 0.4;
  return s;
}

const LABEL_LINE = /^[ \t*_]*[\p{L}][\p{L} .'-]{0,30}[:：](?!\/\/)|[:：][ \t*_]*$/u;

// Generators that read a line as a name only from its place among the letter's last lines.
const TAIL: ReadonlySet<Generator> = new Set(['after_statements', 'redacted_last_line', 'closing_block', 'name_title']);
// The line leads into a value (it ends in a colon or "at", or is a contact heading of its own), or is the organisation field of a contact block.
const CONTACT_LEAD = /\b(?:contact(?:ed)? (?:information|details|info|data|me|us)|(?:be|been) (?:contacted|reached)|reach (?:me|us)|as follows|organi[sz]ation(?: name)?|company(?: name)?)\b(?:[^\n]*(?:[:：]|\b(?:at|via|below))[ \t*_-]*$|\W*$)|^[ \t*_]*(?:organi[sz]ation|company|firm|attn|attention)(?: name)?[ \t]*:/i;
const LEGAL_FORM = /\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|company|co|plc|ag|sa|s\.a|b\.v|bv|srl|pty|llp)\b\.?/i;
const ORG_HEADS: ReadonlySet<string> = new Set(LEXICONS.flatMap((l) => { const h = l.parties?.orgHeads; return Array.isArray(h) ? h.map((w) => w.toLowerCase()) : []; }));

function organisationName(name: string): boolean {
  if (LEGAL_FORM.test(name)) return true;
  return name.toLowerCase().split(/[^\p{L}]+/u).some((w) => ORG_HEADS.has(w));
}

/** The nearest line above an offset that says something: rules of dashes and redacted values of the same block are skipped. */
function lineAbove(text: string, at: number): string {
  let end = text.lastIndexOf('\n', at - 1);
  for (let i = 0; i < 8 && end > 0; i++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.trim() && !/^[ \t]*[-=_]{3,}[ \t]*$/.test(line) && !REDACTED_LINE.test(line)) return line;
    end = start - 1;
  }
  return '';
}

/** Every reading of a signature, each named by the shape it was found in. */
function candidates(src: SourceText, sections: readonly Section[]): Candidate[] {
  const out: Candidate[] = [];
  const push = (generator: Generator, start: number, end: number, name: string): void => void out.push({ generator, start, end, name: name.replace(/[*_]/g, '').trim() });
  for (const s of sections) {
    if (s.role !== 'signature' || !meaningfulBody(src.text, s)) continue;
    const line = lineAfter(src, s.bodyStart, 6);
    if (line) push('form_answer', line.start, line.end, src.text.slice(line.start, line.end));
  }
  for (const m of src.text.matchAll(SIGNED_MARK)) {
    const at = m.index ?? 0;
    const same = m[1]!.replace(/[*_]/g, '').trim();
    if (same && nameLike(same)) push('signed_mark', at, at + m[0].length, same);
    else if (!same) {
      const line = lineAfter(src, at + m[0].length + 1, 3);
      if (line) push('signed_mark', at, line.end, src.text.slice(line.start, line.end));
    }
  }
  for (const m of src.text.matchAll(CLOSING_INLINE)) {
    const name = m[1]!.replace(/[*_]/g, '').trim();
    if (personNameLine(name) || /^\[(?:private|redacted)\]/i.test(name)) push('closing_inline', m.index ?? 0, (m.index ?? 0) + m[0].length, name);
  }
  const titled = nameOverTitle(src);
  if (titled) push('name_title', titled.start, titled.end, src.text.slice(titled.start, titled.end));
  for (const m of src.text.matchAll(SLASHED)) {
    const name = m[1]!.trim();
    if (!/^s$/i.test(name) && !/^(?:e-?)?signed$/i.test(name) && nameLike(name) && (personNameLine(name) || /\[(?:private|redacted)\]/i.test(name))) push('slash_s', m.index ?? 0, (m.index ?? 0) + m[0].length, name);
  }
  for (const m of matchesOnLinesWith(src.text, NAME_BAR_TITLE, '|')) {
    if (personNameLine(m[1]!) && TITLE_WORD.test(m[2]!)) push('name_title', m.index ?? 0, (m.index ?? 0) + m[0].length, m[1]!);
  }
  const slash = SLASH_S.exec(src.text);
  if (slash) push('slash_s', slash.index, slash.index + slash[0].length, slash[1]!);
  for (const m of src.text.matchAll(LABELLED)) {
    if (nameLike(m[1]!.replace(/[*_]/g, ''))) push('labelled', m.index ?? 0, (m.index ?? 0) + m[0].length, m[1]!);
  }
  for (const m of src.text.matchAll(SIG_HEADING)) {
    const line = lineAfter(src, (m.index ?? 0) + m[0].length + 1, 6);
    if (line) push('heading', line.start, line.end, src.text.slice(line.start, line.end));
  }
  let off = 0;
  for (const line of src.text.split('\n')) {
    if (CLOSING.test(line)) {
      const next = lineAfter(src, off + line.length + 1, 4);
      // A labelled field, a lead-in or another closing under the closing ("tel: [private]", "My contact information:", "Truthfully,") is not the name.
      const nextText = next ? src.text.slice(next.start, next.end) : '';
      if (next && !LABEL_LINE.test(nextText) && !CLOSING.test(nextText)) push('closing', off, next.end, src.text.slice(next.start, next.end));
    }
    off += line.length + 1;
  }
  const tails: [Generator, { start: number; end: number } | null][] = [
    ['after_statements', nameAfterStatements(src, sections)],
    ['closing_block', closingBlockName(src)],
    ['redacted_last_line', redactedLastLine(src)],
    ['contact_name_field', contactNameField(src, sections)],
  ];
  for (const [generator, tail] of tails) {
    if (!tail) continue;
    const raw = src.text.slice(tail.start, tail.end);
    push(generator, tail.start, tail.end, NAME_FIELD.exec(raw)?.[1] ?? raw);
  }
  return out;
}

/** Every signature candidate with its score, in the order the generators found them. */
export function scoredSignatureCandidates(src: SourceText, sections: readonly Section[]): { c: Candidate; s: number }[] {
  const q = EARLIER_MESSAGE.exec(src.text);
  const historyFrom = q ? q.index : src.text.length;
  return candidates(src, sections).map((c) => ({ c, s: score(c, src.text, sections, historyFrom) }));
}

/**
 * The sender's signature: the best-scoring candidate among the form answer,
 * `/s/`, a "Signature:" label or heading, the name under a closing, and the
 * name lines that close the letter; null when none scores high enough.
 */
export function findSignature(src: SourceText, sections: readonly Section[]): SignatureHit | null {
  let best: { c: Candidate; s: number } | null = null;
  for (const { c, s } of scoredSignatureCandidates(src, sections)) {
    if (s >= SIGNATURE_THRESHOLD && (!best || s > best.s)) best = { c, s };
  }
  if (!best) return null;
  const ev = best.c.generator === 'closing' ? { start: best.c.start, end: best.c.end } : best.c;
  return { name: best.c.name, evidence: spanOf(src, ev.start, ev.end), score: Math.min(1, best.s) };
}
