import type { Span } from '../domain/schemas/complaint.js';
import { LEXICONS } from './lexicons.js';
import { meaningfulBody, sectionAt, type Section } from './sections.js';
import { sentenceSpan, spanOf, type SourceText } from './span.js';
import { urlKey } from './urls.js';
import { ABOUT_COPIES, FEATURE_PENALTY, workFeatures } from './work-features.js';
import { latin, spacedLiteral } from './compiled.js';

// Letters name the work in a sentence rather than a form answer.
const WORK_SENTENCE = new RegExp([
  String.raw`\b(original work|copyrighted works?|protected works?|the work|work described|registered (trade ?mark|copyright|patent)|trade ?mark[^.\n]{0,40}(no\.?|number|registration))`,
  String.raw`\bour (proprietary |own |internal |confidential )*(software|code|source code|product|game|app|application|book|ebook|theme|template|plugin|package|library|firmware|images?|photo\w*|artwork|designs?|content|data|work)`,
  String.raw`\bmy (original |own |copyrighted )*(product )?(software|code|game|app|book|theme|work|images?|photo\w*|pictures?|artwork\w*|designs?|patterns?|drawings?|illustrations?|project)`,
  // "X owns the exclusive copyrights", "owner of the "Atelier" patterns", "rights to the aforementioned books".
  String.raw`\bowns? (numerous |the |all )?(exclusive |sole )?(copyrights?|rights)`,
  String.raw`\b(owner|holder) of the (intellectual property |exclusive )?(copyrights?|rights?|trade ?mark|patent) (in|to)\b`,
  // "the exclusive owner of copyright-protected source code", "Qianmi owned copyrighted materials (software code)".
  String.raw`\bowner of (the )?(copyright-protected|copyrighted|proprietary) (source code|code|software|works?|materials?|content)`,
  String.raw`\bowned (copyrighted |copyright-protected |proprietary )?(materials?|code|software|works?)\b`,
  String.raw`['’]s (proprietary|internal|copyrighted) (code ?base|source code|code|software)`,
  // 'software code titled "link-mobile-observations"', 'the application named "Sora"'.
  String.raw`\b(software|code|application|app|book|game|work|product|program|library|plugin|theme|tool|film|series)s? (titled|entitled|named|called) ["“]`,
  // "the code within this repository belongs to Acme under our intellectual property agreement".
  String.raw`\bbelongs? to [A-Z][\w&.-]*( [A-Z][\w&.-]*)*[^.\n]{0,30}\b(intellectual property|copyright)`,
  String.raw`\b(owner|holder|author|designer|creator|developer|publisher) of (the |my |our )?["“][^"”\n]{2,60}["”]`,
  String.raw`\b(owner|author|creator|developer|publisher|licensor) (and \w+ )?of (the )?[\w .-]{1,40}?(framework|software|librar(y|ies)|themes?|plugins?|apps?|applications?|games?|books?|fonts?|websites?|platform|engine|extensions?)\b`,
  String.raw`\brights? (in|to) the (aforementioned |following |above |listed )?(books?|titles?|works?|articles?|songs?|films?|images?|photos?|software|games?)`,
  String.raw`\b(develops|publishes|created|developed|published)( and \w+)? the (online |mobile |video )*(game|app|application|software|book|film|series)\b`,
  String.raw`\b(the |our |my )?company'?s? (important |internal |proprietary )*(code|source code|software)\b`,
  String.raw`\b(is|are) (protected )?under copyright\b`,
  // "the exclusive rights holder for the following title:", "Paperback ISBN: 978…".
  String.raw`\bISBN(-1[03])?[:\s]+[\d-]{10,17}|\b(following|these|this) (titles?|books?|works?)\s*:`,
].join('|') + '|作品|商标注册号|专利号', 'i');
const WORK_SENTENCE_ALL = new RegExp(WORK_SENTENCE.source, 'gi');
const LABELLED_WORK = /^[ \t*_]*(?:original work|work|copyrighted (?:work|material)|infringed (?:copyright protected )?(?:work|content)|title|(?:product|software|application|app|game|book|project|work) (?:name|title)|name of (?:the |my |our )?(?:work|product|software|application|app|game|book|project)|product|作品名称|商标|专利)\s*[:：]\s*(\S[^\n]{1,200})$/im;

