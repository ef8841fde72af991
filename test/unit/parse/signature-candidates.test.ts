import { describe, expect, it } from 'vitest';
import { preambleEnd, splitSections } from '../../../src/parse/sections.js';
import { maskPrompts } from '../../../src/parse/mask.js';
import { findSignature } from '../../../src/parse/signature.js';

/** Reads the signature the way the parser does: over the text with its form prompts blanked. */
function signature(text: string): string | null {
  const sections = splitSections(text);
  return findSignature({ source: 'body', text: maskPrompts(text, sections, preambleEnd(text)) }, sections)?.name ?? null;
}

const FORM_HEAD = [
  '**What work was allegedly infringed?**',
  'Our game engine, published at https://example.org/engine.',
  '',
  '**I swear, under penalty of perjury, that the information in this notification is accurate.**',
  '',
];
const CONTACT = ['**So that we can get back to you, please provide either your telephone number or physical address:**', '[private]', ''];
const SIGN = ['**Please type your full legal name below to sign this request:**', '[private]'];

describe('signature candidates', () => {
  it('reads the answer to the signature question of a form', () => {
    expect(signature([...FORM_HEAD, ...CONTACT, ...SIGN].join('\n'))).toBe('[private]');
  });

  it('does not take the answer to the contact question for a signature', () => {
    expect(signature([...FORM_HEAD, ...CONTACT].join('\n'))).toBeNull();
  });

  it('still reads a name closing a letter whose sentence about contact opens like a form question', () => {
    const text = 'I swear, under penalty of perjury, that this notice is accurate.\n\nPlease contact me at the address below if anything is unclear.\n\nAnna Berg\nCounsel, Nordic Games AB';
    expect(signature(text)).toBe('Anna Berg');
  });

  it('reads "Regards" over the name when the letter quotes a passage above it', () => {
    const text = 'The terms say:\n\n> You may not use the Service for any illegal purpose.\n\nI declare, under penalty of perjury, that this notice is accurate.\n\nRegards,\nJohn Miller\nLegal Team';
    expect(signature(text)).toBe('John Miller');
  });

  it('does not take the name that signed an earlier message quoted below', () => {
    const text = 'Please remove the files listed earlier.\n\n-----Original Message-----\nI swear, under penalty of perjury, that this notice is accurate.\n\nRegards,\nJohn Miller';
    expect(signature(text)).toBeNull();
  });

  it('reads a redacted last item of a numbered list as the signature, whatever the list marker', () => {
    const perjury = 'I swear, under penalty of perjury, that the information in this notification is accurate.';
    for (const marker of ['7.', '7)', '[7]', '(7)']) {
      expect(signature(`[5] I have a good faith belief that this use is not authorized.\n\n[6] ${perjury}\n\n${marker} [private]`), marker).toBe(`${marker} [private]`);
    }
    expect(signature(`[6] ${perjury}\n\n[7] See the attached letter.`)).toBeNull();
  });
});
