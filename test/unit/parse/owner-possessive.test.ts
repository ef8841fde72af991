import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { ownerGeneratorsFiring } from '../../../src/parse/owner-sentences.js';
import { makeNotice } from './builders.js';

const parse = (text: string) => parseNotice({ text });

describe('the rights owner named only by a possessive', () => {
  it("reads the holder from \"X's copyright-protected\" when no sentence names the owner", () => {
    const c = parse(makeNotice({ opening: 'The reported repositories hold copies of Harbourline’s copyright-protected photographs and let users download Harbourline’s copyrighted works without a licence.' }));
    expect(c.rightsOwner).toBe('Harbourline');
  });

  it('keeps a subsidiary named with a connector apart from the short name', () => {
    const c = parse(makeNotice({ opening: 'The repositories copy Harbourline’s copyrighted photographs. See Harbourline of Europe Ltd. v. Doe (2024).' }));
    expect(c.rightsOwner).toBe('Harbourline');
  });

  it('takes no product closed by a version and no role word for the owner', () => {
    expect(ownerGeneratorsFiring('The repository copies Lantern B4’s proprietary code.')).not.toContain('owner.possessive');
    expect(ownerGeneratorsFiring('The repository copies the Rightsholder’s copyrighted code.')).not.toContain('owner.possessive');
    expect(ownerGeneratorsFiring('The repository copies Lantern Games’s proprietary code.')).toContain('owner.possessive');
  });
});

describe('candidates that agree', () => {
  it('prefers a name three generators read over a stronger shape that reads another name once', async () => {
    const { decideOwner } = await import('../../../src/parse/owner.js');
    const text = 'I work for Harbourline Games LLC. The repository copies Harbourline’s copyrighted game. Its readme: "Tools created by Sam Doe."';
    const src = { source: 'body' as const, text };
    const ev = { source: 'body', start: 0, end: 10, text: text.slice(0, 10) };
    const d = decideOwner({
      src, kind: 'notice', isAgent: false, ownOrg: null, ownOrgEvidence: null, claimsOwnWork: false,
      sentences: [
        { name: 'Sam Doe', generator: 'owner.owned_by', weight: 7.5, at: 100, evidence: ev },
        { name: 'Harbourline Games LLC', generator: 'owner.staff_of', weight: 5.5, at: 11, evidence: ev },
        { name: 'Harbourline', generator: 'owner.possessive', weight: 3, at: 55, evidence: ev },
        { name: 'Harbourline Games LLC', generator: 'owner.for_whom', weight: 3, at: 11, evidence: ev },
      ],
    });
    expect(d.name).toBe('Harbourline Games LLC');
  });
});
