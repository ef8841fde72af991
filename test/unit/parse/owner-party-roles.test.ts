import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { cleanName } from '../../../src/parse/names.js';
import { makeNotice } from './builders.js';

const parse = (text: string) => parseNotice({ text });

describe('party roles are not names', () => {
  it('never reads a role of the notice as the owner', () => {
    for (const role of ['Complaining Party', 'the Notifying Party', 'Complainant', 'Rightsholder', 'Party']) expect(cleanName(role), role).toBeNull();
    const c = parse(makeNotice({ opening: 'The information in this notice is accurate, and the Complaining Party is the owner of the photographs listed below.' }));
    expect(c.rightsOwner ?? '').not.toMatch(/party/i);
  });

  it('reads the organisation alone under a party heading as the owner', () => {
    const c = parse(makeNotice({ opening: 'The pages listed below copy the text of our site.', contact: 'Notifying Party\n\nHarbourline Media Limited\n\nAttn: Legal Dept.\n\n12 Quay Street\n\nLondon' }));
    expect(c.rightsOwner).toBe('Harbourline Media Limited');
  });
});

describe('a name read twice', () => {
  it('reads "Acme and Acme" as one name, and keeps a pair of two names', () => {
    expect(cleanName('Harbourline and Harbourline')).toBe('Harbourline');
    expect(cleanName('Harbourline & Lantern')).toBe('Harbourline & Lantern');
  });
});
