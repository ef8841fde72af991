import type { Finding } from '../domain/schemas/finding.js';
import { MISSING_CONFIDENCE, MISSING_THRESHOLD } from './missing-confidence.js';

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

/** How many elements are reported missing at once: a document missing most of them is often not a notice at all. */
export function missingBucket(count: number): string {
  return count <= 1 ? '1' : count <= 3 ? '2-3' : '4+';
}

/** The estimated chance that an element reported missing really is missing (learned on the training split). */
export function missingConfidence(element: string, missingCount: number): number {
  return MISSING_CONFIDENCE[element]?.[missingBucket(missingCount)] ?? 0;
}

export interface PolicyOutcome {
  /** Findings the desk may ask the sender for on its own. */
  automatic: Finding[];
  /** Findings a reviewer confirms first: kept as warnings whose message is the question. */
  review: Finding[];
}

/**
 * Which missing elements are certain enough for an automatic deficiency reply.
 * An uncertain one becomes a warning carrying the reviewer's question, so the
 * case goes to review instead of the sender getting a reply the desk cannot stand behind.
 */
export function deficiencyPolicy(findings: readonly Finding[], threshold = MISSING_THRESHOLD): PolicyOutcome {
  const elementFindings = findings.filter((f) => ELEMENT_FINDING.test(f.code) && f.severity === 'missing');
  const automatic: Finding[] = [];
  const review: Finding[] = [];
  for (const f of findings) {
    if (!elementFindings.includes(f)) {
      automatic.push(f);
      continue;
    }
    if (missingConfidence(f.element, elementFindings.length) >= threshold) automatic.push(f);
    else review.push({ ...f, severity: 'warning', message: QUESTIONS[f.element] ?? `${f.element} not clearly found: confirm or ask the sender.` });
  }
  return { automatic, review };
}

/** The findings a case keeps after the policy: the certain ones as they were, the uncertain ones as questions. */
export function applyDeficiencyPolicy(findings: readonly Finding[], threshold = MISSING_THRESHOLD): Finding[] {
  const { automatic, review } = deficiencyPolicy(findings, threshold);
  return [...automatic, ...review];
}
