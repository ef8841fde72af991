import type { Span } from '../domain/schemas/complaint.js';
import type { Finding, Severity } from '../domain/schemas/finding.js';

export const finding = (code: string, element: string, severity: Severity, message: string, evidence: Span | null = null): Finding => ({
  code, element, severity, message, evidence,
});
