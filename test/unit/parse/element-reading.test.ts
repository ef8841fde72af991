import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { makeNotice } from './builders.js';

const elements = (text: string) => checkComplaint(parseNotice({ text }), { platforms: [], now: new Date('2026-01-01') }).elements!;

describe('work named by its quoted title', () => {
  it.each([
    ['a kind of work before the title', 'The infringing videos are episodes of the TV series “Harbour Nights”, distributed by us in Norway.'],
    ['a copyright phrase before the title', 'The gists contain copyrighted material “Problem Two: Ferries” sent to our candidates.'],
  ])('%s', (_name, work) => {
    expect(elements(makeNotice({ opening: 'Dear Sir or Madam,', work })).work_identified.present).toBe(true);
  });

  it('does not read a request to remove the copies as naming the work', () => {
    const work = 'We therefore request that you remove all copied images from the pages listed below.';
    expect(elements(makeNotice({ opening: 'Dear Sir or Madam,', work })).work_identified.present).toBe(false);
  });
});

describe('contact and sign-off in older letters', () => {
  it('reads the answer under a quoted prompt of the guide', () => {
    const contact = '> Provide information on which GitHub may contact you, including your email address, name, telephone number and physical address.\n\n[private]';
    expect(elements(makeNotice({ contact })).contact_info.present).toBe(true);
  });

  it('reads redacted sign-off lines closed by an HTML line break', () => {
    const e = elements(makeNotice({ contact: null, signature: 'Regards\n\n[private]<br>\nhttp://nordlys.example/\n\n[private]<br>\nOslo, Norway' }));
    expect(e.contact_info.present).toBe(true);
  });

  it('keeps reading the sign-off below a block quote the letter cites', () => {
    const opening = 'Dear Sir or Madam,\n\nThe licence of the theme says:\n\n> The Regular License grants you a non-exclusive right to use the item\n> in one end product.\n\nThe copies below break it.';
    const e = elements(makeNotice({ opening, contact: null, signature: 'Regards\n\n[private]\n[private]\nOslo, Norway' }));
    expect(e.contact_info.present).toBe(true);
  });
});

describe('a bare line after the statements is a signature only where a name stands', () => {
  it('does not read the value under a contact lead-in as the signature', () => {
    const contact = 'My contact information is as follows:\n\nOrganization name: Nordlys AS as agent for Fjord Books\n[private]\n\n[private]';
    const e = elements(makeNotice({ contact, signature: null }));
    expect(e.contact_info.present).toBe(true);
    expect(e.signature.present).toBe(false);
  });

  it('does not read a company name closing the letter as a person signing', () => {
    const signature = 'Thank you for your cooperation.\n\nNORDLYS PUBLISHING\n\nRights Department\n\n14 Harbour Street';
    expect(elements(makeNotice({ contact: null, signature })).signature.present).toBe(false);
  });

  it('still reads a redacted name closing the letter', () => {
    expect(elements(makeNotice({ contact: 'Email: ana@photos.example.org', signature: '[private]' })).signature.present).toBe(true);
  });
});

describe('contact details redacted by the host', () => {
  it('reads a run of redacted lines as the sender\'s blanked-out details', () => {
    const opening = 'Dear Sir or Madam,\n\nNotifying party:\n\n[private]\n[private]\n[private]\n[private]';
    expect(elements(makeNotice({ opening, contact: null, signature: 'Ana Ruiz' })).contact_info.present).toBe(true);
  });

  it('reads the value under a lead-in that ends in a colon', () => {
    const contact = 'You may contact me by email or by physical address:\n\n[private]\nOslo, Norway';
    expect(elements(makeNotice({ contact, signature: 'Ana Ruiz' })).contact_info.present).toBe(true);
  });

  it('does not take one redacted line, or the infringer\'s details, for the sender\'s', () => {
    expect(elements(makeNotice({ contact: 'Thank you.\n\n[private]', signature: null })).contact_info.present).toBe(false);
    expect(elements(makeNotice({ contact: 'The uploader can be reached at:\n\n[private]', signature: 'Ana Ruiz' })).contact_info.present).toBe(false);
  });
});

describe('sign-off shapes of letters', () => {
  it.each([
    ['a thank-you closing over the name', 'Thank you for your assistance in this matter,\n\n[private]<br>\nProject lead and designer'],
    ['the name and title on one line', 'Please reply to the address below.\n\n[private] | Academic Integrity Manager\nNordlys School | [private]'],
    ['a conformed signature between slashes', 'The rights holder reserves all its rights in this matter.\n\n// [private] //'],
  ])('%s', (_name, signature) => {
    expect(elements(makeNotice({ signature })).signature.present).toBe(true);
  });

  it('does not read a contact field or a second closing under the closing as the name', () => {
    expect(elements(makeNotice({ contact: null, signature: 'Thank you for your time.\n\ntel: [private]' })).signature.present).toBe(false);
    expect(elements(makeNotice({ signature: 'Thank you for your kind assistance.\n\nTruthfully,' })).signature.present).toBe(false);
  });
});

describe('statements across a URL', () => {
  it('reads a good-faith belief whose sentence holds a link', () => {
    const goodFaith = 'I have a good faith belief that the whole source code repository at https://github.com/copycat/harbour is unlawful, because it infringes our copyrights.';
    expect(elements(makeNotice({ goodFaith })).good_faith_statement.present).toBe(true);
  });
});

describe('work identified by a link to the original', () => {
  const work = (line: string) => elements(makeNotice({ opening: 'Dear Sir or Madam,', work: line })).work_identified.present;

  it('reads a link to the original as identifying the work', () => {
    expect(work('The original theme is sold at https://themes.example.com/item/fundify/94668')).toBe(true);
  });

  it('does not take a home page or a licence page for the work', () => {
    expect(work('The original is at https://themes.example.com/')).toBe(false);
    expect(work('Our licence terms: https://themes.example.com/license.html')).toBe(false);
  });

  it('does not take a link for the work only because it is off the platform', () => {
    const form = [
      "**Are you the copyright holder or authorized to act on the copyright owner's behalf?**",
      'Yes, I am the copyright holder.',
      '',
      'The infringing copies are also sold at https://shop.example.com/item/123',
      '',
      "**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository's URL.**",
      'https://github.com/someone/fonts',
      '',
      '**So that we can get back to you, please provide either your telephone number or physical address.**',
      '[private]',
    ].join('\n');
    expect(elements(form).work_identified.present).toBe(false);
  });
});
