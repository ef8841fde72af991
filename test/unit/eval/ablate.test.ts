import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REMOVALS, removeElement } from '../../../src/eval/ablate.js';
import { PLACES_FILE, placesOf, readPlaces } from '../../../src/eval/places.js';

const removal = (element: string) => REMOVALS.find((r) => r.element === element && !r.counter)!;

const LETTER = [
  'Dear GitHub,',
  'We are the copyright owner of the font LL Circular, sold at our shop.',
  'The original copyrighted work is described at our site.',
  'Contact: [private]\n[private]',
  'Sincerely,',
  '[private]',
].join('\n\n');

describe('element removal', () => {
  it('deletes the paragraphs its pattern matches and leaves the rest', () => {
    const cut = removeElement(LETTER, removal('work_identified'));
    expect(cut).not.toContain('The original copyrighted work');
    expect(cut).toContain('font LL Circular');
  });

  it('also deletes every line holding a labelled place of the element, and only that line', () => {
    const cut = removeElement(`${LETTER}\n\nWe sell the font LL Circular\nand other fonts.`, removal('work_identified'), ['owner of the font LL Circular', 'We sell the font LL Circular']);
    expect(cut).not.toContain('LL Circular');
    expect(cut).toContain('and other fonts.');
    expect(cut).not.toContain('The original copyrighted work');
    expect(cut).toContain('Dear GitHub,');
    expect(cut).toContain('Contact: [private]');
  });

  it('matches a quote of redaction marks alone only as a whole line', () => {
    const letter = 'Dear GitHub,\n\nName: [private]\n\nYours,\n[private]';
    const cut = removeElement(letter, removal('good_faith_statement'), ['[private]']);
    expect(cut).toBe('Dear GitHub,\n\nName: [private]\n\nYours,');
  });

  it('leaves a redaction-only quote to the pattern where such lines stand more often than it is listed', () => {
    const letter = 'Dear GitHub,\n\nI may be contacted at:\n[private]\n\nYours\n[private]';
    expect(removeElement(letter, removal('good_faith_statement'), ['[private]'])).toBe(letter);
    expect(removeElement(letter, removal('good_faith_statement'), ['[private]', '[private]'])).toBe('Dear GitHub,\n\nI may be contacted at:\n\nYours');
  });

  it('leaves a quote that also stands elsewhere than the places listed', () => {
    const letter = 'Acme Corp owns the Widget app.\n\nYours,\nJo Smith\nAcme Corp';
    expect(removeElement(letter, removal('good_faith_statement'), ['Acme Corp'])).toBe(letter);
    expect(removeElement(letter, removal('good_faith_statement'), ['Acme Corp owns the Widget app.'])).toBe('Yours,\nJo Smith\nAcme Corp');
  });
});

describe('labelled places', () => {
  it('reads them by file and element, and names the line of a malformed entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'places-'));
    writeFileSync(join(dir, PLACES_FILE), `${JSON.stringify({ file: 'a.md', signature: ['/s/ Jo'] })}\n`);
    const places = await readPlaces(dir);
    expect(placesOf(places.get('a.md'), 'signature')).toEqual(['/s/ Jo']);
    expect(placesOf(places.get('a.md'), 'work_identified')).toBeNull();
    expect(placesOf(places.get('b.md'), 'signature')).toBeNull();
    writeFileSync(join(dir, PLACES_FILE), `${JSON.stringify({ file: 'a.md', signature: 'not a list' })}\n`);
    await expect(readPlaces(dir)).rejects.toThrow(/element-places\.jsonl:1: signature/);
  });

  it('is empty for a folder without places', async () => {
    expect((await readPlaces(mkdtempSync(join(tmpdir(), 'places-')))).size).toBe(0);
  });
});
