import type { Analysis } from './analyze.js';

/** Whether the desk would answer this document on its own with a list of missing elements. */
export function automaticDeficiency(a: Analysis): boolean {
  return a.check.findings.some((f) => f.severity === 'missing' && /^(dmca|counter)\./.test(f.code));
}
