import { z } from 'zod';
import en from '../../data/lexicons/en.json' with { type: 'json' };
import zh from '../../data/lexicons/zh.json' with { type: 'json' };

/**
 * The per-language lexicons (`data/lexicons/<lang>.json`), checked against one
 * schema when the module loads, so a lexicon with a wrong key or a malformed
 * cue fails at start with the file and the field named, not later in a notice.
 * A new language is a new file with the same keys, added to `SOURCES`.
 */
const Words = z.array(z.string().min(1));

/**
 * Cue phrases, written as words separated by spaces:
 * `a|b` is a choice of words, `word?` an optional word, `stem*` any ending,
 * `~40` up to 40 characters of the same sentence (no full stop, no line break).
 * Latin words match whole words, case-insensitively; other scripts match anywhere.
 */
const Phrases = z.array(z.string().min(1).refine((p) => !/[()[\]{}\\^$+]/.test(p), 'a cue phrase holds words, "|", "?", "*" and "~N" only'));

export const KindCues = z.object({
  about: z.string().optional(),
  /** The sender withdrawing its own notice ("we withdraw our DMCA notice", "撤回投诉"). */
  retraction: Phrases,
  /** The sender saying why the takedown is not needed any more ("we have since licensed the user"). */
  retractionReason: Phrases,
  /** Undoing the takedown in other verbs ("invalidate the takedown", "void our notice"). */
  retractionUndo: Phrases,
  /** The sender owning up to an error in sending it; counts only with no counter-notice cue. */
  ownError: Phrases,
  /** The platform's staff announcing a decision on an earlier notice (a reversal): not anyone's notice. */
  providerDecision: Phrases,
});
export type KindCues = z.infer<typeof KindCues>;

/** Words of the owner-or-agent reading (`agency.ts`) and the sign-off company (`owner-sign-off.ts`). */
const Parties = z.object({
  about: z.string().optional(),
  /** "on behalf of", "代表": the sender writing for somebody else. */
  agentPhrases: Words,
  /** Words that void a cue in their sentence ("not", "不是"). */
  negations: Words,
  /** Job titles of the owner's own staff ("legal counsel", "director"). */
  staffRoles: Words.default([]),
  /** Words that open an organisation line in a sign-off ("Law", "Legal"). */
  orgHeads: Words.default([]),
  /** Title words that make a sign-off line a job title, not a company. */
  titleWords: Words.default([]),
  /** Closing words above a sign-off ("Sincerely", "Regards"). */
  closingWords: Words.default([]),
});

export const Lexicon = z.object({
  language: z.string().min(2),
  about: z.string().optional(),
  elementHints: z.record(z.string(), Words),
  workNouns: Words,
  /** Work nouns that name no kind of work on their own ("content", "materials", "the works"): a reading with only these is weak. */
  genericWorkNouns: Words.default([]),
  ownerWords: Words,
  kindCues: KindCues,
  parties: Parties,
});
export type Lexicon = z.infer<typeof Lexicon>;

/** Checks one lexicon, naming the file and the field that is wrong. */
export function readLexicon(name: string, raw: unknown): Lexicon {
  const parsed = Lexicon.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`lexicon ${name} is malformed: ${where}`);
}

const SOURCES: readonly [string, unknown][] = [['en.json', en], ['zh.json', zh]];

export const LEXICONS: readonly Lexicon[] = SOURCES.map(([name, raw]) => readLexicon(name, raw));

/** The checked lexicon of one language; a language with no lexicon is a programming error. */
export function lexiconOf(language: string): Lexicon {
  const found = LEXICONS.find((l) => l.language === language);
  if (!found) throw new Error(`no lexicon for language ${language}`);
  return found;
}

const latin = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One word slot of a phrase: its alternatives, each with a stem mark. */
function slot(token: string): string {
  const alts = token.split('|').filter(Boolean).map((w) => {
    const stem = w.endsWith('*');
    const body = escape(stem ? w.slice(0, -1) : w);
    if (!latin(w)) return body;
    return stem ? `${body}\\w*` : `${body}\\b`;
  });
  const startsWord = token.split('|').every((w) => latin(w) && /^\w/.test(w));
  return `${startsWord ? '\\b' : ''}(?:${alts.join('|')})`;
}

/** The regular-expression source of one cue phrase (see `Phrases`). */
export function phraseSource(phrase: string): string {
  const tokens = phrase.trim().split(/\s+/);
  let out = '';
  let joinNext = false;
  for (const token of tokens) {
    const gap = /^~(\d{1,3})$/.exec(token);
    if (gap) {
      out += `[^.\\n]{0,${gap[1]}}?`;
      joinNext = true;
      continue;
    }
    const optional = token.endsWith('?') && token.length > 1;
    const word = slot(optional ? token.slice(0, -1) : token);
    // Words follow each other over spaces or a hyphen; after a gap the gap itself covers the space.
    if (!out && optional) {
      // An optional first word takes the space after it along.
      out = `(?:${word}[\\s-]+)?`;
      joinNext = true;
      continue;
    }
    const sep = out && !joinNext ? '[\\s-]+' : '';
    out += optional ? `(?:${sep}${word})?` : `${sep}${word}`;
    joinNext = false;
  }
  return out;
}

/** One pattern for every phrase of a cue family over the given lexicons; null when none has any. */
export function compileCues(lexicons: readonly Lexicon[], pick: (c: KindCues) => readonly string[]): RegExp | null {
  const sources = lexicons.flatMap((l) => pick(l.kindCues)).map(phraseSource);
  return sources.length === 0 ? null : new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'i');
}
