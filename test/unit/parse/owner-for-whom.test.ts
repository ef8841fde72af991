import { describe, expect, it } from 'vitest';
import { ownerSentenceCandidates } from '../../../src/parse/owner-sentences.js';
import { signOffCandidates } from '../../../src/parse/owner-sign-off.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

const sentences = (text: string) => ownerSentenceCandidates({ source: 'body', text }, false);

describe('owner named as the party the sender acts for', () => {
  it('reads "on Acme\'s behalf" as strongly as "on behalf of Acme"', () => {
    const text = 'As an agent of Lantern Watch International we are authorised to act on Northwind Games\'s behalf in this matter.';
    const best = [...sentences(text)].sort((a, b) => b.weight - a.weight)[0];
    expect(best?.name).toBe('Northwind Games');
    expect(best?.generator).toBe('owner.for_whom');
  });

  it('reads "an authorized representative of Acme"', () => {
    const c = parseNotice({ text: makeNotice({ opening: 'Hello,\n\nI am [private], an Authorized Representative of Northwind Games' }) });
    expect(c.rightsOwner).toBe('Northwind Games');
  });

  it('does not read the firm a legal representative works at as the party it writes for', () => {
    const found = sentences('I am the Legal Representative of Lantern Watch B.V. authorized to act on behalf of the below mentioned Rights Holder.');
    expect(found.some((c) => c.generator === 'owner.for_whom' && c.name === 'Lantern Watch B.V.')).toBe(false);
  });
});

describe('owner from the line under the signer', () => {
  it('takes an organisation line right under the redacted signer when the letter names it above', () => {
    const text = 'Northwind develops and sells the extension copied below.\n\nPlease remove https://github.com/someone/ext.\n\nThank you for your help with this.\n\n[Private]\n\nNorthwind\n\n[Private]\n';
    const c = signOffCandidates({ source: 'body', text }).find((x) => x.name === 'Northwind');
    expect(c?.features).toEqual(expect.arrayContaining(['mentioned', 'signer']));
  });

  it('does not take a word that shares its line with a redaction', () => {
    const text = 'The modification Index was copied in the repository below.\n\nSincerely,\n[private]\n[private], Index\n';
    expect(signOffCandidates({ source: 'body', text }).map((c) => c.name)).not.toContain('Index');
  });
});
