import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { URL_ROLE_CONFIDENT } from '../../../src/parse/url-reasons.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { NOTICE_PARTS, PLATFORMS_DIR, makeNotice } from './builders.js';

const NOTICE_GOOD_FAITH = NOTICE_PARTS.goodFaith!;

const platforms = await loadPlatforms(PLATFORMS_DIR);
const elementsOf = (text: string) =>
  checkComplaint(parseNotice({ text }, { platforms }), { platforms, now: new Date('2026-06-01') }).elements!;

describe('work described in letter wording', () => {
  it.each([
    'Borealis Maps Ltd is the owner of the intellectual property rights to the "Borealis Atlas" software.',
    'We act for Quillon Inc, the exclusive owner of copyright-protected source code used to run the Quillon reader.',
    'Some users posted proprietary Tessaro owned copyrighted materials (software code) to your site.',
    'The repository copies modules from Tessaro’s proprietary codebase.',
    'Original software code titled "fern-field-notes", an internal web application.',
    'All code in the repository below belongs to Marlow Foods under our intellectual property agreement.',
  ])('finds the work in: %s', (work) => {
    expect(elementsOf(makeNotice({ opening: 'Dear Sir or Madam,', work })).work_identified.present).toBe(true);
  });
});

describe('good-faith wording variants', () => {
  it.each([
    'I have good faith to belief that the use of the material identified above has not been authorized by the owner, its agents or the law.',
    'I declare that to the best of my knowledge that use of the books listed above is not authorized by the copyright owner, its agent, or the law.',
  ])('finds the statement in: %s', (goodFaith) => {
    expect(elementsOf(makeNotice({ goodFaith })).good_faith_statement.present).toBe(true);
  });

  it('does not take knowledge of the facts alone for good faith', () => {
    const goodFaith = 'To the best of my knowledge the repository was created in March.';
    expect(elementsOf(makeNotice({ goodFaith })).good_faith_statement.present).toBe(false);
  });
});

describe('blanked-out sign-off blocks', () => {
  it('reads a block of redacted lines after the statements as signature and contact', () => {
    const e = elementsOf(makeNotice({ contact: null, signature: '[private]\n\n[private]\n\n[private]\n\nOrchid Labs\n\norchidlabs.example' }));
    expect(e.signature.present).toBe(true);
    expect(e.contact_info.present).toBe(true);
  });

  it('keeps a single redacted name under a closing word from counting as contact', () => {
    const e = elementsOf(makeNotice({ contact: null, signature: 'Kind regards,\n\n[private]' }));
    expect(e.signature.present).toBe(true);
    expect(e.contact_info.present).toBe(false);
  });

  it('takes a letter ending on a redacted line after its contact lines for signed', () => {
    const text = makeNotice({ contact: 'Reach us at:\n\nTel: [private]\n\naddress: [private]', signature: '[private]' });
    expect(elementsOf(text).signature.present).toBe(true);
  });

  it('takes a typed full legal name among the contact details for the signature', () => {
    const text = makeNotice({ contact: 'Full Legal Name: [private]\nAddress: [private]\nPhone Number: [private]', signature: null })
      .replace(/I swear[^\n]*/, '') + '\n\nI swear, under penalty of perjury, that I am authorized to act for the owner and this information is accurate.';
    expect(elementsOf(text).signature.present).toBe(true);
  });
});

describe('targets listed in an appendix', () => {
  it('reads numbered URLs under an appendix heading after the sign-off as targets, proof links as evidence', () => {
    const text = [
      'We act for Larkspur Media, the owner of the series listed in Appendix A. The repositories in Appendix B infringe.',
      NOTICE_GOOD_FAITH,
      'The information in this notice is accurate. Under penalty of perjury, we are authorized to act on behalf of Larkspur Media.',
      'DIGITAL SIGNATURE FOR COPYRIGHT CLAIM:\nOrchid Enforcement Ltd\nEmail: [private]',
      'Appendix A. Titles\n\n● Moon Harbour\n\nDocumentary proof that Larkspur Media owns the titles can be seen on the below link(s):\n\n● https://larkspur.example/series/moon-harbour',
      'Appendix B. Representative List of Infringing URL(s)\n\nSection I – Entire Repositories:\n1. [private]\n2. https://github.com/copycat/moon-harbour-rips/\n3. https://github.com/copycat2/harbour-player',
    ].join('\n\n');
    const parsed = parseNotice({ text }, { platforms });
    expect(parsed.listings.map((l) => l.url)).toEqual(['https://github.com/copycat/moon-harbour-rips/', 'https://github.com/copycat2/harbour-player']);
  });
});

