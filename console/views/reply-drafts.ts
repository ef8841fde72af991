import type { Case } from '../../src/domain/schemas/index.js';

export interface Draft {
  subject: string;
  text: string;
}

function greeting(c: Case): string {
  const name = c.complaint.complainant.name ?? c.rightsOwner;
  return name ? `Dear ${name},` : 'Hello,';
}

const SIGN_OFF = '\n\nKind regards,\nIP Protection Team';

function list(items: string[]): string {
  return items.map((i) => `  - ${i}`).join('\n');
}

/**
 * The reply a decision sends, as a starting point the reviewer edits in the
 * console; what the reviewer submits is sent exactly as written.
 */
export function draftReply(template: string, c: Case, vars: Record<string, unknown> = {}): Draft {
  const tag = `[${c.number}]`;
  const urls = c.complaint.listings.map((l) => l.url);
  const about = c.complaint.subject ? ` (${c.complaint.subject})` : '';
  switch (template) {
    case 'accepted':
      return { subject: `${tag} Your complaint was accepted`, text: `${greeting(c)}\n\nWe reviewed your complaint ${c.number}${about} and accepted it. These listings have been removed:\n\n${list(urls)}\n\nThe merchant has been notified and may file a counter-notice; we will tell you if that happens.${SIGN_OFF}` };
    case 'partially-accepted': {
      const removed = (vars.removed as string[] | undefined) ?? urls;
      const kept = (vars.kept as string[] | undefined) ?? [];
      return { subject: `${tag} Your complaint was partly accepted`, text: `${greeting(c)}\n\nWe reviewed your complaint ${c.number}${about}. These listings have been removed:\n\n${list(removed)}\n\nThese listings stay online:\n\n${list(kept)}\n\n${(vars.keptReason as string | undefined) ?? 'The evidence did not show an infringement for them.'}${SIGN_OFF}` };
    }
    case 'rejected':
      return { subject: `${tag} Your complaint could not be accepted`, text: `${greeting(c)}\n\nWe reviewed your complaint ${c.number}${about} and could not accept it.\n\nReason: ${(vars.reasonText as string | undefined) ?? 'see below'}\n\nYou may file a new complaint with the missing information at any time.${SIGN_OFF}` };
    case 'deficiency': {
      const missing = c.findings.filter((f) => f.severity !== 'warning').map((f) => f.message);
      return { subject: `${tag} More information needed for your complaint`, text: `${greeting(c)}\n\nThank you for your complaint ${c.number}${about}. Before we can act on it, please send us:\n\n${list(missing.length ? missing : ['(describe what is needed)'])}\n\nReply to this email and keep ${c.number} in the subject so your answer joins the case.${SIGN_OFF}` };
    }
    case 'duplicate':
      return { subject: `${tag} Already being handled as ${(vars.duplicateOf as string | undefined) ?? 'another case'}`, text: `${greeting(c)}\n\nYour message ${c.number} repeats a complaint we already have${vars.duplicateOf ? ` (${String(vars.duplicateOf)})` : ''}. We closed ${c.number}; please refer to the earlier case number in any follow-up.${SIGN_OFF}` };
    case 'closed':
      return { subject: `${tag} Case closed`, text: `${greeting(c)}\n\nWe closed case ${c.number}.${SIGN_OFF}` };
    case 'counter-notice-forwarded':
      return { subject: `${tag} Counter-notice received from the merchant`, text: `${greeting(c)}\n\nThe merchant has filed a counter-notice against your complaint ${c.number}. A copy is below.\n\nIf you do not answer by ${(vars.dueAt as string | undefined) ?? 'the deadline'}, the counter-notice is accepted and the listings are reinstated. To object, reply to this email stating why the counter-notice should be rejected.${SIGN_OFF}` };
    case 'dispute-decided':
      return { subject: `${tag} Final decision on the disputed takedown`, text: `${greeting(c)}\n\nWe have made a final decision on the counter-notice to your complaint ${c.number}.${SIGN_OFF}` };
    default:
      return { subject: `${tag} Update on your case`, text: `${greeting(c)}\n\nThere is an update on case ${c.number}.${SIGN_OFF}` };
  }
}
