import type { Party, Span } from '../domain/schemas/complaint.js';
import { sectionAt, type Section } from './sections.js';
import { spanOf, type SourceText } from './span.js';

/**
 * The sender's contact block where no labelled field gives it: a line that
 * says how to reach the sender with the details under it ("My contact details:",
 * "I can be contacted via", "can be reached through its counsel at the
 * following:"), or a sign-off line that carries details beside the name
 * ("[private] | Counsel | Acme Inc.", "Acme School | [private]"). Each reading is
 * named by the shape it was found in and scored; redacted values count, as
 * the hosts that publish notices blank them out.
 */
export interface ContactBlock {
  generator: ContactGenerator;
  value: string;
  evidence: Span;
  score: number;
}

const GENERATORS = {
  // A cue that announces the details and the value right under it: as plain as a labelled field.
  cue_value: 0.85,
  // Details beside the name in the sign-off: a redaction on the far side of a separator from the name or title.
  signoff_details: 0.6,
  // A heading that names the sender's own part ("Notifying Party") over a name and address lines.
  party_heading: 0.8,
  // A block of short lines with a postcode or a street and no cue (a letterhead): read only where nothing plainer was.
  address_lines: 0.6,
} as const;
type ContactGenerator = keyof typeof GENERATORS;

/** A contact block scores at least this much to stand for the contact element. */
export const CONTACT_BLOCK_THRESHOLD = 0.5;

const CUE = /\b(?:contact (?:information|details|info|data)|(?:my|our) details|(?:be|been) (?:contacted|reached)|reach (?:me|us)|get in touch|(?:my|our) (?:(?:full )?name,? (?:and )?)?(?:mailing |postal |physical |business )?(?:address|e-?mail(?: address)?|(?:tele)?phone(?: number)?)|at the following (?:address|e-?mail|number))\b/i;
// The infringer's details (a form question about the other party, "the user can be reached at") are not the sender's.
const OTHER_PARTY = /\binfring|\balleged|\buploader|\b(?:the|this) (?:user|account|repository owner|developer)\b|\btheir (?:contact|e-?mail|address)/i;
const REDACTED_VALUE = /^[ \t*_>|-]*\[(?:private|redacted)\](?:[ \t,;|/]*\[(?:private|redacted)\])*[ \t*_,.]*(?:<br>)?[ \t]*$/i;
const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE = /(?:^|[\s:(])\+?\d[\d ().-]{6,}\d(?:\s|$)/;
const STREET = /\b\d{1,5}[A-Z]?\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Square|Parkway|Highway)\b/;
const POSTCODE = /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;
// Quoted history below the sender's own text: details there belong to an earlier message.
const QUOTED = /^[ \t>]*(?:-{2,}\s*(?:Original Message|Forwarded message)|On [^\n]{5,120} wrote:[ \t]*$)/im;
const CLOSING = /^[ \t*_]*(?:sincerely|regards|best regards|kind regards|warm regards|best wishes|yours(?: faithfully| sincerely| truly)?|respectfully(?: yours| submitted)?|best|thank you(?: very much)?|thanks|cheers|signed)[,.!]?[ \t*_]*$/im;

/** A line that is only a contact value: redacted, an e-mail address, a phone number, or an address line. */
function valueLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 200) return false;
  if (REDACTED_VALUE.test(t)) return true;
  // A sentence is not a value; an address line rarely ends in a full stop.
  if (/[.!?]$/.test(t) && !EMAIL.test(t)) return false;
  return EMAIL.test(t) || PHONE.test(t) || STREET.test(t) || POSTCODE.test(t);
}

const NAME_FIELD = /^[ \t*_]*(?:organi[sz]ation|company|firm|(?:full |legal )?name|attn|attention)[^:\n]{0,20}:/i;

interface Line { text: string; start: number }

function linesOf(text: string, end: number): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos < end) {
    const nl = text.indexOf('\n', pos);
    const e = nl < 0 || nl > end ? end : nl;
    out.push({ text: text.slice(pos, e), start: pos });
    pos = e + 1;
  }
  return out;
}

function inOtherPartyAnswer(sections: readonly Section[], at: number): boolean {
  return sectionAt(sections, at)?.role === 'infringer';
}

