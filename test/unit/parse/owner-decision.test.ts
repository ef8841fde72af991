import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { ownerGeneratorsFiring } from '../../../src/parse/owner-sentences.js';
import { makeNotice } from './builders.js';

const parse = (text: string) => parseNotice({ text });

describe('the rights owner, chosen among scored candidates', () => {
  it('joins a short name to the legal name the letter also gives', () => {
    const c = parse(makeNotice({ opening: 'Dear GitHub,\n\nThis law firm represents Harbourline Media, Inc. in intellectual property matters.\n\nHarbourline is the sole owner of the photographs described below.' }));
    expect(c.rightsOwner).toBe('Harbourline Media, Inc.');
    expect(c.rightsOwnerConfidence).toBeGreaterThan(0.8);
  });

  it('does not take an agent firm named in its own title for the owner', () => {
    const text = makeNotice({ opening: 'I am the Legal Representative of Takedown Partners Ltd, authorized to act on behalf of the rights holder named below.\n\nProduct: Harbour Lights\nCompany: Harbourline Media' });
    const c = parse(text);
    expect(c.isAgent).toBe(true);
    expect(c.rightsOwner).toBe('Harbourline Media');
  });

  it('reads the owner from its officer\'s title', () => {
    const c = parse(makeNotice({ opening: 'My name is Ana Ruiz and I am the Corporate Counsel of Harbourline Media, LLC. A page your company hosts copies our photographs.' }));
    expect(c.rightsOwner).toMatch(/^Harbourline Media, LLC\.?$/);
    expect(c.isAgent).toBe(false);
  });

  it('reads a labelled injured party', () => {
    const c = parse(makeNotice({ opening: 'Name of Injured Party : Harbourline Media LLC\n\nThe photographs below were copied.' }));
    expect(c.rightsOwner).toBe('Harbourline Media LLC');
  });

  it('takes no name cut at a connector by a line break', () => {
    const c = parse(makeNotice({ opening: 'A large portion of the uploaded photographs is copyrighted by the University of\nHarbourline.', signature: 'Sincerely,\n\n[private]' }));
    expect(c.rightsOwner).not.toBe('University');
  });

  it('names the generators that fire, grouped by what they say', () => {
    expect(ownerGeneratorsFiring('We write on behalf of our client Harbourline Media, LLC. The code is owned by Harbourline Media, LLC.').sort()).toEqual(['owner.for_whom', 'owner.owned_by']);
  });
});

describe('owner names read to their right length', () => {
  it('leaves the sender pronoun after the name out of it', () => {
    const c = parse(makeNotice({ opening: 'Harbourline Media (“HLM”) is the owner of copyright in the photographs below.\n\nOn behalf of HLM, I hereby demand that you remove the infringing material.' }));
    expect(c.rightsOwner).toBe('Harbourline Media');
  });

  it('leaves the possessive of a client name out of it', () => {
    const c = parse(makeNotice({ opening: 'We write for our client Harbourline\'s photo library, which the repository below copies.' }));
    expect(c.rightsOwner).toBe('Harbourline');
  });

  it('takes no owner from a generic noun after a role', () => {
    const c = parse(makeNotice({ opening: 'Yes, I am the owner of the Intellectual Property.' }));
    expect(c.rightsOwner).not.toBe('Intellectual Property');
  });
});