const byLength = (list: string[]): string[] => [...new Set(list)].sort((a, b) => b.length - a.length);
// Latin-script words of every lexicon read as whole words; the others (CJK) anywhere.
const words = (pick: (l: (typeof LEXICONS)[number]) => string[], script: boolean): string =>
  byLength(LEXICONS.flatMap(pick).filter((w) => latin(w) === script)).map(spacedLiteral).join('|');
const NOUN = words((l) => l.workNouns, true);
const OWNER = words((l) => l.ownerWords, true);
const NOUN_ZH = words((l) => l.workNouns, false);
const OWNER_ZH = words((l) => l.ownerWords, false);

/**
 * The general shapes in which letters name what was copied, over the work nouns of the lexicons:
 * a possessive before a work noun ("the contents of our svn repository", "one of our copyright
 * documents", "Acme's Android app"), a work noun with its maker ("code copyrighted by the
 * University"), and a copying verb with a work noun ("has taken images from inside our application").
 */
const GENERIC = 'materials?|content|contents|works?|files|data|texts?|documents?';
const FUNCTION_WORD = 'on|in|of|at|to|by|for|the|a|an|and|or|without|from|with|is|are|was|were|that|which';
const WORK_CLAUSES: readonly RegExp[] = [
  new RegExp(`(?:\\b(?:${OWNER})|\\b\\p{Lu}[\\p{L}\\p{N}&.-]*['’]s?)(?:[ \\t]+[\\p{L}\\p{N}-]+){0,3}?[ \\t]+(?:${NOUN})\\b`, 'giu'),
  // "code copyrighted by the University", "this code is copyrighted to Woodside", "proprietary code belonging to Acme".
  new RegExp(`\\b(?:${NOUN})\\b[^.\\n]{0,40}?\\b(?:(?:copyrighted|owned|created|written|developed|authored|published|designed|produced|made) by|copyrighted to|belong(?:s|ing)? to|(?:is|are) the (?:sole |exclusive )?property of)\\b`, 'giu'),
  // "copyrighted source code files", "proprietary Android application code": a kind of work, not the generic "copyrighted
  // materials without authorization" (the statutory "copyrighted materials described above" is left out below as well).
  new RegExp(`\\b(?:copyrighted|proprietary|copyright[- ]protected)(?:[ \\t]+(?!(?:${GENERIC}|${FUNCTION_WORD})\\b)[\\p{L}-]+){0,2}?[ \\t]+(?!(?:${GENERIC})\\b)(?:${NOUN})\\b`, 'giu'),
  new RegExp(`\\b(?:cop(?:y|ied|ies|ying)(?![ \\t]+and[ \\t]+paste)|stole|stolen|taken|took|reproduc\\w*|plagiari[sz]\\w*|clon(?:ed|ing)|ripped|pirat\\w*|redistribut\\w*|leaked|uploaded|reposted)\\b[^.\\n]{0,60}?\\b(?:${NOUN})\\b`, 'giu'),
  new RegExp(`(?:${OWNER_ZH})[\\u4e00-\\u9fff]{0,6}?(?:${NOUN_ZH})`, 'gu'),
  // "the copyright in the video game Free Realms", "copyrights to WHMCS": what the right is held in; the sentence's features say whether it names a work.
  /\bcopyrights?[ \t]+(?:in|to|of|over)[ \t]+(?:and\b|the\b|this\b|all\b|\p{Lu})/giu,
];
// A kind of work, or a copyright word, right before a quoted title: 'the TV Series “Magic City”', 'copyrighted material “Problem One: Trains”'.
const QUOTED_TITLE = new RegExp(`\\b(?:${NOUN}|copyrighted (?:${GENERIC})|material)[ \\t]+["“][^"”\\n]{2,80}["”]`, 'giu');
// Statutory sentences speak of "the copyrighted materials described above": they name nothing.
const STATUTORY = /good[- ]?faith|perjury|described above|善意|伪证/i;

// Answers to these form questions are about the copies, the licence, the sender or the infringer: a work noun there names nothing.
const OTHER_ANSWER: ReadonlySet<string> = new Set(['targets', 'infringer', 'contact', 'signature', 'other']);
// "Yes", "No", "N/A": the answer to a yes-or-no question put under the work's heading names no work.
const YES_NO = /^\W*(?:yes|no|n\/?a|none|true|false|是|否)\W*$/i;
// A labelled value that says the field is not given: "N/A", "none", "see below" would still name nothing of its own.
const NOT_GIVEN = /^\W*(?:n\/?a|none|not applicable|unknown|tbd)\b/i;

