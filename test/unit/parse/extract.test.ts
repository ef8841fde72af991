import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, fixture, makeNotice } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const parse = (input: Parameters<typeof parseNotice>[0]) => parseNotice(input, { platforms });
const elementsOf = (text: string) => checkComplaint(parse({ text }), { platforms, now: new Date('2026-06-01') }).elements!;

describe('DMCA elements', () => {
  it('finds all six in a complete notice', () => {
    const e = elementsOf(makeNotice());
    expect(Object.values(e).every((x) => x.present)).toBe(true);
    expect(e.good_faith_statement.evidence).toMatch(/good faith belief/);
  });

  it.each([
    ['goodFaith', 'good_faith_statement'],
    ['accuracyPerjury', 'accuracy_perjury_statement'],
    ['contact', 'contact_info'],
    ['signature', 'signature'],
    ['work', 'work_identified'],
  ] as const)('reports %s missing when its part is left out', (part, element) => {
    const e = elementsOf(makeNotice({ [part]: null, ...(part === 'work' ? { opening: 'Dear Sir or Madam,' } : {}) }));
    expect(e[element].present).toBe(false);
  });

  it('reports the material missing without URLs, and present for an owner/repo name', () => {
    expect(elementsOf(makeNotice({ urls: [] })).infringing_material_located.present).toBe(false);
    const named = makeNotice({ urls: [], work: 'Everything in the copycat/harbour repository is my work.' });
    expect(elementsOf(named).infringing_material_located.present).toBe(true);
  });

  it('does not take a form prompt that quotes a statement for the statement', () => {
    const text = makeNotice({ goodFaith: '**Type (or copy and paste) the following statement: "I have a good faith belief that use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law."**\n\n' });
    expect(elementsOf(text).good_faith_statement.present).toBe(false);
  });

  it('counts signatures in their usual shapes, redacted ones too', () => {
    for (const signature of ['/s/ Ana Ruiz', 'Signature: Ana Ruiz', 'Regards,\n[private]', '**Please type your full legal name below to sign this request:**\n\n[private]']) {
      expect(elementsOf(makeNotice({ signature })).signature.present).toBe(true);
    }
  });
});

describe('counter-notice elements', () => {
  it('finds all five in the marketplace counter-notice and misses the removed one', () => {
    const { text } = fixture('counter-notice-marketplace.txt');
    const full = checkComplaint(parse({ text }), { platforms, now: new Date() }).counterElements!;
    expect(Object.values(full).every((x) => x.present)).toBe(true);
    const noConsent = text.replace(/I consent to the jurisdiction[^\n]*\n/, '');
    expect(checkComplaint(parse({ text: noConsent }), { platforms, now: new Date() }).counterElements!.consent_to_jurisdiction.present).toBe(false);
    const noMistake = text.replace(/I swear[^\n]*\n/, '');
    expect(checkComplaint(parse({ text: noMistake }), { platforms, now: new Date() }).counterElements!.good_faith_mistake_statement.present).toBe(false);
  });
});

