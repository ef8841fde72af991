import type { Complaint, Span, Statement } from '../domain/schemas/complaint.js';
import type { CounterElements, Element, Elements } from './check-result.js';

const el = (present: boolean, evidence: Span | string | null | undefined): Element => ({
  present,
  evidence: present ? (typeof evidence === 'string' ? evidence : evidence?.text ?? null) : null,
});
const st = (s: Statement): Element => el(s.present, s.evidence);

function contact(c: Complaint): Element {
  const p = c.complainant;
  const value = p.email ?? p.phone ?? p.address;
  return el(!!value, c.complainantEvidence ?? value);
}

function located(c: Complaint): Element {
  if (c.listings.length > 0) return el(true, c.listings.slice(0, 3).map((l) => l.url).join(' '));
  const refs = c.materialReferences ?? [];
  return el(refs.length > 0, refs.join(', '));
}

/** The six 512(c)(3) elements, read off a parsed notice. */
export function noticeElements(c: Complaint): Elements {
  const workNamed = !!c.workDescription || c.iprs.length > 0;
  return {
    signature: el(!!c.signature, c.signatureEvidence ?? c.signature),
    work_identified: el(workNamed, c.workEvidence ?? c.workDescription ?? c.iprs[0]?.registrationNumber),
    infringing_material_located: located(c),
    contact_info: contact(c),
    good_faith_statement: st(c.statements.goodFaith),
    accuracy_perjury_statement: el(c.statements.accuracy.present && c.statements.perjury.present, c.statements.perjury.evidence),
  };
}

/** The five 512(g)(3) elements, read off a parsed counter-notice. */
export function counterElements(c: Complaint): CounterElements {
  return {
    signature: el(!!c.signature, c.signatureEvidence ?? c.signature),
    material_identified: located(c),
    good_faith_mistake_statement: st(c.statements.mistake),
    consent_to_jurisdiction: st(c.statements.jurisdictionConsent),
    contact_info: contact(c),
  };
}
