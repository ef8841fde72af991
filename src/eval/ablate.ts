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
 * question too, so neither the prompt nor the answer is left behind.
 */
export function removeElement(text: string, removal: Removal): string {
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
    keep.push(p);
  }
  return keep.join('\n\n');
}

export function applicable(label: Label, removal: Removal): boolean {
  const set = removal.counter ? label.counter_elements : label.elements;
  return !!set && set[removal.element] === true;
}
