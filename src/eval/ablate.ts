import type { Label } from './labels.js';

/** A way to delete the words that carry one element, and the element the checks should then report missing. */
export interface Removal {
  element: string;
  counter: boolean;
  /** Paragraph-level pattern: every paragraph (or form answer) it matches is deleted. */
  pattern: RegExp;
}

export const REMOVALS: Removal[] = [
  { element: 'good_faith_statement', counter: false, pattern: /good[- ]?faith/i },
  { element: 'accuracy_perjury_statement', counter: false, pattern: /perjury/i },
  { element: 'signature', counter: false, pattern: /full (legal )?name|signature|^\s*(sincerely|regards|kind regards|best regards|signed|thank you)[,.]?\s*$|\/s\//im },
  { element: 'contact_info', counter: false, pattern: /get back to you|contact information|e-?mail\s*:|phone\s*:|address\s*:|tel\s*:/i },
  { element: 'infringing_material_located', counter: false, pattern: /https?:\/\/|www\.|taken down|infringing (files?|repositor|url|content|page)|\w\/\w+ repositor/i },
  { element: 'work_identified', counter: false, pattern: /original|copyrighted work|work (was|that was|that has been) allegedly|protected work|appendix/i },
  { element: 'good_faith_mistake_statement', counter: true, pattern: /mistake|misidentification/i },
  { element: 'consent_to_jurisdiction', counter: true, pattern: /jurisdiction|service of process/i },
];

/**
 * Deletes every paragraph that carries the element, and for a form answer its
 * question too, so neither the prompt nor the answer is left behind. With
 * `places` (hand-labelled quotes of where the notice gives the element), every
 * line holding one of them goes as well. A quote of redaction marks alone
 * ("[private]") matches a whole line only. A quote that stands in the text more
 * often than it is listed may be another place (a redacted name line and a
 * redacted address line look the same; a company named in the body and in the
 * sign-off): it is left to the pattern, so nothing else is deleted with it.
 */
export function removeElement(text: string, removal: Removal, places: readonly string[] = []): string {
  const quotes = placesToDelete(text, places);
  const paras = text.split(/\n[ \t]*\n/);
  const keep: string[] = [];
  let dropNext = false;
  for (const p of paras) {
    const isPrompt = /^\s*(\d+\.\s*)?\*\*[^\n]*\*\*\s*$/.test(p.trim()) || /[?:]\s*\**\s*$/.test(p.trim());
    if (dropNext && !isPrompt) {
      dropNext = false;
      continue;
    }
    dropNext = false;
    if (removal.pattern.test(p)) {
      if (isPrompt) dropNext = true;
      // A closing line is followed by the name it introduces: both go.
      if (/^\s*(sincerely|regards|kind regards|best regards|signed|thank you)[,.]?\s*$/im.test(p)) dropNext = true;
      continue;
    }
    const lines = quotes.length ? p.split('\n').filter((line) => !quotes.some((q) => holdsPlace(line, q))) : null;
    if (lines) {
      if (lines.some((line) => line.trim())) keep.push(lines.join('\n'));
      continue;
    }
    keep.push(p);
  }
  return keep.join('\n\n');
}

/** A quote with no words of its own: redaction marks, numbering, markup and punctuation only. */
const REDACTION_ONLY = /^(?:\[(?:private|redacted)\]|<br\s*\/?>|\d{1,2}[.)]|[\s*_#()|:,.-])+$/i;

function placesToDelete(text: string, places: readonly string[]): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const listed = new Map<string, number>();
  for (const q of places) listed.set(q.trim(), (listed.get(q.trim()) ?? 0) + 1);
  const standing = (q: string): number => (REDACTION_ONLY.test(q) ? lines.filter((l) => l === q).length : text.split(q).length - 1);
  return [...listed].filter(([q, n]) => q && standing(q) <= n).map(([q]) => q);
}

function holdsPlace(line: string, quote: string): boolean {
  // Such a quote names its place only as a whole line: as a substring it would match every redacted line.
  return REDACTION_ONLY.test(quote) ? line.trim() === quote : line.includes(quote);
}

export function applicable(label: Label, removal: Removal): boolean {
  const set = removal.counter ? label.counter_elements : label.elements;
  return !!set && set[removal.element] === true;
}
