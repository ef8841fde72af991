import type { Analysis } from './analyze.js';

const ELEMENT_MISSING = (f: { severity: string; code: string }): boolean => f.severity === 'missing' && /^(dmca|counter)\./.test(f.code);
const ELEMENT_QUESTION = (f: { code: string; question?: string }): boolean => !!f.question && /^(dmca|counter)\./.test(f.code);

/** Whether the checks report a DMCA element absent at all, certain or not (what routing did before the confidence policy). */
export function reportsMissing(a: Analysis): boolean {
  return a.check.findings.some((f) => ELEMENT_MISSING(f) || ELEMENT_QUESTION(f));
}

/** Whether the desk answers on its own with missing elements: certain findings on a notice or counter-notice. */
export function automaticDeficiency(a: Analysis): boolean {
  if (a.complaint.kind !== 'notice' && a.complaint.kind !== 'counter_notice') return false;
  return a.check.findings.some(ELEMENT_MISSING);
}
