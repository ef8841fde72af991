import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { makeNotice } from './builders.js';

const elements = (text: string) => checkComplaint(parseNotice({ text }), { platforms: [], now: new Date('2026-01-01') }).elements!;

describe('contact details given in a contact block rather than a labelled field', () => {
  it.each([
    ['a cue line over a redacted value, with a blank line between', 'My contact details:\n\n[private]'],
    ['"can be reached through its counsel at the following:"', 'Nordlys AS can be reached through its counsel at the following:\n[private]'],
    ['"I can be contacted via" over the value', 'I can be contacted via\n[REDACTED]'],
    ['a field naming the organisation above the redacted details', 'My contact information is as follows:\n\nOrganization name: Nordlys AS\n[private]'],
    ['an address under "at the following address"', 'You may write to me at the following address:\n\n14 Harbour Street, Leith EH6 6QN'],
  ])('%s', (_name, contact) => {
    const e = elements(makeNotice({ contact }));
    expect(e.contact_info.present).toBe(true);
  });

  it('reads details beside the name in the sign-off', () => {
    expect(elements(makeNotice({ contact: null, signature: 'Sincerely,\n\n[private] | Trademark Counsel | Nordlys AS\n\n[private] [private]' })).contact_info.present).toBe(true);
  });

  it('does not take the infringer\'s details, or a contact sentence with nothing under it, for the sender\'s', () => {
    expect(elements(makeNotice({ contact: 'The alleged infringer can be contacted at:\n\n[private]' })).contact_info.present).toBe(false);
    expect(elements(makeNotice({ contact: 'Please contact me if you have questions about this notice.' })).contact_info.present).toBe(false);
  });
});

describe('signature shapes', () => {
  it.each([
    ['"(signed)" before the name', '(signed) Ana Ruiz', 'Ana Ruiz'],
    ['"/signed/" over the name', '/signed/\nAna Ruiz', 'Ana Ruiz'],
    ['a numbered "Signed -" item', '7. Signed - Ana Ruiz, Technical Director, Nordlys AS', 'Ana Ruiz, Technical Director, Nordlys AS'],
    ['closing and name on one line', 'Best Regards, Ana Ruiz', 'Ana Ruiz'],
    ['a redacted name over a title, blank lines between', 'Thank you for your help in this matter,\n\n[private]\n\nChief Legal Officer\n\nNordlys AS', '[private]'],
    ['a redacted name over "On behalf of"', '[private]\nOn behalf of Nordlys AS', '[private]'],
  ])('%s', (_name, signature, name) => {
    expect(parseNotice({ text: makeNotice({ signature }) }).signature).toBe(name);
  });

});
