import type { Span } from '../domain/schemas/complaint.js';
import { sectionAt, type Section } from './sections.js';
import { spanOf, type SourceText } from './span.js';

/**
 * Contact details that no labelled field and no contact cue of the sender's
 * own words give, read from two shapes that hosts publishing notices leave:
 * a run of blanked-out lines (name, street, city, phone, e-mail, each redacted
 * to "[private]"), and a lead-in line that ends in a colon ("You may contact
 * me by email or by physical address:") over a value. Each reading is named
 * and scored like the other contact readings.
 */
export interface RedactedContact {
  generator: 'redacted_run' | 'lead_value';
  value: string;
  evidence: Span;
  score: number;
}

/** A reading scores at least this much to stand for the contact element. */
export const REDACTED_CONTACT_THRESHOLD = 0.5;

// A list number, an "Attn:" or a dash may stand before the redaction; a line break tag may close it.
const REDACTED = /^[ \t*_>]*(?:\d{1,2}[.)][ \t*_]*|attn:?[ \t]*|[-–—]{1,2}[ \t]*)?\[(?:private|redacted)\](?:[ \t,;|/]*\[(?:private|redacted)\])*[ \t*_,.]*(?:<br ?\/?>|\\)?[ \t]*$/i;
const LEAD = /\b(?:contact(?:ed)? (?:me|us)|reach (?:me|us)|(?:be|been) (?:contacted|reached)|write to (?:me|us))\b[^\n]{0,80}[:：][ \t*_]*$/i;
const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE = /(?:^|[\s:(])\+?\d[\d ().-]{6,}\d(?:\s|$)/;
// The infringer's details, or an earlier message quoted below, are not the sender's.
const OTHER_PARTY = /\binfring|\balleged|\buploader|\b(?:the|this) (?:user|account|repository owner|developer)\b/i;
const EARLIER_MESSAGE = /^[ \t>]*(?:-{2,}\s*(?:Original Message|Forwarded message)|On [^\n]{5,120} wrote:[ \t]*$)/im;

interface Line { text: string; start: number }

function valueLine(t: string): boolean {
  const s = t.trim();
  return s.length > 0 && s.length <= 200 && (REDACTED.test(s) || EMAIL.test(s) || PHONE.test(s));
}

/** The sender's contact details in a redacted run or under a lead-in; null when neither is there. */
export function findRedactedContact(src: SourceText, sections: readonly Section[]): RedactedContact | null {
  const q = EARLIER_MESSAGE.exec(src.text);
  const stop = q ? q.index : src.text.length;
  const lines: Line[] = [];
  for (let pos = 0; pos < stop; ) {
    const nl = src.text.indexOf('\n', pos);
    const e = nl < 0 || nl > stop ? stop : nl;
    lines.push({ text: src.text.slice(pos, e), start: pos });
    pos = e + 1;
  }
  const other = (l: Line): boolean => sectionAt(sections, l.start)?.role === 'infringer';
  const out: RedactedContact[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.length > 400 || other(line)) continue;
    if (LEAD.test(line.text) && !OTHER_PARTY.test(line.text)) {
      const next = lines.slice(i + 1, i + 4).find((l) => l.text.trim());
      if (next && valueLine(next.text)) out.push(make('lead_value', src, line.start, next.start + next.text.trimEnd().length, next.text.trim(), 0.8));
    }
    if (!REDACTED.test(line.text)) continue;
    // Three or more redacted lines in a row, single blank lines allowed between them: a name over blanked-out details.
    let j = i;
    let last = i;
    let count = 0;
    while (j < lines.length) {
      const l = lines[j]!;
      if (REDACTED.test(l.text)) {
        count++;
        last = j;
        j++;
      } else if (!l.text.trim() && j + 1 < lines.length && lines[j + 1]!.text.trim() && j - last <= 1) j++;
      else break;
    }
    if (count >= 3) {
      const end = lines[last]!;
      out.push(make('redacted_run', src, line.start, end.start + end.text.trimEnd().length, lines.slice(i, last + 1).map((l) => l.text.trim()).filter(Boolean).join(', '), 0.7));
    }
    i = Math.max(i, last);
  }
  return out.filter((c) => c.score >= REDACTED_CONTACT_THRESHOLD).sort((a, b) => b.score - a.score)[0] ?? null;
}

function make(generator: RedactedContact['generator'], src: SourceText, start: number, end: number, value: string, score: number): RedactedContact {
  return { generator, value: value.replace(/<br ?\/?>/gi, '').slice(0, 200), evidence: spanOf(src, start, end), score };
}
