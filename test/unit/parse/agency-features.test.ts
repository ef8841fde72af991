import { describe, expect, it } from 'vitest';
import { decideAgency } from '../../../src/parse/agency.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

const decide = (text: string, owner: string | null = null) => decideAgency({ source: 'body', text }, { kind: 'notice', owner });

describe('owner or agent: where a cue stands', () => {
  it('reads no agent cue in the salutation that addresses the platform', () => {
    const text = 'To General Counsel on behalf of Harbour Hosting Inc.,\n\nHello,\n\nThe game below is our own product, and our company website lists it.';
    const d = decide(text);
    expect(d.cues.find((c) => c.id === 'agent.org_on_behalf')?.quoted).toBe(true);
    expect(d.isAgent).toBe(false);
  });

  it('reads the letter under "Dear DMCA Agent," as the sender\'s own words', () => {
    const text = 'Attn: DMCA Agent\nHarbour Hosting Inc.\n\nDear DMCA Agent,\nThis firm represents Northwind Games Ltd. in connection with intellectual property matters.';
    const d = decide(text);
    const phrase = d.cues.find((c) => c.id === 'agent.phrase');
    expect(phrase?.quoted).toBe(false);
    expect(d.isAgent).toBe(true);
  });

  it('does not read a copy recipient ("cc: Acme, Inc.") as the signer\'s company', () => {
    const c = parseNotice({
      text: makeNotice({
        opening: 'Dear Sir or Madam,\n\nThis firm represents Northwind Games, Inc. in connection with intellectual property matters.',
        signature: 'Sincerely,\n\n[private]\ncc: Northwind Games, Inc.',
      }),
    });
    expect(c.isAgent).toBe(true);
  });
});

describe("owner or agent: the owner's own staff", () => {
  it('reads one title that also holds an agent phrase ("legal counsel for") as staff, counted once', () => {
    const d = decide('I am legal counsel for Northwind Games, Inc. and write about the code copied below.', 'Northwind Games, Inc.');
    expect(d.cues.some((c) => c.id === 'agent.phrase')).toBe(false);
    expect(d.isAgent).toBe(false);
  });

  it('reads a redacted title held at the named owner as staff', () => {
    const d = decide('I am a [private] at Northwind Games, authorized to send these requests on behalf of Northwind Games.', 'Northwind Games');
    expect(d.cues.some((c) => c.id === 'owner.staff_redacted')).toBe(true);
    expect(d.isAgent).toBe(false);
  });

  it('takes no staff cue from a redacted title held at another company', () => {
    const d = decide('My name is [private], I am the [private] with Lantern Protection Services, Inc. acting for Northwind Games.', 'Northwind Games');
    expect(d.cues.some((c) => c.id === 'owner.staff_redacted')).toBe(false);
  });

  it('reads the sender speaking of its own terms, site or modules as the owner', () => {
    for (const s of ['The files break our terms and conditions.', 'The pages copy our website.', 'These are our modules from the app store.']) {
      expect(decide(s).cues.some((c) => c.id === 'owner.self' && c.side === 'owner'), s).toBe(true);
    }
  });
});

describe('owner or agent: a legal representative', () => {
  it('reads "the legal representative authorized to act on behalf of" the owner as its staff', () => {
    const c = parseNotice({ text: makeNotice({ opening: 'To whom it may concern,\n\nI am the legal representative authorized to act on behalf of Northwind Games Corporation, the owner of certain intellectual property rights.' }) });
    expect(c.isAgent).toBe(false);
  });

  it('reads the legal representative of another firm than the owner as an agent', () => {
    const d = decide('I am the Legal Representative of Lantern Watch B.V. authorized to act on behalf of the rights holder named below.', 'Northwind Press');
    expect(d.cues.some((c) => c.id === 'agent.staff_elsewhere')).toBe(true);
    expect(d.isAgent).toBe(true);
  });

  it('does not read a team inside the owner as another firm', () => {
    const d = decide('I am the legal manager at the Strategy and Planning Team of\nNorthwind Games Inc., the owner of the game.', 'Northwind Games Inc.');
    expect(d.cues.some((c) => c.id === 'agent.staff_elsewhere')).toBe(false);
  });
});
