import type { Finding } from '../domain/schemas/finding.js';
import type { CounterElements, Elements } from './check-result.js';
import { finding } from './finding.js';

const NOTICE_ASKS: Record<keyof Elements, [string, string]> = {
  signature: ['dmca.signature.missing', 'Please sign the notice: type your full legal name under the statements, or add "/s/ Your Name".'],
  work_identified: ['dmca.work.missing', 'Please identify the copyrighted work you own: its title or a description, and a link to the original if it is online.'],
  infringing_material_located: ['dmca.material.missing', 'Please list the URL of each infringing page or file, one per line.'],
  contact_info: ['dmca.contact.missing', 'Please give your postal address, telephone number and email address so we can contact you.'],
  good_faith_statement: ['dmca.good_faith.missing', 'Please add the statement: "I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law."'],
  accuracy_perjury_statement: ['dmca.accuracy_perjury.missing', 'Please add the statement: "The information in this notification is accurate, and under penalty of perjury, I am the owner, or authorized to act on behalf of the owner, of the right that is allegedly infringed."'],
};

const COUNTER_ASKS: Record<keyof CounterElements, [string, string]> = {
  signature: ['counter.signature.missing', 'Please sign the counter-notice with your full legal name.'],
  material_identified: ['counter.material.missing', 'Please give the URL of each file or repository that was removed or disabled.'],
  good_faith_mistake_statement: ['counter.mistake.missing', 'Please add the statement: "I swear, under penalty of perjury, that I have a good faith belief that the material was removed or disabled as a result of a mistake or misidentification."'],
  consent_to_jurisdiction: ['counter.jurisdiction.missing', 'Please add your consent to the jurisdiction of the Federal District Court for your address (or the court named in our policy if you are outside the United States) and that you will accept service of process from the complainant.'],
  contact_info: ['counter.contact.missing', 'Please give your name, postal address and telephone number.'],
};

export function noticeElementFindings(e: Elements): Finding[] {
  return (Object.keys(NOTICE_ASKS) as (keyof Elements)[])
    .filter((k) => !e[k].present)
    .map((k) => finding(NOTICE_ASKS[k][0], k, 'missing', NOTICE_ASKS[k][1]));
}

export function counterElementFindings(e: CounterElements): Finding[] {
  return (Object.keys(COUNTER_ASKS) as (keyof CounterElements)[])
    .filter((k) => !e[k].present)
    .map((k) => finding(COUNTER_ASKS[k][0], k, 'missing', COUNTER_ASKS[k][1]));
}
