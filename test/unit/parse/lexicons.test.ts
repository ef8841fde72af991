import { describe, expect, it } from 'vitest';
import { compileCues, LEXICONS, phraseSource, readLexicon, type Lexicon } from '../../../src/parse/lexicons.js';

const cues = {
  retraction: [], retractionReason: [], retractionUndo: [], ownError: [], providerDecision: [], counter: [], counterOwn: [], noticeBelief: [],
  noticeWords: [], spam: [], bounceSender: [], bounceSubject: [], bounceText: [], autoSubject: [], autoSubjectAnywhere: [], autoText: [], replyPrefixes: [],
};
const lexicon = (over: Partial<Lexicon> = {}): Lexicon => ({ language: 'de', elementHints: {}, workNouns: [], genericWorkNouns: [], ownerWords: [], kindCues: cues, parties: { agentPhrases: [], negations: [], staffRoles: [], orgHeads: [], titleWords: [], closingWords: [] }, ...over });
const matches = (phrase: string, text: string): boolean => new RegExp(phraseSource(phrase), 'i').test(text);

describe('lexicon loader', () => {
  it('loads every shipped lexicon with its kind cues', () => {
    expect(LEXICONS.map((l) => l.language)).toEqual(['en', 'zh']);
    for (const l of LEXICONS) expect(l.kindCues.retraction.length).toBeGreaterThan(0);
  });

  it('rejects a malformed lexicon naming the file and the field', () => {
    expect(() => readLexicon('de.json', { ...lexicon(), kindCues: { ...cues, retraction: ['zurück (ziehen'] } })).toThrow(/de\.json.*kindCues\.retraction\.0/);
    expect(() => readLexicon('fr.json', { language: 'fr', elementHints: {}, workNouns: [], ownerWords: [] })).toThrow(/fr\.json.*kindCues/);
    expect(() => readLexicon('de.json', { ...lexicon(), parties: { negations: ['nicht'] } })).toThrow(/de\.json.*parties\.agentPhrases/);
  });
});

describe('cue phrases', () => {
  it('reads choices, optional words, stems and gaps', () => {
    expect(matches('we|i withdraw* our notice', 'We withdrawing our notice')).toBe(true);
    expect(matches('a|the? mistake in our findings', 'There was a mistake in our findings')).toBe(true);
    expect(matches('a|the? mistake in our findings', 'mistake in our findings')).toBe(true);
    expect(matches('retract* ~20 notice', 'we retract the earlier notice')).toBe(true);
    // A gap stays inside the sentence, and a Latin word is a whole word.
    expect(matches('retract* ~20 notice', 'we retract. The notice')).toBe(false);
    expect(matches('void ~20 notice', 'avoid the notice')).toBe(false);
    // `~N+` crosses the line breaks of a wrapped letter, still inside one sentence.
    expect(matches('good faith belief ~40+ not authorized', 'a good faith belief that the use\nis not authorized')).toBe(true);
    expect(matches('good faith belief ~40 not authorized', 'a good faith belief that the use\nis not authorized')).toBe(false);
    expect(matches('good faith belief ~40+ not authorized', 'a good faith belief. It is not authorized')).toBe(false);
    // A word ending in a mark has no word boundary after it.
    expect(matches('auto:', 'Auto: out of office')).toBe(true);
  });

  it('anchors a cue family at the start of a subject when asked', () => {
    const de = lexicon({ kindCues: { ...cues, autoSubject: ['abwesenheitsnotiz'] } });
    const re = compileCues([de], (c) => c.autoSubject, { at: 'start' })!;
    expect(re.test('  Abwesenheitsnotiz: DMCA')).toBe(true);
    expect(re.test('AW: Abwesenheitsnotiz')).toBe(false);
  });

  it('rejects a cue phrase with pattern syntax, naming the field', () => {
    expect(() => readLexicon('de.json', { ...lexicon(), kindCues: { ...cues, spam: ['casino+'] } })).toThrow(/kindCues\.spam\.0/);
    expect(() => readLexicon('de.json', { ...lexicon(), kindCues: { ...cues, spam: ['~x casino'] } })).toThrow(/kindCues\.spam\.0/);
  });

  it('reads a new language from its lexicon alone', () => {
    const de = lexicon({ kindCues: { ...cues, retraction: ['ziehen|ziehe unsere|meine beschwerde|meldung zurück', 'widerruf*'] } });
    const re = compileCues([de], (c) => c.retraction)!;
    expect(re.test('Hiermit ziehen wir unsere Beschwerde zurück.')).toBe(false);
    expect(re.test('Wir ziehen unsere Beschwerde zurück.')).toBe(true);
    expect(re.test('Widerrufen Sie bitte die Meldung.')).toBe(true);
    expect(compileCues([de], (c) => c.providerDecision)).toBeNull();
  });
});
