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
    ['"my details" over the value', 'my details\n[private]'],
    ['a "Notifying Party" heading over the organisation and its address', 'Notifying Party\n\nNordlys AS\nAttn: Legal Dept.\n14 Harbour Street\nLeith\nEH6 6QN\nUnited Kingdom'],
  ])('%s', (_name, contact) => {
    const e = elements(makeNotice({ contact }));
    expect(e.contact_info.present).toBe(true);
  });

  it('reads details beside the name in the sign-off', () => {
    expect(elements(makeNotice({ contact: null, signature: 'Sincerely,\n\n[private] | Trademark Counsel | Nordlys AS\n\n[private] [private]' })).contact_info.present).toBe(true);
  });

  it('does not take a blanked-out name and title on one sign-off line for contact details', () => {
    expect(elements(makeNotice({ contact: null, signature: 'Sincerely,\n\n[private], [private]' })).contact_info.present).toBe(false);
  });

  it('does not take the infringer\'s details, or a contact sentence with nothing under it, for the sender\'s', () => {
    expect(elements(makeNotice({ contact: 'The alleged infringer can be contacted at:\n\n[private]' })).contact_info.present).toBe(false);
    expect(elements(makeNotice({ contact: 'Please contact me if you have questions about this notice.' })).contact_info.present).toBe(false);
    expect(elements(makeNotice({ contact: 'Notifying Party\n\nNordlys AS, the owner of the photographs described above, asks for their removal.' })).contact_info.present).toBe(false);
  });
});

describe('the redacted sign-off block', () => {
  it('reads a name over redacted details closing the letter as contact details', () => {
    expect(elements(makeNotice({ contact: null, signature: 'Sincerely,\n\n[private]\n\n[private]\n\n[private]' })).contact_info.present).toBe(true);
  });

  it('does not join a redacted line above a sentence to the signature under it', () => {
    const signature = '[private]\n\nThe original files can be found at the address listed above.\n\n[private]';
    expect(elements(makeNotice({ contact: null, signature })).contact_info.present).toBe(false);
  });

  it('does not join a redacted answer to the redacted signature under the next form question', () => {
    const signature = "I've read the above article.\n\n[private]\n\n__Please type your full legal name below to sign this request:__\n\n[private]";
    expect(elements(makeNotice({ contact: null, signature })).contact_info.present).toBe(false);
  });

  it('reads the answer to a telephone prompt that follows the contact question with no answer of its own', () => {
    const contact = '**So that we can get back to you, please provide either your telephone number or physical address.**\n\n**Please provide a telephone number.**\n\n[private]';
    const signature = '**Please type your full legal name below to sign this request.**\n\n[private]';
    expect(elements(makeNotice({ contact, signature })).contact_info.present).toBe(true);
  });

  it('reads the statutory "name, address, and telephone number" line over its value', () => {
    expect(elements(makeNotice({ contact: 'My name, address, and telephone number are as follows:\n\n[private]', signature: 'Best Regards,\n\nAna Ruiz' })).contact_info.present).toBe(true);
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
