import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

const parse = (text: string) => parseNotice({ text });

describe('the owner after a cue wrapped by a mail program', () => {
  it('reads the name on the line after "authorized agent for"', () => {
    const c = parse(makeNotice({ opening: 'This is Ana Ruiz from takedowns.example. I am the authorized agent for\nHarbourline Media Ltd. It has come to our knowledge that the files below copy its courses.' }));
    expect(c.rightsOwner).toBe('Harbourline Media Ltd.');
  });

  it('reads a list of sites as the company of the first one, by its legal name where the letter gives it', () => {
    const c = parse(makeNotice({ opening: 'I am the authorized agent for\nHarbourline.com, Lanternbay.com and Quaysidecourses.com. The files below copy their courses.', contact: 'Harbourline LLC.\n\nEmail: ana@takedowns.example' }));
    expect(c.rightsOwner).toBe('Harbourline LLC.');
  });

  it('keeps a legal name that holds a site address whole', () => {
    const c = parse(makeNotice({ opening: 'We write on behalf of Harbourline.com, Inc., the owner of the photographs below.' }));
    expect(c.rightsOwner).toBe('Harbourline.com, Inc.');
  });
});