/** Whether an offset is inside the answer to a form question about something other than the work. */
function inOtherAnswer(sections: readonly Section[], at: number): boolean {
  const s = sectionAt(sections, at);
  return !!s && s.form && s.prompt && at >= s.bodyStart && OTHER_ANSWER.has(s.role);
}

/**
 * How a work candidate was found, with the weight of that shape: how plainly
 * it names the work. Generators run in this order and stop once no later one
 * could outscore the best candidate, so a form answer costs no clause search.
 */
const GENERATORS = {
  form_answer: 1,
  labelled: 0.9,
  sentence: 0.8,
  // A kind of work followed by its quoted title: 'the TV series “Spartacus”', 'copyrighted material “Problem One”'.
  quoted_title: 0.8,
  possessive: 0.7,
  made_by: 0.7,
  copyrighted_kind: 0.7,
  copied: 0.6,
  possessive_zh: 0.7,
  copyright_in: 0.6,
} as const;
export type WorkGenerator = keyof typeof GENERATORS;

/** A candidate scores at least this much to stand for the work. */
export const WORK_THRESHOLD = 0.5;

export interface WorkCandidate {
  generator: WorkGenerator;
  text: string;
  evidence: Span;
  score: number;
}

// Quoted history below the sender's own text: a work named there was named in an earlier message.
const EARLIER_MESSAGE = /^[ \t>]*(?:-{2,}\s*(?:Original Message|Forwarded message)|On [^\n]{5,120} wrote:[ \t]*$)/im;

const CLAUSES: readonly [WorkGenerator, RegExp][] = [
  ['quoted_title', QUOTED_TITLE],
  ['possessive', WORK_CLAUSES[0]!],
  ['made_by', WORK_CLAUSES[1]!],
  ['copyrighted_kind', WORK_CLAUSES[2]!],
  ['copied', WORK_CLAUSES[3]!],
  ['possessive_zh', WORK_CLAUSES[4]!],
  ['copyright_in', WORK_CLAUSES[5]!],
];

/** Sentences a generator proposes at most: enough to pass over the statutory and generic ones a letter opens with. */
const PER_GENERATOR = 8;

function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, Math.min(end < 0 ? text.length : end, start + 400));
}

// How far the features look around a candidate, each way: a sentence, not a page.
const REACH = 400;
const STOP = new Set(['.', '!', '?', '。', '！', '？']);
// A line that opens a list item or a numbered point starts a sentence of its own.
const ITEM_START = /^[ \t]*(?:[-*•>]|\d{1,2}[.)])/;

function hardBreak(text: string, nl: number): boolean {
  return text[nl - 1] === '\n' || text[nl + 1] === '\n' || ITEM_START.test(text.slice(nl + 1, nl + 6));
}

/**
 * The sentence around a candidate read the way the sender wrote it: a
 * hard-wrapped letter's single line breaks joined, so "my work is found in"
 * sees the rest of its sentence on the next line; and the text after it.
 */
function readAround(text: string, start: number, end: number): { sentence: string; next: string } {
  let s = start;
  while (s > 0 && start - s < REACH && !STOP.has(text[s - 1]!) && !(text[s - 1] === '\n' && hardBreak(text, s - 1))) s--;
  // A sentence span ends after its full stop: the walk starts on it.
  let e = end > start && STOP.has(text[end - 1]!) ? end - 1 : end;
  while (e < text.length && e - end < REACH && !(STOP.has(text[e]!) && /\s/.test(text[e + 1] ?? ' ')) && !(text[e] === '\n' && hardBreak(text, e))) e++;
  return { sentence: text.slice(s, Math.min(text.length, e + 1)).replace(/[ \t]*\n[ \t]*/g, ' '), next: text.slice(e + 1, e + 81) };
}

/** Where a sentence stands in the document, as features of its score. */
interface Place {
  /** Offset where quoted history starts (the text's length when there is none). */
  quotedFrom: number;
  /** The notice is a web form that puts its questions but has no answer naming the work. */
  formWithoutAnswer: boolean;
}

