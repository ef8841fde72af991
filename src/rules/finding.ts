import type { Span } from '../domain/schemas/complaint.js';
import type { Finding, Severity } from '../domain/schemas/finding.js';
import { say, type Vars } from './finding-texts.js';

export const finding = (code: string, element: string, severity: Severity, message: string, evidence: Span | null = null): Finding => ({
  code, element, severity, message, evidence,
});

/** A finding worded from the one vocabulary (`finding-texts.ts`), in English and the other languages the desk writes in. */
export const ask = (code: string, element: string, severity: Severity, vars: Vars = {}, evidence: Span | null = null): Finding => ({
  code, element, severity, ...say(code, vars), evidence,
});
