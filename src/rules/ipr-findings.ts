import type { Complaint, IprType } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { JurisdictionRule, PlatformProfile } from './platform-profile.js';
import { finding } from './finding.js';

// Jurisdictions outside the Berne Convention are rare; the list names the few non-members a sender could cite.
const NON_BERNE = new Set(['ER', 'ET', 'IR', 'IQ', 'MH', 'FM', 'PW', 'SM', 'SO', 'SS', 'TL', 'TM']);

function accepted(rule: JurisdictionRule | undefined, jurisdiction: string): boolean {
  if (!rule || rule === 'any') return true;
  if (rule === 'berne') return !NON_BERNE.has(jurisdiction);
  return rule.includes(jurisdiction);
}

const label: Record<IprType, string> = { trademark: 'trademark', patent: 'patent', copyright: 'copyright', design: 'design right' };

/** Validity, jurisdiction and evaluation-report rules for the IPRs a complaint relies on. */
export function iprFindings(c: Complaint, profile: PlatformProfile, today: string): Finding[] {
  const out: Finding[] = [];
  if (!c.iprType) {
    out.push(finding('ipr.type.missing', 'iprType', 'missing', 'Please say which right you rely on: trademark, copyright or patent.'));
  } else if (c.iprType !== 'copyright' && c.iprs.length === 0) {
    out.push(finding('ipr.record.missing', 'iprs', 'missing', `Please give the registration number and issuing office of each ${label[c.iprType]} you rely on.`));
  }
  for (const r of c.iprs) {
    const no = r.registrationNumber ?? `the ${label[r.type]}`;
    if (r.expiresOn && r.expiresOn < today) {
      out.push(finding('ipr.expired', 'iprs', 'invalid', `${no} expired on ${r.expiresOn}. Please send the renewal certificate, or rely on a right that is in force.`, r.evidence));
    }
    if (r.jurisdiction && !accepted(profile.jurisdictions[r.type], r.jurisdiction)) {
      const rule = profile.jurisdictions[r.type];
      const need = Array.isArray(rule) ? rule.join(' or ') : 'an accepted jurisdiction';
      const wipo = r.jurisdiction === 'WIPO' ? ' For an international (WIPO) registration, send proof that it designates that country.' : '';
      out.push(finding('jurisdiction.not_accepted', 'iprs', 'invalid', `${profile.name} accepts ${label[r.type]}s registered in ${need}; ${no} is registered in ${r.jurisdiction}. Please rely on a registration there.${wipo}`, r.evidence));
    }
    const report = profile.requiredDocuments.evaluationReport;
    if (r.type === 'patent' && report && r.patentKind && report.patentKinds.includes(r.patentKind) && report.jurisdictions.includes(r.jurisdiction ?? '') &&
      !c.documents.some((d) => d.kind === 'patent_evaluation_report')) {
      const kind = r.patentKind === 'design' ? 'design' : 'utility-model';
      out.push(finding('patent.evaluation_report.missing', 'documents', 'missing', `${no} is a ${kind} patent: please attach its Patent Evaluation Report (专利权评价报告) issued by CNIPA. A claim chart comparing the listing with the claims is also recommended.`, r.evidence));
    }
  }
  if (c.iprType === 'patent' && c.iprs.length > 0 && !c.documents.some((d) => d.kind === 'claim_chart')) {
    out.push(finding('patent.claim_chart.recommended', 'documents', 'warning', 'A claim chart comparing the listed product with the patent claims is recommended and speeds up review.'));
  }
  return out;
}

const SELLING_ONLY = /\b(unauthori[sz]ed (seller|reseller|retailer|distributor|dealer)|not an authori[sz]ed (seller|reseller|retailer|distributor|dealer)|selling without (our )?(authori[sz]ation|permission)|未经授权销售|非授权经销)/i;

/** Selling genuine goods without being a distributor is not infringement; the reviewer needs more. */
export function reasonFindings(c: Complaint, text: string): Finding[] {
  if (SELLING_ONLY.test(text) && c.reason !== 'counterfeit') {
    return [finding('reason.unauthorized_sale', 'reason', 'warning', 'Selling without authorization is not by itself an infringement (the goods may be genuine). Please explain why the goods are counterfeit or how the listing infringes, with comparison photos or a test purchase.')];
  }
  return [];
}
