import { describe, expect, it } from 'vitest';
import { generatorsFiring } from '../../../src/eval/generators.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';

const letter = `Dear GitHub,

I am writing on behalf of Acme Games Ltd., the owner of the copyright in the game "Star Drift".

The following repository copies our source code:
https://github.com/someone/star-drift-copy

I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.
I swear, under penalty of perjury, that the information in this notification is accurate and that I am authorized to act for the owner.

My contact details:
jane@example.com

/s/ Jane Doe
`;

describe('generatorsFiring', () => {
  it('names, by field, the generators that proposed something in a notice', () => {
    const ids = generatorsFiring(letter, parseNotice({ text: letter }));
    expect(ids).toContain('agency.agent.on_behalf');
    expect(ids).toContain('signature.slash_s');
    expect(ids).toContain('contact.cue_value');
    expect(ids.some((id) => id.startsWith('url.'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves out agent cues that a negation voids', () => {
    const text = letter.replace('I am writing on behalf of Acme Games Ltd., the owner of', 'I am not writing on behalf of anyone; Acme Games Ltd. owns');
    expect(generatorsFiring(text, parseNotice({ text }))).not.toContain('agency.agent.on_behalf');
  });
});
