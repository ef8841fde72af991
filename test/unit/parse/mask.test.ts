import { describe, expect, it } from 'vitest';
import { maskPrompts } from '../../../src/parse/mask.js';
import type { Section } from '../../../src/parse/sections.js';

/** Blanking character by character, the way the mask was first written: the reference the sliced copy is held to. */
function byCharacter(text: string, sections: readonly Section[], preambleEnd: number): string {
  const chars = text.split('');
  const blank = (s: number, e: number): void => {
    for (let i = Math.max(0, s); i < e && i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  blank(0, preambleEnd);
  for (const s of sections) if (s.header && s.prompt && s.role !== 'statement') blank(s.headerStart, s.bodyStart);
  return chars.join('');
}

describe('prompt mask', () => {
  it('blanks the preamble and form prompts, keeping line breaks and offsets', () => {
    const text = 'Note from the host\n---\n**Your statement:**\nI own it.\n';
    const prompt = { header: '**Your statement:**', prompt: true, role: 'other', headerStart: 23, bodyStart: 43 } as unknown as Section;
    expect(maskPrompts(text, [prompt], 22)).toBe(`${' '.repeat(18)}\n   \n${' '.repeat(19)}\nI own it.\n`);
  });

  it('gives what blanking character by character gives, for overlapping, reversed and out-of-range ranges', () => {
    let seed = 3;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: Math.floor(next() * 30) }, () => 'ab\n𝐀 '[Math.floor(next() * 5)]).join('');
      const sections = Array.from({ length: Math.floor(next() * 4) }, () => ({
        header: next() > 0.2 ? 'h' : '', prompt: next() > 0.2, role: next() > 0.8 ? 'statement' : 'other',
        headerStart: Math.floor(next() * 40) - 5, bodyStart: Math.floor(next() * 40) - 5,
      })) as unknown as Section[];
      const pre = Math.floor(next() * 35) - 3;
      expect(maskPrompts(text, sections, pre), JSON.stringify([text, sections, pre])).toBe(byCharacter(text, sections, pre));
    }
  });

  it('masks a 2 MB text with a prompt in one pass', () => {
    const text = `${'x'.repeat(1 << 20)}\n${'y'.repeat(1 << 20)}`;
    const prompt = { header: 'h', prompt: true, role: 'other', headerStart: 10, bodyStart: 1 << 20 } as unknown as Section;
    const out = maskPrompts(text, [prompt], 5);
    expect(out.length).toBe(text.length);
    expect(out.slice(0, 12)).toBe('     xxxxx  ');
    expect(out.indexOf('x', 10)).toBe(-1);
    expect(out.slice(1 << 20)).toBe(text.slice(1 << 20));
  });
});

describe('the last lines of a text', () => {
  it('are the lines splitting the whole text would give, read from the end', async () => {
    const { lastLines } = await import('../../../src/parse/lines.js');
    expect(lastLines('Dear Sir,\n\nRegards\n  \nJane Roe\n', 2, (l) => !!l.trim())).toEqual(['Regards', 'Jane Roe']);
    let seed = 9;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 5000; k++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => ['a', '\n', ' ', 'b c', '\n\n'][Math.floor(next() * 5)]).join('');
      const n = 1 + Math.floor(next() * 5);
      expect(lastLines(text, n, (l) => !!l.trim()), JSON.stringify([text, n])).toEqual(text.split('\n').filter((l) => !!l.trim()).slice(-n));
      expect(lastLines(text, n, () => true), JSON.stringify([text, n])).toEqual(text.split('\n').slice(-n));
    }
  });
});
