import { z } from 'zod';
import en from '../../data/lexicons/en.json' with { type: 'json' };
import zh from '../../data/lexicons/zh.json' with { type: 'json' };
import { escapeRegExp, latin } from './compiled.js';

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
 * `~40` up to 40 characters of the same sentence (no full stop, no line break),
 * `~40+` the same across line breaks (a letter wrapped at 72 columns).
 * Latin words match whole words, case-insensitively; other scripts match anywhere.
 */
const Phrases = z.array(
  z.string().min(1).refine((p) => p.trim().split(/\s+/).every((t) => /^~\d{1,3}\+?$/.test(t) || !/[()[\]{}\\^$+~]/.test(t)), 'a cue phrase holds words, "|", "?", "*", "~N" and "~N+" only'),
);

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
  /** What a counter-notice says ("mistake or misidentification", "my repository was wrongly removed"). */
  counter: Phrases,
  /** The sender calling its own message a counter-notice; wins over retraction cues. */
  counterOwn: Phrases,
  /** A notice's own good-faith statement: with it, counter-notice words are the notice quoting the law. */
  noticeBelief: Phrases,
  /** Words of an IP complaint; a message with three different ones, or one and a URL, is a notice. */
  noticeWords: Phrases,
  /** Unsolicited advertising, which is no notice unless it has three notice words. */
  spam: Phrases,
  /** Sender names of delivery reports ("mailer-daemon"). */
  bounceSender: Phrases,
  /** Subjects of delivery reports. */
  bounceSubject: Phrases,
  /** Sentences of delivery reports, read in the first part of the text. */
  bounceText: Phrases,
  /** Auto-reply subjects, read at the start of the subject ("Automatic reply: ..."). */
  autoSubject: Phrases,
  /** Auto-reply words that mark a subject wherever they stand ("回复：自动回复"). */
  autoSubjectAnywhere: Phrases,
  /** Sentences of out-of-office and other automatic replies, read in the first part of a short text. */
  autoText: Phrases,
  /** Prefixes of a reply's subject before its colon ("Re", "回复"). */
  replyPrefixes: Words,
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

const escape = escapeRegExp;

/** One word slot of a phrase: its alternatives, each with a stem mark. */
function slot(token: string): string {
  const alts = token.split('|').filter(Boolean).map((w) => {
    const stem = w.endsWith('*');
    const body = escape(stem ? w.slice(0, -1) : w);
    if (!latin(w)) return body;
    // A word ending in a mark ("auto:") has no word boundary after it.
    return stem ? `${body}\\w*` : /\w$/.test(w) ? `${body}\\b` : body;
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
    const gap = /^~(\d{1,3})(\+?)$/.exec(token);
    if (gap) {
      out += `${gap[2] ? '[^.]' : '[^.\\n]'}{0,${gap[1]}}?`;
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

/**
 * One pattern for every phrase of a cue family over the given lexicons; null when none has any.
 * `at` anchors it: `start` of the text (after spaces); `flags` adds e.g. `g` for counting.
 */
export function compileCues(lexicons: readonly Lexicon[], pick: (c: KindCues) => readonly string[], opts: { at?: 'start'; flags?: string } = {}): RegExp | null {
  const sources = lexicons.flatMap((l) => pick(l.kindCues)).map(phraseSource);
  if (sources.length === 0) return null;
  const any = sources.map((s) => `(?:${s})`).join('|');
  return new RegExp(opts.at === 'start' ? `^\\s*(?:${any})` : any, `i${opts.flags ?? ''}`);
}
