import type { Complaint, Span, Statement } from '../domain/schemas/complaint.js';
import { CONTACT_CONFIDENT } from '../parse/contact.js';
import { URL_ROLE_CONFIDENT } from '../parse/url-reasons.js';
import type { CounterElements, Element, Elements } from './check-result.js';

const el = (present: boolean, evidence: Span | string | null | undefined): Element => ({
  present,
  evidence: present ? (typeof evidence === 'string' ? evidence : evidence?.text ?? null) : null,
});
const st = (s: Statement): Element => el(s.present, s.evidence);

/** Details read with too little confidence (a sentence of the letter taken for an address) are not the element: the policy asks a reviewer. */
function contact(c: Complaint): Element {
  const p = c.complainant;
  const value = p.email ?? p.phone ?? p.address;
  return el(!!value && (c.contactConfidence ?? 1) >= CONTACT_CONFIDENT, c.complainantEvidence ?? value);
}

function located(c: Complaint): Element {
  if (c.listings.length > 0) return el(true, c.listings.slice(0, 3).map((l) => l.url).join(' '));
  const refs = c.materialReferences ?? [];
  return el(refs.length > 0, refs.join(', '));
}

// A site's home page, or its licence and terms pages, say whose the site is, not which work was copied.
const NOT_A_WORK_PAGE = /[/#?=._-](?:licen[cs]es?|eula|terms|tos|privacy|legal)(?:$|[/#?=._-])/i;

// Links read as originals only for being off the platform: nothing in the words says they show the work.
const UNCUED: ReadonlySet<string> = new Set(['off_platform_outside_answer', 'off_platform_beside_targets']);

function namesAWork(url: string): boolean {
  const rest = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/+|\/+$/g, '');
  return rest.length > 0 && !NOT_A_WORK_PAGE.test(`/${rest}`);
}

/** The six 512(c)(3) elements, read off a parsed notice. */
export function noticeElements(c: Complaint): Elements {
  // A link to the original ("the original is at https://...") identifies the work as well as a sentence naming it.
  const originals = (c.urlRoles ?? []).filter((r) => r.role === 'original' && r.confidence >= URL_ROLE_CONFIDENT && !UNCUED.has(r.reason) && namesAWork(r.url));
  const workNamed = !!c.workDescription || c.iprs.length > 0 || originals.length > 0;
  return {
    signature: el(!!c.signature, c.signatureEvidence ?? c.signature),
    work_identified: el(workNamed, c.workEvidence ?? c.workDescription ?? c.iprs[0]?.registrationNumber ?? originals[0]?.evidence),
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
