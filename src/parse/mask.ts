import type { Section } from './sections.js';

/**
 * The sender's own words at the same offsets: host notes above a rule and
 * form prompts are blanked so a prompt that quotes the statutory sentence
 * ("Type the following statement: ...") never counts as the statement.
 */
export function maskPrompts(text: string, sections: readonly Section[], preambleEnd: number): string {
  const ranges: [number, number][] = [[0, preambleEnd]];
  for (const s of sections) {
    if (s.header && s.prompt && s.role !== 'statement') ranges.push([s.headerStart, s.bodyStart]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Copied in slices, each blanked range with its line breaks kept: no array of single characters.
  let out = '';
  let pos = 0;
  for (const [from, to] of ranges) {
    const s = Math.max(from, pos);
    const e = Math.min(to, text.length);
    if (e <= s) continue;
    out += text.slice(pos, s) + text.slice(s, e).replace(NOT_A_LINE_BREAK, ' ');
    pos = e;
  }
  return out + text.slice(pos);
}

const NOT_A_LINE_BREAK = /[^\n]/g;