describe('evidence links beside the targets', () => {
  const urlsOf = (text: string) => parseNotice({ text }, { platforms }).listings.map((l) => l.url);

  const unsureOf = (text: string) => (parseNotice({ text }, { platforms }).urlRoles ?? []).filter((r) => r.confidence < URL_ROLE_CONFIDENT).map((r) => r.url);

  it('lists a file quoted inside a listed repository beside it, for a reviewer to confirm', () => {
    const text = [
      '**Please provide a detailed description of the original copyrighted work that has allegedly been infringed.**',
      'Copyright infringed: https://github.com/copycat/harbour-sync',
      'For example, my initials are in their code, https://github.com/copycat/harbour-sync/blob/main/src/keys.ts#L12',
      '**What files should be taken down?**',
      '[private]',
      NOTICE_GOOD_FAITH,
    ].join('\n\n');
    expect(urlsOf(text)).toEqual(['https://github.com/copycat/harbour-sync', 'https://github.com/copycat/harbour-sync/blob/main/src/keys.ts#L12']);
    expect(unsureOf(text)).toEqual(['https://github.com/copycat/harbour-sync/blob/main/src/keys.ts#L12']);
  });

  it('lists a file named in a sentence inside a repository of the takedown list, for a reviewer to confirm', () => {
    const text = [
      'Their republished script at https://github.com/copycat/harbour-sync/blob/main/sync.ps1 includes my private database keys.',
      'Identify the full repository URL that is infringing:\n\nhttps://github.com/copycat/harbour-sync',
      NOTICE_GOOD_FAITH,
    ].join('\n\n');
    expect(urlsOf(text)).toEqual(['https://github.com/copycat/harbour-sync/blob/main/sync.ps1', 'https://github.com/copycat/harbour-sync']);
    expect(unsureOf(text)).toEqual(['https://github.com/copycat/harbour-sync/blob/main/sync.ps1']);
  });

  it('reads a licence file cited for its terms as evidence', () => {
    const work = 'They break the licence by removing the copyright notice (see section 1 of https://github.com/ana/harbour/blob/main/LICENSE).';
    expect(urlsOf(makeNotice({ work }))).not.toContain('https://github.com/ana/harbour/blob/main/LICENSE');
  });

  it('reads a site followed by "owned by" the sender as the original', () => {
    const work = 'We found illegal extraction of the databases https://atlas.example/ owned by Borealis Maps LLC by a GitHub user.';
    expect(urlsOf(makeNotice({ work }))).not.toContain('https://atlas.example/');
  });
});

describe('more sign-off, contact and work shapes', () => {
  it('takes "[private], on behalf of" over a company line at the end for the signature', () => {
    const listing = Array.from({ length: 12 }, (_, i) => `${i + 1}) https://github.com/copy${i}/lens-tools`).join('\n\n');
    const text = makeNotice({ signature: null, contact: null }) + `\n\nMore copies:\n\n${listing}\n\nSolution: remove the repository.\n\nIf you have questions, please contact:\n[private]\n14 Harbour Road, Kowloon\n\n[private], on behalf of\nOrchid Optics Company Limited`;
    expect(elementsOf(text).signature.present).toBe(true);
  });

  it('reads "My name is [private] | [private] | [private]" as a blanked-out contact row', () => {
    const contact = '4. Description about the person to act:\nMy name is [private] | [private], [private] | [private] | [private]';
    expect(elementsOf(makeNotice({ contact })).contact_info.present).toBe(true);
  });

  it('finds the work in a title introduced as "the following title" or given by ISBN', () => {
    const opening = 'I am the duly authorized representative of the exclusive rights holder for the following title:';
    const work = 'Tidal Patterns: A Field Guide by R. Moss, Paperback ISBN: 9781234567897';
    expect(elementsOf(makeNotice({ opening, work })).work_identified.present).toBe(true);
    expect(elementsOf(makeNotice({ opening: 'Hello,', work: 'Paperback ISBN: 9781234567897' })).work_identified.present).toBe(true);
  });
});

describe('rights owner from third-person company wording and product blocks', () => {
  const ownerOf = (text: string) => parseNotice({ text }, { platforms }).rightsOwner;

  it('takes the labelled company that speaks of "their copyrighted works" for the owner', () => {
    const text = [
      '1) Contact information:\nCompany Name: Heronsoft\nName: [private]\nMailing address: Heronsoft, [private]\nEmail: [private]',
      '2) Heronsoft believes that the content below is infringing upon their copyrighted work(s):\nhttps://github.com/copycat/heron-suite',
      '3) Heronsoft has a good faith belief that the described material is not authorized by the copyright owner, its agent, or the law.',
      '4) Heronsoft swears, under penalty of perjury, that the information in this notification is accurate.',
      'I swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner.',
      'Sincerely,\n[private]',
    ].join('\n\n');
    expect(ownerOf(text)).toBe('Heronsoft');
  });

  it('takes the company of a "Product:" block for the owner in an enforcement report', () => {
    const text = [
      'I am the Legal Representative of Scanwell authorized to act on behalf of the below mentioned Rights Holder.',
      '-----\nProduct: Tidal Patterns\nCompany: Gullwing Press\n-----\nhttps://copycat.github.io/books/tidal-patterns.pdf',
      NOTICE_GOOD_FAITH,
      'Regards,\n[private]\nScanwell Operations B.V.',
    ].join('\n\n');
    expect(ownerOf(text)).toBe('Gullwing Press');
  });
});

