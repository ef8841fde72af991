import { describe, expect, it } from 'vitest';
import { signOffCandidates } from '../../../src/parse/owner-sign-off.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

const parse = (text: string) => parseNotice({ text });
const candidates = (text: string) => signOffCandidates({ source: 'body', text });

describe('owner candidates from the sign-off block', () => {
  it('takes the organisation line under a title when the letter links to its site', () => {
    const c = parse(makeNotice({
      opening: 'Dear GitHub,\n\nThe repository below mirrors our monitoring platform, published at https://www.harbourline.org/svn/trunk.',
      signature: '[private]\n\nLead Developer\n\nHarbourline\n\n[private]',
    }));
    expect(c.rightsOwner).toBe('Harbourline');
  });

  it('takes a company line with a legal form closing the letter', () => {
    const c = parse(makeNotice({ opening: 'Dear GitHub,\n\nPlease remove the repository below.', work: 'The work is the Harbour Lights theme we sell.', signature: 'Sincerely yours,\n\n[private]\nHarbourline Media Inc.' }));
    expect(c.rightsOwner).toBe('Harbourline Media Inc.');
  });

  it('reads a team named in the sign-off of a retraction', () => {
    const text = 'Dear GitHub\n\nWe wish to withdraw our notice about the repository https://github.com/someone/lights. In retrospect the link between Harbourline and that project is not clear-cut.\n\nBest regards\nFor the Harbourline team\n[private]';
    expect(candidates(text).map((c) => c.name)).toEqual(['Harbourline']);
  });

  it('reads the contact block above the closing statements', () => {
    const text = 'I am writing about the repository https://github.com/someone/shop. Harbourline Software Co., Ltd. is the author of the shop software.\n\nPlease contact me at any of the following:\n\nHarbourline Software Co., Ltd.\n12 Harbour Road, Ningbo\nadmin@harbourline.example\n\nI swear, under penalty of perjury, that the information in this notification is accurate.\n\nTIME IS OF THE ESSENCE.';
    expect(candidates(text).map((c) => c.name)).toContain('Harbourline Software Co., Ltd.');
  });

  it('does not take the firm an agent signs with', () => {
    const c = parse(makeNotice({
      opening: 'Dear GitHub,\n\nWe are the authorized agent of Northwind Games Ltd. and write on behalf of our client.',
      signature: 'Regards,\n\n[private]\nTakedown Partners LLC',
    }));
    expect(c.isAgent).toBe(true);
    expect(c.rightsOwner).not.toBe('Takedown Partners LLC');
  });

  it('takes no name from the heading block addressed to the platform, nor from a labelled field', () => {
    const text = '[private]\nEmail: [private]\n\nDate: 14-10-2024\nGitHub Inc\n88 Colin P Kelly Jr Street\n\nDear GitHub, I wish to retract my previous notice about the repository below because it was changed.\n\nSincerely,\nName: [private]\nEmail: [private]';
    expect(candidates(text)).toEqual([]);
  });

  it('takes no bare word that the letter names only as its product', () => {
    const text = 'I am the author of the game modification "Lantern" and I would like to withdraw my notice about it.\n\nSincerely,\n[private]\n[private], Lantern';
    expect(candidates(text)).toEqual([]);
  });
});
