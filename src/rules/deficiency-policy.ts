import type { Finding } from '../domain/schemas/finding.js';

/** Findings for DMCA elements the checks did not find, the only ones the policy may hold back. */
const ELEMENT_FINDING = /^(dmca|counter)\./;

const QUESTIONS: Record<string, string> = {
  signature: 'Signature not clearly found: confirm, or ask the sender to sign.',
  work_identified: 'Work not clearly identified: confirm or ask the sender.',
  infringing_material_located: 'Infringing material not clearly located: confirm or ask the sender for the URLs.',
  contact_info: 'Contact details not clearly found: confirm or ask the sender.',
  good_faith_statement: 'Good-faith statement not clearly found: confirm or ask the sender.',
  accuracy_perjury_statement: 'Accuracy and perjury statement not clearly found: confirm or ask the sender.',
  material_identified: 'Removed material not clearly identified: confirm or ask the sender.',
  good_faith_mistake_statement: 'Statement of mistake under penalty of perjury not clearly found: confirm or ask the sender.',
  consent_to_jurisdiction: 'Consent to jurisdiction not clearly found: confirm or ask the sender.',
};

/**
 * How sure the desk is that an element it did not read is really absent.
 * Hand weights, held to the corpus measurements (`npm run eval`): with no
 * trace of the element in the sender's words the element was missing in every
 * labelled notice; with a trace (a lexicon word, an address, a name closing
 * the letter) the sender most often gave it in words the parser does not read.
 */
export function missingConfidence(element: string, hints: Readonly<Record<string, readonly string[]>>): number {
  return (hints[element]?.length ?? 0) === 0 ? 0.95 : 0.3;
}

/** An element reported missing goes to the sender on its own only at this confidence or above. */
export const AUTOMATIC_CONFIDENCE = 0.9;

export interface PolicyOutcome {
  /** Findings the desk may ask the sender for on its own. */
  automatic: Finding[];
  /** Findings a reviewer confirms first: warnings that keep the sentence for the sender and carry the reviewer's question. */
  review: Finding[];
}

/**
 * Which missing elements are certain enough for an automatic deficiency reply.
 * An uncertain one becomes a warning carrying the reviewer's question, so the
 * case goes to review instead of the sender getting a reply the desk cannot
 * stand behind; its message stays the sentence the reviewer can send in one click.
 */
export function deficiencyPolicy(findings: readonly Finding[], hints: Readonly<Record<string, readonly string[]>>, threshold = AUTOMATIC_CONFIDENCE): PolicyOutcome {
  const automatic: Finding[] = [];
  const review: Finding[] = [];
  for (const f of findings) {
    if (!ELEMENT_FINDING.test(f.code) || f.severity !== 'missing' || missingConfidence(f.element, hints) >= threshold) {
      automatic.push(f);
      continue;
    }
    review.push({ ...f, severity: 'warning', question: QUESTIONS[f.element] ?? `${f.element} not clearly found: confirm or ask the sender.` });
  }
  return { automatic, review };
}

/** The findings a case keeps after the policy: the certain ones as they were, the uncertain ones as questions. */
export function applyDeficiencyPolicy(findings: readonly Finding[], hints: Readonly<Record<string, readonly string[]>>): Finding[] {
  const { automatic, review } = deficiencyPolicy(findings, hints);
  return [...automatic, ...review];
}