describe('owner from the work named after the contact company', () => {
  it('takes the company heading the contact address for the owner when the work carries its name', () => {
    const text = [
      "**Are you the copyright owner or authorized to act on the copyright owner's behalf?**\nYes.",
      '**Please provide a detailed description of the original copyrighted work that has allegedly been infringed.**\nThe copyrighted work is the Heronsoft Android app.',
      "**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository's URL:**\nhttps://github.com/copycat/heron-beta",
      `**Type (or copy and paste) the following statement:**\n${NOTICE_GOOD_FAITH}`,
      '**Type (or copy and paste) the following statement:**\nI swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner, of an exclusive right that is allegedly infringed.',
      '**So that we can get back to you, please provide either your telephone number or physical address:**\nHeronsoft USA\n45 W 18th Street\nNew York, NY 10011',
      '**Please type your full legal name below to sign this request:**\n[private]',
    ].join('\n\n');
    expect(parseNotice({ text }, { platforms }).rightsOwner).toBe('Heronsoft USA');
  });
});

describe('agent wording', () => {
  it('does not read the sender\'s own customers as a client', () => {
    const opening = 'YES! I am owner of this code. Our customers can download our app from lensmark.example for all platforms.';
    const parsed = parseNotice({ text: makeNotice({ opening }) }, { platforms });
    expect(parsed.isAgent).toBe(false);
  });

  it('still reads "our client" as writing for someone else', () => {
    const opening = 'We write on behalf of our client Lensmark Ltd, whose customers download its app.';
    expect(parseNotice({ text: makeNotice({ opening }) }, { platforms }).isAgent).toBe(true);
  });
});

describe('owner named in a possessive before the work', () => {
  it('reads "X Corporation’s confidential & proprietary software code" as X owning the work, across a line break', () => {
    const opening = 'Re: DMCA Takedown Notice for Kestrel Systems Corporation’s Confidential &\nProprietary Software Code\n\nTo Whom It May Concern:';
    const parsed = parseNotice({ text: makeNotice({ opening, signature: 'Sincerely,\n\n[private]' }) }, { platforms });
    expect(parsed.rightsOwner).toBe('Kestrel Systems Corporation');
  });
});

describe('more wording of the work, the statements and their layout', () => {
  it.each([
    'Product name: Skylark Charts for Android',
    'Tessaro Labs is the developer and licensor of networking protocol libraries used in routers.',
    'The repository contains our copyrighted source code files.',
    'The users below have forked a codebase that includes our commercial extension.',
    'The repositories hold previous versions of our websites.',
  ])('finds the work in: %s', (work) => {
    expect(elementsOf(makeNotice({ opening: 'Dear Sir or Madam,', work })).work_identified.present).toBe(true);
  });

  it('does not take the statutory "copyrighted materials described above" for the work', () => {
    expect(elementsOf(makeNotice({ opening: 'Dear Sir or Madam,', work: null })).work_identified.present).toBe(false);
  });

  it.each([
    ['good faith and reasonable belief', { goodFaith: 'I am providing this notice in good faith and with the reasonable belief that rights my company owns are being infringed.' }, 'good_faith_statement'],
    ['"none of the materials ... has been authorized"', { goodFaith: 'I have a good faith belief that none of the materials or activities listed above has been authorized by Tessaro, its agents or the law.' }, 'good_faith_statement'],
    ['a good-faith basis', { goodFaith: 'I have a good faith basis that the content at the listed URL infringes our rights and is not authorized by us, our agents, or the law.' }, 'good_faith_statement'],
    ['a statement hard-wrapped mid-phrase', { accuracyPerjury: 'The information in this notification is accurate and I swear under penalty of\nperjury that I am authorized to act on behalf of the owner.' }, 'accuracy_perjury_statement'],
    ['"this notice is true and correct"', { accuracyPerjury: 'I declare, under penalty of perjury, this notice is true and correct and that I am the copyright owner.' }, 'accuracy_perjury_statement'],
    ['"both true and accurate"', { accuracyPerjury: 'Under penalty of perjury I certify that the information contained in this notification is both true and accurate, and that I have the authority to act on behalf of the owner.' }, 'accuracy_perjury_statement'],
    ['a company\'s legal form inside the sentence', { accuracyPerjury: 'I swear, under penalty of perjury, that the information in this notification is accurate and that Vela Media S.A. has an exclusive right to the series.' }, 'accuracy_perjury_statement'],
    ['a translated sworn statement', { accuracyPerjury: 'We hereby swear the information in this notice is accurate, and we accept the penalty of perjury.' }, 'accuracy_perjury_statement'],
  ] as const)('reads %s', (_name, over, element) => {
    expect(elementsOf(makeNotice(over))[element].present).toBe(true);
  });
});
