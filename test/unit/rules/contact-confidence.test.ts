import { describe, expect, it } from 'vitest';
import { mergeComplaint } from '../../../src/domain/cases/merge-complaint.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, makeNotice } from '../parse/builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);

const now = new Date('2026-12-01');
const check = (text: string) => checkComplaint(parseNotice({ text }), { platforms: [], now });

// The opening names the sender in a sentence with blanked-out parts; the letter gives no contact details.
const opening = 'My name is [private], and I am [private] of Nordlys AS. On behalf of Nordlys AS I am submitting this notice to remove repositories that copy our software.';

describe('contact details read with too little confidence go to a reviewer', () => {
  it('does not take a sentence of the letter for the sender\'s address', () => {
    const c = parseNotice({ text: makeNotice({ opening, contact: null }) });
    expect(c.contactConfidence).toBeLessThan(0.5);
    expect(check(makeNotice({ opening, contact: null })).elements!.contact_info.present).toBe(false);
  });

  it('asks a reviewer, not the sender, about a contact element read from such a sentence', () => {
    const f = check(makeNotice({ opening, contact: null })).findings.find((x) => x.element === 'contact_info');
    expect(f?.severity).toBe('warning');
    expect(f?.question).toMatch(/contact details/i);
  });

  it('reads details given plainly with full confidence', () => {
    const c = parseNotice({ text: makeNotice({ opening }) });
    expect(c.contactConfidence).toBeGreaterThanOrEqual(0.9);
    expect(check(makeNotice({ opening })).elements!.contact_info.present).toBe(true);
  });

  it('an address with a street in it stays an address, whatever sentence runs into it', () => {
    const contact = 'If you have any questions I am happy to help, please write to our office at 14 Harbour Street, Leith EH6 6QN';
    expect(check(makeNotice({ contact })).elements!.contact_info.present).toBe(true);
  });

  it('a sender\'s answer that gives the details settles the unsure reading of the case', () => {
    const base = parseNotice({ text: makeNotice({ opening, contact: null }) });
    const answer = parseNotice({ text: 'Email: ana@nordlys.example\nPhone: +47 22 55 01 23' });
    const merged = mergeComplaint(base, answer);
    expect(merged.contactConfidence).toBeGreaterThanOrEqual(0.9);
    expect(checkComplaint(merged, { platforms: [], now }).elements!.contact_info.present).toBe(true);
  });
});

describe('the platform\'s own address is where a notice is sent, not who sends it', () => {
  const onGithub = (text: string) => checkComplaint(parseNotice({ text }, { platforms }), { platforms, now });

  it('does not take the platform\'s mailbox for the sender\'s e-mail', () => {
    const text = makeNotice({ opening: 'VIA EMAIL (COPYRIGHT@GITHUB.COM)\n\nDear Sir or Madam,', contact: null });
    expect(parseNotice({ text }, { platforms }).contactConfidence).toBeLessThan(0.5);
    const f = onGithub(text).findings.find((x) => x.element === 'contact_info');
    expect(f?.severity).toBe('warning');
  });

  it('reads the sender\'s letterhead above it instead', () => {
    const letterhead = 'Lindqvist & Berg LLP<br>\n[private]<br>\nSan Francisco, CA  94105-1126<br>\n<http://www.lindqvistberg.example>';
    const text = makeNotice({ opening: `${letterhead}\n\nVIA EMAIL (COPYRIGHT@GITHUB.COM)\n\nDear Sir or Madam,`, contact: null });
    expect(onGithub(text).elements!.contact_info.present).toBe(true);
  });

  it('reads an address block with a postcode as the sender\'s, but not the platform\'s own', () => {
    const block = (org: string) => makeNotice({ opening: `${org}\nFloor 3\nLondon\nEC2V 6DN\n\nDear Sir or Madam,`, contact: null });
    expect(onGithub(block('Nordlys Ltd')).elements!.contact_info.present).toBe(true);
    expect(onGithub(block('GitHub UK Ltd')).elements!.contact_info.present).toBe(false);
  });
});
