import { describe, expect, it } from 'vitest';
import { decideAgency } from '../../../src/parse/agency.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

const parse = (text: string) => parseNotice({ text });
const decide = (text: string, kind = 'notice') => decideAgency({ source: 'body', text }, { kind });

describe('owner or agent, scored from cues', () => {
  it('takes an explicit agent statement over the statutory either-or sentence', () => {
    const c = parse(makeNotice({ opening: 'Dear GitHub,\n\nActing as an agent on behalf of the rights owner, Northwind Games Ltd, we report the repository below.' }));
    expect(c.isAgent).toBe(true);
    expect(c.agentEvidence?.text).toMatch(/Acting as an agent/);
  });

  it('reads a firm writing for a named owner as an agent', () => {
    const c = parse(makeNotice({ opening: 'Dear Sir or Madam,\n\nWe are writing on behalf of Harbourline Media Ltd., the exclusive owner of the series described below.' }));
    expect(c.isAgent).toBe(true);
  });

  it('takes no agent cue from a negated sentence', () => {
    const d = decide('We are not a law firm and we do not act for any client. The code is our own code, written by our team.');
    expect(d.isAgent).toBe(false);
    const negated = d.cues.find((c) => c.id === 'agent.phrase');
    expect(negated?.negated).toBe(true);
  });

  it('takes no agent cue from the statutory wording typed by owners and agents alike', () => {
    const text = 'I have a good faith belief that none of the files listed above has been authorized by Northwind Games, its agents, or the law.\n\nI am a person injured, or an agent authorized to act on behalf of a person injured by a violation of the U.S. Copyright law.\n\nThe game is our own product.';
    const d = decide(text);
    expect(d.isAgent).toBe(false);
    expect(d.cues.filter((c) => c.side === 'agent').every((c) => c.boilerplate || c.weight < 1)).toBe(true);
  });

  it('reads the legal representative, director or employee of the owner as its staff, not an agent', () => {
    for (const role of ['legal representative', 'managing director', 'employee']) {
      const d = decideAgency({ source: 'body', text: `I am the ${role} of Northwind Games Ltd, which owns the code copied below.` }, { kind: 'notice', owner: 'Northwind Games Ltd' });
      expect(d.isAgent, role).toBe(false);
    }
  });

  it('reads an agent of a client as an agent even when a staff word appears', () => {
    const d = decide('Our firm acts as counsel for our client Northwind Games Ltd. Our managing director is copied on this letter.');
    expect(d.isAgent).toBe(true);
  });

  it('carries a confidence that grows with the lead of one side', () => {
    const weak = decide('I am writing on behalf of the company about the repository below.');
    const strong = decide('We represent Northwind Games Ltd. Our law firm is authorized agent for our client.');
    expect(weak.confidence).toBeLessThan(0.6);
    expect(strong.isAgent).toBe(true);
    expect(strong.confidence).toBeGreaterThan(0.8);
  });

  it('leaves a non-notice without cues unknown', () => {
    expect(decide('Thanks, the repository is fixed now.', 'other').isAgent).toBeNull();
  });
});

describe('owner or agent in letters wrapped by a mail program', () => {
  const wrappedLetter = (body: string): string => [
    body,
    'I have a good faith belief that use of the copyrighted materials\ndescribed above on the infringing web pages is not authorized by the\ncopyright owner, or its agent, or the law.',
    'I swear, under penalty of perjury, that the information in this\nnotification is accurate and that I am the copyright owner, or am\nauthorized to act on behalf of the owner, of an exclusive right that is\nallegedly infringed.',
    'Signed,\n\n[private]',
  ].join('\n\n');

  it('reads the statutory either-or sentence as boilerplate when a line break falls inside it', () => {
    const d = decide(wrappedLetter('Files in this repository are commercial font software\ncopyrighted by Harbour Type Foundry.'));
    expect(d.cues.some((c) => c.id === 'owner.self')).toBe(false);
  });

  it('reads an agent cue that a line break splits', () => {
    const d = decide(wrappedLetter('Files in this repository are commercial font software copyrighted by Harbour Type Foundry on\nwhose behalf Glyphwatch is acting.'));
    expect(d.isAgent).toBe(true);
  });

  it('takes a negation on the line above a cue', () => {
    const d = decide('We are not acting as\nan authorized agent for anyone: the library is our own code.');
    expect(d.cues.find((c) => c.id === 'agent.phrase')?.negated).toBe(true);
    expect(d.isAgent).toBe(false);
  });
});

describe('owner cues beside the statutory wording', () => {
  it('reads a sender speaking of its own copyright as the owner', () => {
    const d = decide('The repository below copies our source code and infringes our copyright. Please remove it.');
    expect(d.isAgent).toBe(false);
    expect(d.cues.some((c) => c.id === 'owner.holds_right')).toBe(true);
  });

  it('gives "authorized to act on behalf of" little weight inside the perjury sentence', () => {
    const d = decide('These files are our own code.\n\nI declare, under penalty of perjury, that we are authorized to act on behalf of Northwind Games Ltd, the owner of the rights.');
    expect(d.isAgent).toBe(false);
  });

  it('reads a sender introducing itself by the owner name as the owner', () => {
    const d = decideAgency({ source: 'body', text: 'We, Northwind Games Ltd, found our game published below. We are authorized to act on behalf of Northwind Games Ltd.' }, { kind: 'notice', owner: 'Northwind Games Ltd' });
    expect(d.cues.some((c) => c.id === 'owner.self_named')).toBe(true);
    expect(d.isAgent).toBe(false);
  });

  it('reads the owner legal manager of a team inside the owner as staff', () => {
    const d = decideAgency({ source: 'body', text: 'I am the legal manager at the Strategy Team of Northwind Games Ltd. Please remove the repository below.' }, { kind: 'notice', owner: 'Northwind Games Ltd' });
    expect(d.cues.some((c) => c.id === 'owner.staff_role')).toBe(true);
    expect(d.isAgent).toBe(false);
  });
});
