import { describe, expect, it } from 'vitest';
import { maskPrompts } from '../../../src/parse/mask.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { preambleEnd, splitSections } from '../../../src/parse/sections.js';
import { readWork } from '../../../src/parse/work.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from './builders.js';

function read(text: string) {
  const sections = splitSections(text);
  return readWork({ source: 'body', text: maskPrompts(text, sections, preambleEnd(text)) }, sections);
}

const letter = (...paras: string[]): string => ['Dear GitHub,', ...paras, 'I have a good faith belief that the use is not authorized.', 'Sincerely,\nJo Park'].join('\n\n');

// A web form whose questions are answered one by one; the work question is left out.
const FORM_WITHOUT_WORK = [
  '**Are you the copyright holder or authorized to act on the copyright owner\'s behalf?**',
  'Yes, I am the copyright holder. We, Lantern Type AG, are the copyright owner of the font Lantern Grotesk.',
  '',
  '**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository\'s URL.**',
  'https://github.com/someone/fonts',
  '',
  '**So that we can get back to you, please provide either your telephone number or physical address.**',
  '[private]',
].join('\n');

describe('work readings, scored', () => {
  it('passes over a sentence that names no work for a later one that does', () => {
    const text = letter('I am the copyright owner of the works and the following is true and accurate.', 'The original work is our trading platform, an HTML5 application, which appears at https://trade.example.com.');
    expect(read(text).work?.text).toContain('HTML5 application');
  });

  it('holds a sentence that names no work below the threshold, as a weak reading', () => {
    const { work, weak } = read(letter('I am the copyright owner of the works and the following is true.'));
    expect(work).toBeNull();
    expect(weak?.text).toContain('owner of the works');
  });

  it('reads a work named loosely as the sender\'s own', () => {
    expect(read(letter('The repository is a copy of previous versions of our websites.')).work).not.toBeNull();
    expect(read(letter("The repository holds CoinW's proprietary Android application code (v8.3.0).")).work?.text).toContain('Android application code');
  });

  it('reads code said to be copyrighted to, or to belong to, its owner', () => {
    expect(read(letter('This code is copyrighted to Woodside as we set up the project team.')).work).not.toBeNull();
    expect(read(letter('The repository is proprietary code belonging to Success Academies.')).work).not.toBeNull();
  });

  it('reads what a copyright is held in when the sentence names it', () => {
    expect(read(letter('The rights include the copyright in the broadcasts of the Harbour Premier League 2024.')).work?.text).toContain('Harbour Premier League');
  });

  it('in a web form whose work question went unanswered, holds a work met in another answer for the reviewer', () => {
    const { work, weak } = read(FORM_WITHOUT_WORK);
    expect(work).toBeNull();
    expect(weak?.text).toContain('Lantern Grotesk');
  });

  it('does not read a question put about the work as the work, but reads an answer on its line', () => {
    expect(read(letter('Identify the material that you allege is infringing the copyrighted work listed in item 2, above.')).work).toBeNull();
    expect(read(letter('Identify the copyrighted work: the Atlas plugin software that is for subscribers only.')).work?.text).toContain('Atlas plugin');
  });

  it('does not read a request to remove the copies, or a labelled field left empty, as the work', () => {
    expect(read(letter('We respectfully request GitHub to promptly remove the code from the developer repository forthwith.')).work).toBeNull();
    expect(read(letter('Copyrighted material: N/A [see note above]')).work).toBeNull();
    expect(read(letter('If your mail program broke the links above, you can copy and paste the entire link into your email program.')).work).toBeNull();
  });

  it('does not read the subject line or a sentence about the copies as the work', () => {
    expect(read('Subject: Unauthorized display of my private documents\n\nHello,\n\nPlease remove all of the files listed above.\n\nThanks').work).toBeNull();
  });
});

describe('a weak reading of the work and the deficiency policy', () => {
  it('asks the reviewer about the work rather than the sender', async () => {
    const platforms = await loadPlatforms(PLATFORMS_DIR);
    const complaint = parseNotice({ text: FORM_WITHOUT_WORK }, { platforms });
    expect(complaint.workDescription).toBeNull();
    expect(complaint.elementHints?.work_identified?.[0]).toBe('weak_reading:sentence');
    const findings = checkComplaint(complaint, { platforms, now: new Date('2026-11-28T00:00:00Z') }).findings.filter((f) => f.element === 'work_identified');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('warning');
    expect(findings[0]!.question).toMatch(/Work not clearly identified/);
  });
});
