import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../src/parse/sections.js';

const roles = (text: string) => splitSections(text).filter((s) => s.header).map((s) => [s.role, text.slice(s.bodyStart, s.bodyEnd).trim().split('\n')[0]]);

describe('form sections', () => {
  it('reads prompts hard-wrapped over several lines, plain, bold and italic', () => {
    const plain = 'So that we can get back to you, please provide either your telephone\nnumber or physical address:\n\nMy mobile number is +1 555 0100\n';
    expect(roles(plain)).toEqual([['contact', 'My mobile number is +1 555 0100']]);
    const bold = '**What files should be taken down? Please provide URLs for each file, or\nif the entire repository, the repository\'s URL:**\n\nhttps://github.com/copycat/harbour\n';
    expect(roles(bold)).toEqual([['targets', 'https://github.com/copycat/harbour']]);
    const italic = '*Do you have the alleged infringer\'s contact information? If so, please\nprovide it:*\n\nNo\n';
    expect(roles(italic)).toEqual([['infringer', 'No']]);
  });

  it('splits a prompt from an answer written on the same line', () => {
    const text = 'Are you the copyright owner or authorized to act on the copyright owner\'s behalf? Yes, I am the owner.\n\nWhat files should be taken down? Please provide URLs for each file:   https://github.com/copycat/harbour\n';
    expect(roles(text)).toEqual([['ownership', 'Yes, I am the owner.'], ['targets', 'https://github.com/copycat/harbour']]);
  });

  it('ends the answer about the infringer at the sender\'s statements', () => {
    const text = 'Do you have the alleged infringer\'s contact information? If so, please provide it:\n\nNo\n\nI have a good faith belief that this use is not authorized.\n\nPhysical Address: 1 Main Street, Boston\n';
    const s = splitSections(text);
    expect(s.map((x) => x.role)).toEqual(['infringer', 'statement']);
    expect(text.slice(s[1]!.bodyStart)).toContain('Physical Address');
  });

  it('gives the licence question no takedown role', () => {
    expect(roles('Is the work licensed under an open source license? Are the allegedly infringing files being used under the license?\n\nNo, see https://example.com/license\n')[0]![0]).toBe('other');
  });

  it('keeps a letter sentence that introduces the copies as the sender\'s text', () => {
    const s = splitSections('Dear team,\n\nPirated copies of my patterns are sold here:\n\nhttps://www.aliexpress.com/item/1.html\n');
    expect(s.find((x) => x.role === 'targets')?.prompt).toBe(false);
  });
});