/**
 * The score of a sentence-level candidate: its generator's weight, lowered
 * where the sentence names no work (only "the works", "owns the copyright"),
 * speaks of the copies (a removal request, "the files listed above"), is a
 * question as a form puts it, is the mail's subject line, sits in quoted history, or stands in a web form whose
 * own question about the work went unanswered (a work met in passing in
 * another answer is then for the reviewer to confirm).
 */
function sentenceScore(generator: WorkGenerator, text: string, span: Span, place: Place): number {
  const around = readAround(text, span.start, span.end);
  const f = workFeatures(around.sentence, around.next, lineAround(text, span.start));
  let s: number = GENERATORS[generator];
  if (!f.names) s -= FEATURE_PENALTY.namesNothing;
  if (f.aboutCopies) s -= FEATURE_PENALTY.aboutCopies;
  if (f.headerLine) s -= FEATURE_PENALTY.headerLine;
  if (f.asks) s -= FEATURE_PENALTY.asks;
  if (span.start >= place.quotedFrom) s -= FEATURE_PENALTY.quotedHistory;
  if (place.formWithoutAnswer) s -= FEATURE_PENALTY.formWithoutAnswer;
  return Math.round(s * 100) / 100;
}

// The questions of a web form that mark it as one asking for each element in turn.
const ELEMENT_QUESTION: ReadonlySet<string> = new Set(['targets', 'contact', 'signature', 'ownership', 'original', 'infringer']);

/** A web form (two or more questions about the elements) that the sender answered, but not with the work. */
function formWithoutWorkAnswer(sections: readonly Section[]): boolean {
  return sections.filter((s) => s.form && s.prompt && ELEMENT_QUESTION.has(s.role)).length >= 2;
}

// One line of a form answer that is a bare link.
const LINK_LINE = /^\s*[-*•]?\s*<?(?:https?:\/\/|www\.)\S+?>?\s*$/i;

/** A form answer that is nothing but links to the copies being taken down names where they are, not the work. */
function onlyTargets(answer: string, targets: ReadonlySet<string>): boolean {
  const lines = answer.split('\n').filter((l) => l.trim());
  if (lines.length === 0 || targets.size === 0) return false;
  return lines.every((l) => LINK_LINE.test(l) && targets.has(urlKey(l.trim().replace(/^[-*•]\s*|^<|>$/g, ''))));
}

/**
 * Every reading of the work, best first; generators that could not beat the
 * best so far are not run. `targets` are the keys of the URLs read as copies
 * to take down.
 */
export function workCandidates(src: SourceText, sections: readonly Section[], targets: ReadonlySet<string> = new Set()): WorkCandidate[] {
  const out: WorkCandidate[] = [];
  const best = (): number => out.reduce((m, c) => Math.max(m, c.score), 0);
  for (const s of sections) {
    if (s.role !== 'original') continue;
    const body = meaningfulBody(src.text, s);
    if (YES_NO.test(body)) continue;
    // A fully redacted answer still tells the reviewer something was named; an empty one does not.
    if (body.replace(/\bX\b/g, '').trim().length >= 3 || /\bX\b/.test(body)) {
      const raw = src.text.slice(s.bodyStart, s.bodyEnd);
      const lead = raw.length - raw.trimStart().length;
      const span = spanOf(src, s.bodyStart + lead, s.bodyStart + raw.trimEnd().length);
      // A question that asks for the copies ("remove the copyrighted content found at the following URLs:"), or an answer listing only them, names no work.
      const copies = ABOUT_COPIES.test(s.header);
      const score = copies ? GENERATORS.form_answer - FEATURE_PENALTY.aboutCopies - FEATURE_PENALTY.namesNothing : GENERATORS.form_answer;
      out.push({ generator: 'form_answer', text: span.text.slice(0, 500), evidence: span, score });
      if (score >= WORK_THRESHOLD) return out;
    }
  }
  const labelled = LABELLED_WORK.exec(src.text);
  // "Copyrighted material: N/A [see note above]" labels the field but names nothing.
  if (labelled && !NOT_GIVEN.test(labelled[1]!)) {
    out.push({ generator: 'labelled', text: labelled[1]!.trim(), evidence: spanOf(src, labelled.index, labelled.index + labelled[0].length), score: GENERATORS.labelled });
    return out;
  }
  const q = EARLIER_MESSAGE.exec(src.text);
  // Reached only when no form answer named the work.
  const place: Place = { quotedFrom: q ? q.index : src.text.length, formWithoutAnswer: formWithoutWorkAnswer(sections) };
  const propose = (generator: WorkGenerator, re: RegExp, skipStatutory: boolean): void => {
    re.lastIndex = 0;
    let proposed = 0;
    let last = -1;
    for (const m of src.text.matchAll(re)) {
      const at = m.index ?? 0;
      if (at < last || inOtherAnswer(sections, at)) continue;
      const span = sentenceSpan(src, at, at + m[0].length);
      last = span.end;
      if (skipStatutory && STATUTORY.test(span.text)) continue;
      const score = sentenceScore(generator, src.text, span, place);
      out.push({ generator, text: span.text.slice(0, 500), evidence: span, score });
      if (score >= GENERATORS[generator] || ++proposed >= PER_GENERATOR) break;
    }
  };
  propose('sentence', WORK_SENTENCE_ALL, false);
  for (const [generator, re] of CLAUSES) {
    if (best() >= GENERATORS[generator]) break;
    propose(generator, re, true);
  }
  // Stable: among equal scores the earliest reading stands first.
  return out.sort((a, b) => b.score - a.score);
}