/** "My contact details:" with the value after the colon or on one of the next three lines. */
function cueValue(src: SourceText, lines: readonly Line[], sections: readonly Section[]): ContactBlock | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.length > 2000) continue;
    const cue = CUE.exec(line.text);
    if (!cue || OTHER_PARTY.test(line.text) || inOtherPartyAnswer(sections, line.start)) continue;
    const rest = line.text.slice((cue.index ?? 0) + cue[0].length);
    const colon = rest.search(/[:：]/);
    if (colon >= 0 && valueLine(rest.slice(colon + 1))) {
      const at = line.start + (cue.index ?? 0);
      return make('cue_value', src, at, line.start + line.text.trimEnd().length, rest.slice(colon + 1).trim());
    }
    // The value goes on the next lines only when the cue line leads into it (ends the line, or ends in ":", "at", "via", "below").
    if (!/(?:[:：]|\b(?:at|via|by|to|below|following|is|are))[ \t*_]*$/i.test(line.text) && rest.trim()) continue;
    const found: Line[] = [];
    for (let j = i + 1, blanks = 0; j < lines.length && blanks <= 2; j++) {
      const next = lines[j]!;
      if (!next.text.trim()) {
        blanks++;
        if (found.length) break;
        continue;
      }
      // "Organization name: Acme" or "Attn: Legal" heads the details without being one.
      if (!found.length && NAME_FIELD.test(next.text)) continue;
      if (!valueLine(next.text)) break;
      found.push(next);
      if (found.length >= 4) break;
    }
    if (found.length) {
      const last = found.at(-1)!;
      return make('cue_value', src, line.start, last.start + last.text.trimEnd().length, found.map((l) => l.text.trim()).join(', '));
    }
  }
  return null;
}

// The heading of the sender's own block in the statutory layout of a notice: "Notifying Party", "Complaining party:".
const PARTY_HEADING = /^[ \t*_#]*(?:notifying|complaining) party[ \t*_]*:?[ \t*_]*$/i;
// A sentence under the heading ends the block: the letter went on.
const SENTENCE = /^[ \t*_>]*\S+(?:[ \t]+\S+){5,}[.!?][ \t*_]*$/;

/** "Notifying Party" over the sender's name, organisation and address lines, one of them at least a contact value. */
function partyHeading(src: SourceText, lines: readonly Line[]): ContactBlock | null {
  for (let i = 0; i < lines.length; i++) {
    if (!PARTY_HEADING.test(lines[i]!.text)) continue;
    const block: Line[] = [];
    for (let j = i + 1, blanks = 0; j < lines.length && block.length < 10; j++) {
      const l = lines[j]!;
      if (!l.text.trim()) {
        if (++blanks > 1 && block.length) break;
        continue;
      }
      blanks = 0;
      // A long line or one of many words is the letter going on, not a line of an address.
      if (l.text.length > 80 || l.text.trim().split(/\s+/).length >= 8 || SENTENCE.test(l.text)) break;
      block.push(l);
    }
    if (!block.some((l) => valueLine(l.text))) continue;
    const last = block.at(-1)!;
    return make('party_heading', src, lines[i]!.start, last.start + last.text.trimEnd().length, block.map((l) => l.text.trim()).join(', '));
  }
  return null;
}

// A block written to someone: the platform's address, an agent's, a salutation.
const ADDRESSEE = /\b(?:attn|attention|dear)\b|^[ \t*_]*to[ \t]*:|\b(?:dmca|copyright|designated) agent\b/im;

/**
 * A letterhead or an address block with no cue: two to eight short lines, one with a postcode or a
 * street, none a sentence, not addressed to anyone and not naming the platform (whose own address a
 * letter often quotes), nor under a line about the other party.
 */
function addressLines(src: SourceText, lines: readonly Line[], sections: readonly Section[], platformWords: readonly string[]): ContactBlock | null {
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.text.trim()) { i++; continue; }
    let j = i;
    while (j < lines.length && lines[j]!.text.trim()) j++;
    const group = lines.slice(i, j);
    const above = i > 0 ? lines.slice(Math.max(0, i - 3), i).map((l) => l.text).join(' ') : '';
    i = j;
    if (group.length < 2 || group.length > 8 || group.some((l) => l.text.length > 80 || SENTENCE.test(l.text))) continue;
    if (!group.some((l) => POSTCODE.test(l.text) || STREET.test(l.text))) continue;
    const text = group.map((l) => l.text).join('\n');
    const lower = text.toLowerCase();
    if (ADDRESSEE.test(text) || OTHER_PARTY.test(above) || platformWords.some((w) => lower.includes(w))) continue;
    if (inOtherPartyAnswer(sections, group[0]!.start)) continue;
    const last = group.at(-1)!;
    return make('address_lines', src, group[0]!.start, last.start + last.text.trimEnd().length, group.map((l) => l.text.replace(/<br ?\/?>/gi, '').trim()).join(', '));
  }
  return null;
}

