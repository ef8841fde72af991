import type { Finding } from '../domain/schemas/finding.js';
import type { CounterElements, Elements } from './check-result.js';
import { ask } from './finding.js';

const NOTICE_ASKS: Record<keyof Elements, string> = {
  signature: 'dmca.signature.missing',
  work_identified: 'dmca.work.missing',
  infringing_material_located: 'dmca.material.missing',
  contact_info: 'dmca.contact.missing',
  good_faith_statement: 'dmca.good_faith.missing',
  accuracy_perjury_statement: 'dmca.accuracy_perjury.missing',
};

const COUNTER_ASKS: Record<keyof CounterElements, string> = {
  signature: 'counter.signature.missing',
  material_identified: 'counter.material.missing',
  good_faith_mistake_statement: 'counter.mistake.missing',
  consent_to_jurisdiction: 'counter.jurisdiction.missing',
  contact_info: 'counter.contact.missing',
};

export function noticeElementFindings(e: Elements): Finding[] {
  return (Object.keys(NOTICE_ASKS) as (keyof Elements)[])
    .filter((k) => !e[k].present)
    .map((k) => ask(NOTICE_ASKS[k], k, 'missing'));
}

export function counterElementFindings(e: CounterElements): Finding[] {
  return (Object.keys(COUNTER_ASKS) as (keyof CounterElements)[])
    .filter((k) => !e[k].present)
    .map((k) => ask(COUNTER_ASKS[k], k, 'missing'));
}
