import type { Complaint } from '../domain/schemas/complaint.js';
import type { Finding } from '../domain/schemas/finding.js';
import type { CheckResult } from './check-result.js';
import { applyDeficiencyPolicy } from './deficiency-policy.js';
import { counterElementFindings, noticeElementFindings } from './dmca-findings.js';
import { counterElements, noticeElements } from './elements.js';
import { iprFindings, reasonFindings } from './ipr-findings.js';
import type { PlatformProfile } from './platform-profile.js';
import { evidenceFileFindings, proofFindings } from './proof-findings.js';
import { urlFindings, urlRoleFindings } from './url-findings.js';
import { ask } from './finding.js';

export interface CheckContext {
  platforms: readonly PlatformProfile[];
  now: Date;
}

/**
 * Elements and findings of a parsed complaint. DMCA elements apply to
 * copyright notices and to platforms whose profile says so; marketplace
 * proof rules apply when the complaint's platform profile asks for them.
 */
export function checkComplaint(c: Complaint, ctx: CheckContext): CheckResult {
  const profile = ctx.platforms.find((p) => p.id === c.platform) ?? null;
  const today = ctx.now.toISOString().slice(0, 10);
  const findings: Finding[] = [];
  if (c.kind === 'counter_notice') {
    const ce = counterElements(c);
    return { platform: c.platform, elements: null, counterElements: ce, findings: applyDeficiencyPolicy(counterElementFindings(ce), c.elementHints ?? {}) };
  }
  if (c.kind !== 'notice') return { platform: c.platform, elements: null, counterElements: null, findings };

  const elements = noticeElements(c);
  const dmca = profile ? profile.dmca || (!profile.marketplaceRules && c.iprType === 'copyright') : c.iprType === 'copyright' || c.iprType === null;
  if (dmca || (profile?.marketplaceRules && c.iprType === 'copyright')) findings.push(...applyDeficiencyPolicy(noticeElementFindings(elements), c.elementHints ?? {}));
  if (!profile) {
    findings.push(ask('platform.unknown', 'platform', 'missing'));
  } else if (profile.marketplaceRules) {
    findings.push(...proofFindings(c, profile, today));
    findings.push(...iprFindings(c, profile, today));
    findings.push(...urlFindings(c, profile, ctx.platforms));
    findings.push(...evidenceFileFindings(c, profile));
    findings.push(...reasonFindings(c, c.workDescription ?? ''));
  } else {
    findings.push(...urlFindings(c, profile, ctx.platforms).filter((f) => f.code !== 'url.none' || !elements.infringing_material_located.present));
  }
  findings.push(...urlRoleFindings(c, ctx.platforms));
  return { platform: c.platform, elements, counterElements: null, findings };
}