// "[private] | Trademark Counsel | Acme, Inc.", "Acme School | [private]". Two redactions alone on a line
// ("[private] [private]", "[private], [private]") are as often a blanked-out first and last name, or a name
// and a title, as a name and details: they are no contact block.
const DETAILS_BESIDE_NAME = /\S[^\n|]*\|[^\n]*\[(?:private|redacted)\]|\[(?:private|redacted)\][^\n|]*\|[^\n]*\S[^\n]*\|[^\n]*\S/i;

/** Details beside the name in the sign-off, below the last closing word and above any quoted history. */
function signoffDetails(src: SourceText, lines: readonly Line[]): ContactBlock | null {
  let from = -1;
  for (let i = 0; i < lines.length; i++) if (CLOSING.test(lines[i]!.text)) from = i;
  if (from < 0) {
    // No closing word: the letter's last paragraph, when it is short enough to be a sign-off.
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i]!.text.trim()) continue;
      if (lines.slice(i + 1).some((l) => l.text.trim())) { from = i; break; }
    }
    if (from < 0 || lines.length - from - 1 > 4) return null;
  }
  // A closing word well above the end heads no sign-off: the letter went on after it.
  const tail = lines.slice(from + 1).filter((l) => l.text.trim());
  if (tail.length === 0 || tail.length > 10) return null;
  for (const line of tail) {
    if (line.text.length > 300 || !DETAILS_BESIDE_NAME.test(line.text)) continue;
    return make('signoff_details', src, line.start, line.start + line.text.trimEnd().length, line.text.trim());
  }
  return null;
}

function make(generator: ContactGenerator, src: SourceText, start: number, end: number, value: string): ContactBlock {
  return { generator, value: value.replace(/<br>/gi, '').slice(0, 200), evidence: spanOf(src, start, end), score: GENERATORS[generator] };
}

/** The best contact block of the sender's own text, or null when none scores high enough. */
export function findContactBlock(src: SourceText, sections: readonly Section[], platformWords: readonly string[] = []): ContactBlock | null {
  const q = QUOTED.exec(src.text);
  const lines = linesOf(src.text, q ? q.index : src.text.length);
  const best = [cueValue(src, lines, sections), partyHeading(src, lines), signoffDetails(src, lines), addressLines(src, lines, sections, platformWords)]
    .filter((c): c is ContactBlock => !!c && c.score >= CONTACT_BLOCK_THRESHOLD)
    .sort((a, b) => b.score - a.score)[0];
  return best ?? null;
}

/** The complainant's details stand for the contact element at this confidence or above; below it they are a reviewer's question. */
export const CONTACT_CONFIDENT = 0.5;

// Words of a clause: "and I am [private] of Acme, Inc. On behalf of Acme ... I am submitting this notice".
const CLAUSE_WORD = /\b(?:I|we|am|are|is|was|were|have|has|will|would|submitting|represent(?:ing)?)\b/i;

/**
 * A sentence of the letter taken for an address: ten words or more, a clause, no shape of an
 * address and no contact lead-in in it ("contact me at the following address:" runs into the
 * details), and not opening on a redacted value (an answer with the next prompt run into it).
 */
function sentenceNotAddress(value: string): boolean {
  if (/^[ \t*_>-]*\[(?:private|redacted)\][ \t]*(?:,|$)/i.test(value)) return false;
  const words = value.replace(/\[(?:private|redacted)\]/gi, ' ').trim().split(/\s+/).filter(Boolean);
  return words.length >= 10 && CLAUSE_WORD.test(value) && !STREET.test(value) && !POSTCODE.test(value) && !CUE.test(value);
}

/** An address at one of the platform's own domains ("copyright@github.com"): where the notice is sent, not who sends it. */
function platformMailbox(email: string, platformDomains: readonly string[]): boolean {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return platformDomains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * How sure the parser is that the complainant's details are the sender's contact details:
 * an e-mail address or a phone number, the contact block's own score where that block gave
 * them, an address unless it reads as a sentence of the letter. The platform's own mailbox
 * alone, or a sentence taken for an address, scores below `CONTACT_CONFIDENT`.
 */
export function contactConfidence(party: Party, block: { score: number } | null, platformDomains: readonly string[] = []): number {
  if (block) return block.score;
  const email = party.email && !platformMailbox(party.email, platformDomains) ? party.email : null;
  if (email || party.phone) return 0.9;
  if (!party.address) return party.email ? 0.2 : 0;
  return sentenceNotAddress(party.address) ? 0.2 : 0.8;
}
