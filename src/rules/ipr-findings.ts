import type { Complaint, IprType } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { JurisdictionRule, PlatformProfile } from './platform-profile.js';
import { ask } from './finding.js';

// Jurisdictions outside the Berne Convention are rare; the list names the few non-members a sender could cite.
const NON_BERNE = new Set(['ER', 'ET', 'IR', 'IQ', 'MH', 'FM', 'PW', 'SM', 'SO', 'SS', 'TL', 'TM']);

function accepted(rule: JurisdictionRule | undefined, jurisdiction: string): boolean {
  if (!rule || rule === 'any') return true;
  if (rule === 'berne') return !NON_BERNE.has(jurisdiction);
  return rule.includes(jurisdiction);
}

const label: Record<IprType, string> = { trademark: 'trademark', patent: 'patent', copyright: 'copyright', design: 'design right' };
const labelZh: Record<IprType, string> = { trademark: '商标', patent: '专利', copyright: '著作权', design: '外观设计' };

/** Validity, jurisdiction and evaluation-report rules for the IPRs a complaint relies on. */
export function iprFindings(c: Complaint, profile: PlatformProfile, today: string): Finding[] {
  const out: Finding[] = [];
  if (!c.iprType) {
    out.push(ask('ipr.type.missing', 'iprType', 'missing'));
  } else if (c.iprType !== 'copyright' && c.iprs.length === 0) {
    out.push(ask('ipr.record.missing', 'iprs', 'missing', { right: label[c.iprType], rightZh: labelZh[c.iprType] }));
  }
  for (const r of c.iprs) {
    const no = r.registrationNumber ?? `the ${label[r.type]}`;
    const number = { number: no, numberZh: r.registrationNumber ?? `该${labelZh[r.type]}` };
    if (r.expiresOn && r.expiresOn < today) {
      out.push(ask('ipr.expired', 'iprs', 'invalid', { ...number, date: r.expiresOn }, r.evidence));
    }
    if (r.jurisdiction && !accepted(profile.jurisdictions[r.type], r.jurisdiction)) {
      const rule = profile.jurisdictions[r.type];
      const need = Array.isArray(rule) ? rule.join(' or ') : 'an accepted jurisdiction';
      const needZh = Array.isArray(rule) ? rule.join('或') : '受理的法域';
      out.push(ask('jurisdiction.not_accepted', 'iprs', 'invalid', { ...number, platform: profile.name, right: label[r.type], rightZh: labelZh[r.type], need, needZh, jurisdiction: r.jurisdiction, wipo: r.jurisdiction === 'WIPO' ? 1 : 0 }, r.evidence));
    }
    const report = profile.requiredDocuments.evaluationReport;
    if (r.type === 'patent' && report && r.patentKind && report.patentKinds.includes(r.patentKind) && report.jurisdictions.includes(r.jurisdiction ?? '') &&
      !c.documents.some((d) => d.kind === 'patent_evaluation_report')) {
      const kind = r.patentKind === 'design' ? 'design' : 'utility-model';
      out.push(ask('patent.evaluation_report.missing', 'documents', 'missing', { ...number, kind }, r.evidence));
    }
  }
  if (c.iprType === 'patent' && c.iprs.length > 0 && !c.documents.some((d) => d.kind === 'claim_chart')) {
    out.push(ask('patent.claim_chart.recommended', 'documents', 'warning'));
  }
  return out;
}

const SELLING_ONLY = /\b(unauthori[sz]ed (seller|reseller|retailer|distributor|dealer)|not an authori[sz]ed (seller|reseller|retailer|distributor|dealer)|selling without (our )?(authori[sz]ation|permission)|未经授权销售|非授权经销)/i;

/** Selling genuine goods without being a distributor is not infringement; the reviewer needs more. */
export function reasonFindings(c: Complaint, text: string): Finding[] {
  if (SELLING_ONLY.test(text) && c.reason !== 'counterfeit') {
    return [ask('reason.unauthorized_sale', 'reason', 'warning')];
  }
  return [];
}
