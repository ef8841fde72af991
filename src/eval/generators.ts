import type { Complaint } from '../domain/schemas/complaint.js';
import { agencyCues, cueWeight } from '../parse/agency.js';
import { findContactBlock } from '../parse/contact.js';
import { maskPrompts } from '../parse/mask.js';
import { ownerGeneratorsFiring } from '../parse/owner-sentences.js';
import { preambleEnd, splitSections } from '../parse/sections.js';
import { scoredSignatureCandidates } from '../parse/signature.js';
import type { SourceText } from '../parse/span.js';
import { urlKey } from '../parse/urls.js';
import { workCandidates } from '../parse/work.js';

/**
 * The named generators that proposed something in one document, by field:
 * owner sentences, agent-or-owner cues (live ones only: not negated, quoted or
 * boilerplate), signature candidates, the contact block, the reason each
 * URL got its role, and the work readings proposed. The eval counts on how many documents each one fires; one
 * that fires on a single document is a rule to explain.
 */
export function generatorsFiring(text: string, complaint: Complaint): string[] {
  const src: SourceText = { source: 'body', text };
  const sections = splitSections(text);
  const ids = ownerGeneratorsFiring(text, complaint.kind === 'counter_notice');
  const masked: SourceText = { source: 'body', text: maskPrompts(text, sections, preambleEnd(text)) };
  for (const cue of agencyCues(masked, complaint.rightsOwner, null)) if (cueWeight(cue) > 0) ids.push(`agency.${cue.id}`);
  for (const { c } of scoredSignatureCandidates(src, sections)) ids.push(`signature.${c.generator}`);
  const contact = findContactBlock(src, sections);
  if (contact) ids.push(`contact.${contact.generator}`);
  for (const r of complaint.urlRoles ?? []) ids.push(`url.${r.reason}`);
  for (const c of workCandidates(masked, sections, new Set(complaint.listings.map((l) => urlKey(l.url))))) ids.push(`work.${c.generator}`);
  return [...new Set(ids)];
}
