import type { Complaint } from '../domain/schemas/complaint.js';
import { parseNotice } from '../parse/parse-notice.js';
import { checkComplaint } from '../rules/check-complaint.js';
import type { CheckResult } from '../rules/check-result.js';
import type { PlatformProfile } from '../rules/platform-profile.js';

export interface Analysis {
  complaint: Complaint;
  check: CheckResult;
  infringingUrls: string[];
}

/** Parse + check of one plain text, the way the eval and the bench run it. */
export function analyzeText(text: string, platforms: readonly PlatformProfile[], now = new Date()): Analysis {
  const complaint = parseNotice({ text }, { platforms });
  const check = checkComplaint(complaint, { platforms, now });
  return { complaint, check, infringingUrls: complaint.kind === 'notice' ? complaint.listings.map((l) => l.url) : [] };
}
