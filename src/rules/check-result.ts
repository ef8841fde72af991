import { z } from 'zod';
import { Finding } from '../domain/schemas/finding.js';

export const Element = z.object({ present: z.boolean(), evidence: z.string().nullable() });
export type Element = z.infer<typeof Element>;

/** DMCA 512(c)(3) elements of a notice. */
export const Elements = z.object({
  signature: Element,
  work_identified: Element,
  infringing_material_located: Element,
  contact_info: Element,
  good_faith_statement: Element,
  accuracy_perjury_statement: Element,
});
export type Elements = z.infer<typeof Elements>;
export type ElementKey = keyof Elements;

/** DMCA 512(g)(3) elements of a counter-notice. */
export const CounterElements = z.object({
  signature: Element,
  material_identified: Element,
  good_faith_mistake_statement: Element,
  consent_to_jurisdiction: Element,
  contact_info: Element,
});
export type CounterElements = z.infer<typeof CounterElements>;
export type CounterElementKey = keyof CounterElements;

export const CheckResult = z.object({
  platform: z.string().nullable(),
  elements: Elements.nullable(),
  counterElements: CounterElements.nullable(),
  findings: z.array(Finding),
});
export type CheckResult = z.infer<typeof CheckResult>;
