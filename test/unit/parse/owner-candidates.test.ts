import { describe, expect, it } from 'vitest';
import { ownerFromCandidates } from '../../../src/parse/owner-candidates.js';
import { cleanName } from '../../../src/parse/names.js';

const src = (text: string) => ({ source: 'body', text });

describe('owner from the organisations a letter names', () => {
  it('counts the mentions of a name written without its legal form, but not inside links', () => {
    const text = 'The originals can be found at the Tessaro Games GmbH website.\nTessaro Games sells tools; Tessaro Games keys were leaked, and the Tessaro Games licence server is copied.\nhttps://tessaro.example/a https://tessaro.example/b';
    expect(ownerFromCandidates(src(text), false)?.name).toBe('Tessaro Games GmbH');
    const links = 'The originals can be found at the Tessaro Games GmbH website.\nhttps://github.com/x/Tessaro-Games https://github.com/y/Tessaro-Games https://tessaro.example/Tessaro-Games';
    expect(ownerFromCandidates(src(links), false)).toBeNull();
  });

  it('takes the organisation named beside its copyright when no owner sentence says so', () => {
    const text = 'The files in that repository are copyrighted material of Borealis Mapping Ltd. and were never released.\nPlease remove them.\n\nRegards,\nJane Roe\nBorealis Mapping Ltd.\n';
    expect(ownerFromCandidates(src(text), false)?.name).toBe('Borealis Mapping Ltd.');
  });

  it('takes the client of an agent, not the agent firm that signs', () => {
    const text = 'We write on behalf of Tessaro Games GmbH regarding copyrighted game assets.\n\nKind regards,\nBrandwatch Enforcement LLC\nBrandwatch Enforcement LLC, 1 Main St';
    expect(ownerFromCandidates(src(text), true)?.name).toBe('Tessaro Games GmbH');
  });

  it('names nobody when two organisations are equally likely, or when initials look like a legal form', () => {
    expect(ownerFromCandidates(src('Acme Widgets Inc. and Borealis Maps Ltd. both sell maps.'), null)).toBeNull();
    expect(ownerFromCandidates(src('This is a violation of the U.S. copyright law and the U.S. rules.'), false)).toBeNull();
  });

  it('cleans the words of a sentence caught before a name', () => {
    expect(cleanName('am legal counsel for ISO Properties, Inc.')).toBe('ISO Properties, Inc.');
    expect(cleanName('of OpenVPN, Inc.')).toBe('OpenVPN, Inc.');
    expect(cleanName('We, Lineto GmbH')).toBe('Lineto GmbH');
    expect(cleanName('Ltd.')).toBeNull();
  });
});
