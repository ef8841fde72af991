import type { Section } from './sections.js';

/**
 * The sender's own words at the same offsets: host notes above a rule and
 * form prompts are blanked so a prompt that quotes the statutory sentence
 * ("Type the following statement: ...") never counts as the statement.
 */
export function maskPrompts(text: string, sections: readonly Section[], preambleEnd: number): string {
  const chars = text.split('');
  const blank = (s: number, e: number): void => {
    for (let i = s; i < e && i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  blank(0, preambleEnd);
  for (const s of sections) {
    if (s.header && s.prompt && s.role !== 'statement') blank(s.headerStart, s.bodyStart);
  }
  return chars.join('');
}
