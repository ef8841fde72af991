import type { Span } from '../domain/schemas/complaint.js';
import { LEXICONS } from './lexicons.js';
import { meaningfulBody, sectionAt, type Section } from './sections.js';
import { sentenceSpan, spanOf, type SourceText } from './span.js';

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

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
const byLength = (list: string[]): string[] => [...new Set(list)].sort((a, b) => b.length - a.length);
// Latin-script words of every lexicon read as whole words; the others (CJK) anywhere.
const latin = (w: string): boolean => /^[\x20-\x7e]+$/.test(w);
const words = (pick: (l: (typeof LEXICONS)[number]) => string[], script: boolean): string =>
  byLength(LEXICONS.flatMap(pick).filter((w) => latin(w) === script)).map(escape).join('|');
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
  new RegExp(`\\b(?:${NOUN})\\b[^.\\n]{0,40}?\\b(?:copyrighted|owned|created|written|developed|authored|published|designed|produced) by\\b`, 'giu'),
  // "copyrighted source code files", "copyrighted Android app": a kind of work, not the generic "copyrighted materials
  // without authorization" (the statutory "copyrighted materials described above" is left out below as well).
  new RegExp(`\\bcopyrighted(?:[ \\t]+(?!(?:${GENERIC}|${FUNCTION_WORD})\\b)[\\p{L}-]+){0,2}?[ \\t]+(?!(?:${GENERIC})\\b)(?:${NOUN})\\b`, 'giu'),
  new RegExp(`\\b(?:cop(?:y|ied|ies|ying)|stole|stolen|taken|took|reproduc\\w*|plagiari[sz]\\w*|clon(?:ed|ing)|ripped|pirat\\w*|redistribut\\w*|leaked|uploaded|reposted)\\b[^.\\n]{0,60}?\\b(?:${NOUN})\\b`, 'giu'),
  new RegExp(`(?:${OWNER_ZH})[\\u4e00-\\u9fff]{0,6}?(?:${NOUN_ZH})`, 'gu'),
];
// Statutory sentences speak of "the copyrighted materials described above": they name nothing.
const STATUTORY = /good[- ]?faith|perjury|described above|善意|伪证/i;

// Answers to these form questions are about the copies, the licence, the sender or the infringer: a work noun there names nothing.
const OTHER_ANSWER: ReadonlySet<string> = new Set(['targets', 'infringer', 'contact', 'signature', 'other']);
// "Yes", "No", "N/A": the answer to a yes-or-no question put under the work's heading names no work.
const YES_NO = /^\W*(?:yes|no|n\/?a|none|true|false|是|否)\W*$/i;

/** Whether an offset is inside the answer to a form question about something other than the work. */
function inOtherAnswer(sections: readonly Section[], at: number): boolean {
  const s = sectionAt(sections, at);
  return !!s && s.form && s.prompt && at >= s.bodyStart && OTHER_ANSWER.has(s.role);
}

function workClause(src: SourceText, sections: readonly Section[]): { text: string; evidence: Span } | null {
  for (const re of WORK_CLAUSES) {
    re.lastIndex = 0;
    for (const m of src.text.matchAll(re)) {
      if (inOtherAnswer(sections, m.index ?? 0)) continue;
      const span = sentenceSpan(src, m.index ?? 0, (m.index ?? 0) + m[0].length);
      if (STATUTORY.test(span.text)) continue;
      return { text: span.text.slice(0, 500), evidence: span };
    }
  }
  return null;
}

/**
 * The work the sender names, in order of how plainly it is given: the answer
 * to the form's work question, a "Work: ..." label, a sentence naming the
 * work, a clause with a work noun. Sentences inside the answer to another
 * form question (the licence, the URLs, the contact details) are not read:
 * "the work is not licensed" there names no work.
 */
export function findWork(src: SourceText, sections: readonly Section[]): { text: string; evidence: Span } | null {
  for (const s of sections) {
    if (s.role !== 'original') continue;
    const body = meaningfulBody(src.text, s);
    if (YES_NO.test(body)) continue;
    // A fully redacted answer still tells the reviewer something was named; an empty one does not.
    if (body.replace(/\bX\b/g, '').trim().length >= 3 || /\bX\b/.test(body)) {
      const raw = src.text.slice(s.bodyStart, s.bodyEnd);
      const lead = raw.length - raw.trimStart().length;
      const span = spanOf(src, s.bodyStart + lead, s.bodyStart + raw.trimEnd().length);
      return { text: span.text.slice(0, 500), evidence: span };
    }
  }
  const labelled = LABELLED_WORK.exec(src.text);
  if (labelled) return { text: labelled[1]!.trim(), evidence: spanOf(src, labelled.index, labelled.index + labelled[0].length) };
  for (const m of src.text.matchAll(WORK_SENTENCE_ALL)) {
    if (inOtherAnswer(sections, m.index ?? 0)) continue;
    const span = sentenceSpan(src, m.index ?? 0, (m.index ?? 0) + m[0].length);
    return { text: span.text.slice(0, 500), evidence: span };
  }
  return workClause(src, sections);
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
