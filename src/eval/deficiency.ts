import { deficiencyPolicy } from '../rules/deficiency-policy.js';
import type { Analysis } from './analyze.js';

const ELEMENT_MISSING = (f: { severity: string; code: string }): boolean => f.severity === 'missing' && /^(dmca|counter)\./.test(f.code);

/** Whether the checks alone (as the desk routes cases today) report missing elements, which triggers a deficiency reply. */
export function reportsMissing(a: Analysis): boolean {
  return a.check.findings.some(ELEMENT_MISSING);
}

/** Whether the desk would answer on its own with missing elements under the confidence policy. */
export function automaticDeficiency(a: Analysis, threshold?: number): boolean {
  if (a.complaint.kind !== 'notice' && a.complaint.kind !== 'counter_notice') return false;
  return deficiencyPolicy(a.check.findings, threshold).automatic.some(ELEMENT_MISSING);
}
