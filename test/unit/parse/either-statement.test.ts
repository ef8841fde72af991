import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { addressOrganisation } from '../../../src/parse/parties.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const parse = (text: string) => parseNotice({ text }, { platforms });

/** A 2017-style web form: every statement typed out, the owner question answered by `answer`. */
function typedForm(answer: string, work: string, contact: string): string {
  return [
    "**Are you the copyright owner or authorized to act on the copyright owner's behalf?**",
    answer,
    '',
    '**Please provide a detailed description of the original copyrighted work that has allegedly been infringed. If possible, include a URL to where it is posted online.**',
    work,
    '',
    "**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository's URL:**",
    'https://github.com/example-copier/lantern-clone',
    '',
    '**Type (or copy and paste) the following statement: "I have a good faith belief that use of the copyrighted materials described above on the infringing web pages is not authorized by the copyright owner, or its agent, or the law. I have taken fair use into consideration."**',
    'I have a good faith belief that use of the copyrighted materials described above on the infringing web pages is not authorized by the copyright owner, or its agent, or the law. I have taken fair use into consideration.',
    '',
    '**Type (or copy and paste) the following statement: "I swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner, of an exclusive right that is allegedly infringed."**',
    'I swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner, of an exclusive right that is allegedly infringed.',
    '',
    '**So that we can get back to you, please provide either your telephone number or physical address:**',
    contact,
    '',
    '**Please type your full legal name below to sign this request:**',
    '[private]',
    '',
  ].join('\n');
}

describe('the typed either-or perjury sentence is not an ownership claim on its own', () => {
  it('takes a bare "Yes" with a redacted contact and no other cue for the owner only as a guess', () => {
    const c = parse(typedForm('Yes', 'Website is: https://www.lantern-tea.example', 'Phone number : [private]\nAddress : [private]'));
    expect(c.isAgent).not.toBe(true);
    expect(c.agentConfidence).toBeLessThan(0.6);
  });

  it('reads the sender as staff when the contact address is headed by a company', () => {
    const c = parse(typedForm('Yes.', 'The copyrighted work is the Lantern Android app.', 'Lantern Labs USA\n210 W 31st Street\nNew York, NY 10001'));
    expect(c.isAgent).toBe(false);
  });

  it('reads the sender as the owner when the text says "our code"', () => {
    const c = parse(typedForm('Yes', 'This is our code, copied from our private repository.', '[private]'));
    expect(c.isAgent).toBe(false);
  });

  it('takes an answer that is only the owner role ("Copyright owner") as the owner', () => {
    const c = parse(typedForm('Copyright owner', '[private] (private repo)', '[private]'));
    expect(c.isAgent).toBe(false);
  });

  it('still reads a plain ownership answer as the owner', () => {
    const c = parse(typedForm('Yes, I am the original author of this content.', 'A private plugin for a game proxy.', '[private]'));
    expect(c.isAgent).toBe(false);
  });
});

describe('addressOrganisation', () => {
  it('takes the name heading a street address', () => {
    expect(addressOrganisation('Lantern Labs USA, 210 W 31st Street, New York, NY 10001')).toBe('Lantern Labs USA');
  });
  it('ignores redacted or bare addresses', () => {
    expect(addressOrganisation('[private], 210 W 31st Street, New York, NY 10001')).toBeNull();
    expect(addressOrganisation('[private]')).toBeNull();
    expect(addressOrganisation('12 Mill Lane, Leeds')).toBeNull();
  });
});

describe('a named firm authorized to act for the owner', () => {
  const letter = (opening: string) => `${opening}\n\nThe files below are copies of our client's confidential documents:\n\nhttps://github.com/example-copier/lantern-docs/blob/main/config.xml\n\nI have a good faith belief that use of the copyrighted materials described above on the infringing web pages is not authorized by the copyright owner, or its agent, or the law.\n\nI swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner, of an exclusive right that is allegedly infringed.\n\n[private]\n`;

  it('reads "Harbor Watch is authorized to act on behalf of Lantern" as an agent', () => {
    expect(parse(letter('Dear Sir or Madam:\n\nHarbor Watch is authorized to act on behalf of Lantern Labs in requesting removal of its copyrighted works.')).isAgent).toBe(true);
  });

  it('reads "We, Harbor Watch LLC, are duly authorized" as an agent', () => {
    expect(parse(letter('To the DMCA agent,\n\nWe, Harbor Watch LLC, are duly authorized to act on behalf of Lantern Labs, Inc., the exclusive owner of the code.')).isAgent).toBe(true);
  });
});
