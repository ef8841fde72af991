import { describe, expect, it } from 'vitest';
import { maskPrompts } from '../../../src/parse/mask.js';
import { preambleEnd, splitSections } from '../../../src/parse/sections.js';
import { findWork } from '../../../src/parse/work.js';

/** Reads the work the way the parser does: over the text with its form prompts blanked. */
function work(text: string): string | null {
  const sections = splitSections(text);
  return findWork({ source: 'body', text: maskPrompts(text, sections, preambleEnd(text)) }, sections)?.text ?? null;
}

const WORK = ['**Please provide a detailed description of the original copyrighted work that has allegedly been infringed:**', 'Our route planner, a closed-source Android app.', ''];
const LICENCE = ['**Is the work licensed under an open source license?**', 'No, the work is not licensed under an open source license.', ''];
const MEASURES = ['**Do you claim to have any technological measures in place to control access to your copyrighted work?**', 'Yes', ''];
const TARGETS = ['**What files should be taken down?**', 'https://github.com/someone/route-planner', ''];

describe('work candidates', () => {
  it('reads the answer to the work question', () => {
    expect(work([...WORK, ...MEASURES, ...TARGETS, ...LICENCE].join('\n'))).toBe('Our route planner, a closed-source Android app.');
  });

  it('does not read the answer to the licence question as the work', () => {
    expect(work([...TARGETS, ...LICENCE].join('\n'))).toBeNull();
  });

  it('does not read a yes-or-no answer under a question about the work as the work', () => {
    expect(work([...MEASURES, ...TARGETS].join('\n'))).toBeNull();
  });

  it('still reads the work from a letter sentence', () => {
    expect(work('Dear team,\n\nThe repository copies our proprietary source code of the Atlas billing engine.\n\nRegards,\nJo Park')).toContain('Atlas billing engine');
  });
});