describe('parties and rights', () => {
  it('reads a law-firm complaint: owner, agent, contact, IPR, documents', () => {
    const c = parse(fixture('law-firm-trademark-aliexpress.txt'));
    expect(c.rightsOwner).toBe('Acme Sports Inc.');
    expect(c.isAgent).toBe(true);
    expect(c.complainant.email).toBe('jmiller@bakerlowe.example');
    expect(c.complainant.phone).toBe('+1 212 555 0100');
    expect(c.signature).toBe('Jane Miller');
    expect(c.iprType).toBe('trademark');
    expect(c.iprs[0]).toMatchObject({ type: 'trademark', jurisdiction: 'US', classes: [25], expiresOn: '2031-03-12', pending: false });
    expect(c.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['authorization', 'ipr_certificate', 'business_licence', 'comparison_evidence']));
    expect(c.documents.find((d) => d.kind === 'authorization')?.expiresOn).toBe('2027-12-31');
    expect(c.reason).toBe('counterfeit');
  });

  it('reads the owner as staff when the sender owns the work', () => {
    expect(parse({ text: makeNotice() }).isAgent).toBe(false);
    const vague = parse({ text: 'We are writing about a takedown. The files listed below should be removed.' });
    expect(vague.isAgent).not.toBe(true);
    expect(vague.agentConfidence).toBeLessThan(0.6);
  });

  it('reads a Chinese patent complaint', () => {
    const c = parse(fixture('taobao-utility-model-zh.txt'));
    expect(c.language).toBe('zh');
    expect(c.platform).toBe('taobao');
    expect(c.iprType).toBe('patent');
    expect(c.iprs[0]).toMatchObject({ registrationNumber: 'ZL201920123456.7', jurisdiction: 'CN', patentKind: 'utility_model' });
    expect(c.complainant.phone).toBe('0571-88886666');
    expect(c.statements.accuracy.present).toBe(true);
  });

  it('marks a pending application and an expired right', () => {
    expect(parse(fixture('filing-receipt-tmall.txt')).iprs[0]).toMatchObject({ pending: true, jurisdiction: 'CN', classes: [11] });
    expect(parse(fixture('expired-trademark-lazada.txt')).iprs[0]).toMatchObject({ expiresOn: '2020-05-05', jurisdiction: 'MY' });
  });

  it('reads disclosure consent, default no', () => {
    expect(parse({ text: makeNotice() }).disclosureConsent).toBe(false);
    expect(parse({ text: makeNotice({ contact: 'I agree to disclose my name and email to the seller.\nEmail: a@b.example' }) }).disclosureConsent).toBe(true);
    expect(parse({ text: makeNotice({ contact: 'I do not agree to disclose my contact details.\nEmail: a@b.example' }) }).disclosureConsent).toBe(false);
  });

  it('gives evidence spans that point into the parsed text', () => {
    const text = makeNotice();
    const c = parse({ text });
    const span = c.statements.perjury.evidence!;
    expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(span.source).toBe('body');
  });
});

describe('signatures that close a letter without a closing word', () => {
  const statements = 'I have a good faith belief that this use is not authorized by the copyright owner, its agent, or the law. Under penalty of perjury, the information in this notice is accurate and I am the copyright owner.';
  it('takes a typed name on its own line after the statements, before the address block', () => {
    const text = `Hello,\n\nMy embroidery designs are copied at https://github.com/copycat/stitches.\n\n${statements}\n\nAttached: a copy of my ID card.\n\nMarta Kowalczyk\nul. Długa 5, 00-238 Warszawa, Poland\n+48 22 555 0101`;
    const c = parse({ text });
    expect(c.signature).toBe('Marta Kowalczyk');
  });

  it('takes a "Full name:" field and a redacted name after the statements', () => {
    expect(parse({ text: `${statements}\n\nPhysical Address: 4 Elm Road, Leeds\n\nFull name: Owen Price` }).signature).toBe('Owen Price');
    expect(parse({ text: `${statements}\n\n[private]\n12 Harbour Street, Leith` }).signature).toBe('[private]');
  });

  it('does not take a company address line or a contact field value for a name', () => {
    expect(parse({ text: `${statements}\n\nNorthwind Labs GmbH, Hafenstraße 3, 20457 Hamburg\nops@northwind.example` }).signature).toBeNull();
    expect(parse({ text: `${statements}\n\nMailing address:\n[private]` }).signature).toBeNull();
  });
});

describe('statements, contact and work in looser wording', () => {
  it('reads a hard-wrapped mistake statement under penalty of perjury', () => {
    const text = 'This is my counter notice.\n\nI swear, under penalty of perjury, that I have a good-faith belief that\nthe material was removed or disabled as a result of a mistake or\nmisidentification of the material to be removed or disabled.\n\nI consent to the jurisdiction of Federal District Court.';
    expect(parse({ text }).statements.mistake.present).toBe(true);
  });

  it('reads "notify you in good faith that the use ... is not authorized"', () => {
    const text = 'As the authorized representative of the copyright holders, I hereby notify you in good faith that the use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law.';
    expect(parse({ text }).statements.goodFaith.present).toBe(true);
  });

  it('takes a contact value written without a label colon', () => {
    expect(parse({ text: 'Please reach me. My contact information phone +44 20 7946 0018' }).complainant.phone).toBe('+44 20 7946 0018');
    expect(parse({ text: 'My mobile phone number is [private]' }).complainant.phone).toBe('[private]');
  });

  it('identifies the work from common letter phrasing', () => {
    for (const sentence of [
      'I am the designer and copyright owner of the "Sakura Lane" quilting patterns.',
      'My original product photographs of the walnut desk are used on these pages.',
      'Our studio develops and publishes the online video game, Lantern Keep.',
      'Meridian Press holds the exclusive publication rights to the aforementioned books.',
    ]) expect(parse({ text: sentence }).workDescription, sentence).not.toBeNull();
  });
});
