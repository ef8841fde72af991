import { z } from 'zod';
import { Span } from './complaint.js';

export const Severity = z.enum(['missing', 'invalid', 'warning']);
export type Severity = z.infer<typeof Severity>;

/**
 * One thing the checks found. `code` is stable (templates, filters, stats and
 * API clients rely on it); `message` is a sentence the sender can act on.
 */
export const Finding = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_.]*$/),
  element: z.string(),
  severity: Severity,
  message: z.string().min(1),
  /** The message in other languages the desk writes in (`zh`...), for replies in the case's language. */
  messages: z.record(z.string(), z.string()).optional(),
  evidence: Span.nullable(),
  /** For an element the desk is not sure is missing: what the reviewer should confirm before the sender is asked. */
  question: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** Only `missing` and `invalid` findings hold a case back; warnings go to the reviewer. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity !== 'warning';
}
