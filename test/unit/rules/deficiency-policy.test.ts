import { describe, expect, it } from 'vitest';
import { deficiencyPolicy } from '../../../src/rules/deficiency-policy.js';
import { finding } from '../../../src/rules/finding.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';

const sig = finding('dmca.signature.missing', 'signature', 'missing', 'Please sign the notice.');
const work = finding('dmca.work.missing', 'work_identified', 'missing', 'Please identify the work.');
const url = finding('url.search_page', 'listings', 'invalid', 'A search page is not a listing.');

describe('deficiency policy', () => {
  it('asks the sender on its own only for an element with no trace in the text', () => {
    const sure = deficiencyPolicy([sig], {});
    expect(sure.automatic).toEqual([sig]);
    expect(sure.review).toEqual([]);
  });

  it('turns an element with a trace into a reviewer question that keeps the sentence for the sender', () => {
    const unsure = deficiencyPolicy([sig, work], { signature: ['closing_name'], work_identified: ['word:copyright'] });
    expect(unsure.automatic).toEqual([]);
    expect(unsure.review.map((f) => [f.code, f.severity])).toEqual([['dmca.signature.missing', 'warning'], ['dmca.work.missing', 'warning']]);
    expect(unsure.review[1]!.question).toBe('Work not clearly identified: confirm or ask the sender.');
    expect(unsure.review[1]!.message).toBe('Please identify the work.');
  });

  it('leaves findings that are not missing elements as they are', () => {
    expect(deficiencyPolicy([url, work], { work_identified: ['word:work'] }).automatic).toEqual([url]);
  });

  it('holds back a notice whose statements are worded in a way the parser does not read, and answers one that lacks them', () => {
    const base = 'DMCA takedown notice. Our copyrighted software Acme Editor is infringed by this repository: https://github.com/someone/acme-copy\nContact: legal@acme.example, +1 415 555 0100\n';
    const loose = parseNotice({ text: `${base}We believe in good faith this copy is unauthorized by us. We swear the information is accurate, penalty of perjury applies.\n\nJane Roe` });
    const lfind = checkComplaint(loose, { platforms: [], now: new Date('2026-11-28') }).findings;
    expect(lfind.filter((f) => f.severity === 'missing').map((f) => f.element)).not.toContain('good_faith_statement');
    const bare = parseNotice({ text: `${base}Please remove it.\n\nJane Roe` });
    const bfind = checkComplaint(bare, { platforms: [], now: new Date('2026-11-28') }).findings;
    expect(bfind.filter((f) => f.severity === 'missing').map((f) => f.element)).toEqual(expect.arrayContaining(['good_faith_statement', 'accuracy_perjury_statement']));
  });
});