/** A reading of the work, with its score as the confidence that it names the work. */
export interface WorkReading {
  text: string;
  evidence: Span;
  confidence: number;
  generator: WorkGenerator;
}

/**
 * The work the sender names: the best-scoring candidate among the answer to
 * the form's work question, a "Work: ..." label, a sentence naming the work,
 * a quoted title and a clause with a work noun. `work` is null when none
 * scores high enough; `weak` is then the best reading below the threshold,
 * if any: a trace of the work that a reviewer confirms. Sentences inside the
 * answer to another form question (the licence, the URLs, the contact
 * details) are not read: "the work is not licensed" there names no work.
 */
export function readWork(src: SourceText, sections: readonly Section[], targets?: ReadonlySet<string>): { work: WorkReading | null; weak: WorkReading | null } {
  const top = workCandidates(src, sections, targets)[0];
  if (!top) return { work: null, weak: null };
  const reading = { text: top.text, evidence: top.evidence, confidence: top.score, generator: top.generator };
  return top.score >= WORK_THRESHOLD ? { work: reading, weak: null } : { work: null, weak: reading };
}

/** The work the sender names, or null: see `readWork`. */
export function findWork(src: SourceText, sections: readonly Section[], targets?: ReadonlySet<string>): WorkReading | null {
  return readWork(src, sections, targets).work;
}

const REPO_REF = /(?:\b(?:the|this|our|their)\s+)?[`"“']?\b([A-Za-z0-9][\w.-]{0,38}\/[A-Za-z0-9][\w.-]{0,99})[`"”']?\s+(?:repo(?:sitory)?|project|package|fork)\b|\b(?:repo(?:sitory)?|project|package)\s+(?:named\s+|called\s+)?[`"“']?([A-Za-z0-9][\w.-]{0,38}\/[A-Za-z0-9][\w.-]{0,99})/gi;

/** `owner/repo` names given without a URL: they locate the material well enough for a code host. */
export function findMaterialReferences(text: string, sections: readonly Section[] = []): string[] {
  const out: string[] = [];
  // A takedown answer that is nothing but `owner/repo` names the material on its own.
  for (const s of sections) {
    if (s.role !== 'targets') continue;
    for (const line of text.slice(s.bodyStart, s.bodyEnd).split('\n')) {
      const m = /^\s*[-*•]?\s*[`"“']?([A-Za-z0-9][\w.-]{0,38}\/[A-Za-z0-9][\w.-]{0,99})[`"”']?\s*$/.exec(line);
      if (m && !out.includes(m[1]!)) out.push(m[1]!);
    }
  }
  for (const m of text.matchAll(REPO_REF)) {
    const ref = (m[1] ?? m[2] ?? '').replace(/[.,]+$/, '');
    if (!ref || /^(and|or|n|a)\/(or|and|a)$/i.test(ref) || /^\d+\/\d+$/.test(ref) || /\/\//.test(ref)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 9), m.index ?? 0);
    if (/https?:\/*$|\.\w+\/$/.test(before)) continue;
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}
