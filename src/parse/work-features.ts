import { LEXICONS } from './lexicons.js';
import { latin, spacedLiteral } from './compiled.js';

/**
 * What a sentence offered as the work says about itself. A letter names its
 * work by a title, a kind of work or a registration number ("the font LL
 * Circular", 'the application named "Sora"', "our Android app"); a sentence
 * that only says "the works", "our content" or "owns the copyright" names
 * none, and neither does one about the copies ("the files listed above") or
 * the subject line of the mail. Those are weak readings: they stand for the
 * work only when nothing better is there, and below the threshold they make
 * the work a question for the reviewer rather than a reading.
 */
export interface WorkFeatures {
  /** A title in quotes, a kind of work (not "content", "materials") or a registration number. */
  names: boolean;
  /** The words speak of the copies: a removal request, a list of them, their upload. */
  aboutCopies: boolean;
  /** A header line of the mail ("Subject: ..."), which summarises rather than identifies. */
  headerLine: boolean;
  /** A question, as a form puts it ("Where can we see an authorized example of the work?"), not the sender's answer. */
  asks: boolean;
}


/** Work nouns that name a kind of work: the lexicons' work nouns less the generic ones. */
function concreteNouns(): RegExp {
  const generic = new Set(LEXICONS.flatMap((l) => l.genericWorkNouns.map((w) => w.toLowerCase())));
  const nouns = [...new Set(LEXICONS.flatMap((l) => l.workNouns))].filter((w) => !generic.has(w.toLowerCase())).sort((a, b) => b.length - a.length);
  const words = nouns.filter(latin).map(spacedLiteral);
  const cjk = nouns.filter((w) => !latin(w)).map(spacedLiteral);
  return new RegExp([...(words.length ? [`\\b(?:${words.join('|')})\\b`] : []), ...cjk].join('|'), 'i');
}

const CONCRETE = concreteNouns();
// A title set off by quotes or title marks: “Magic City”, "Raven B4", 《书名》 (a closing ’ alone is an apostrophe).
const QUOTED = /["“‘«《「][^"“”‘’«»《》「」\n]{2,80}["”’»》」]/;
// A registration or catalogue number: "Reg. No. 4,123,456", "ISBN 978-…", "注册号 12345678".
const NUMBER = /\b(?:no\.?|number|reg(?:istration)?\.?|ISBN(?:-1[03])?)[:\s#]*[A-Z]{0,4}\d[\d,/-]{3,}|注册号|专利号/i;
// The sender's own work, however loosely named: "my project", "our content", "one of our copyright documents", "its works".
const POSSESSED = new RegExp(`\\b(?:${[...new Set(LEXICONS.flatMap((l) => l.ownerWords))].filter(latin).map(spacedLiteral).join('|')})(?:[ \\t]+[\\p{L}-]+){0,2}?[ \\t]+(?:${[...new Set(LEXICONS.flatMap((l) => [...l.workNouns, ...l.genericWorkNouns]))].filter(latin).sort((a, b) => b.length - a.length).map(spacedLiteral).join('|')})\\b`, 'iu');
// A name: a capitalised or CamelCase word that does not open the sentence ("original works (SpoutPlugin)", "My project Mooha").
const NAME = /(?<=[\p{L}\p{N},;:()]\s{1,3}\(?)\p{Lu}[\p{L}\p{N}+#-]*/gu;
// Capitalised words that name no work: the words of statutes, forms and headings, and the platform's own name in letters to it.
const NOT_A_NAME = /^(?:I|I'm|The|This|That|These|Those|A|An|My|Our|Its|We|You|He|She|It|They|Copyright(?:ed)?|Works?|Materials?|Content|Original|Infring\w*|Identification|Description|Location|Claimed|Digital|Millennium|Act|DMCA|U\.?S\.?C?|USC|Section|Title|Code|Internet|GitHub|Github|Inc|LLC|Ltd|Limited|Corp|Company|Dear|Sir|Madam|Mr|Mrs|Ms|Dr|Please|Thank|Thanks|Yes|No|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const LINK = /\bhttps?:\/\/|\bwww\.[\w-]/i;

function hasName(sentence: string): boolean {
  NAME.lastIndex = 0;
  for (const m of sentence.matchAll(NAME)) if (!NOT_A_NAME.test(m[0].replace(/[-+#]+$/, ''))) return true;
  return false;
}

// Speaking of the copies, not the work: asking to remove them, listing them, saying who put them up, calling them pirated.
export const ABOUT_COPIES = /\b(?:(?:remov(?:e|ed|ing)|disabl(?:e|ed|ing)|take down|taken down|delet(?:e|ed|ing))\b[^.\n]{0,60}?\b(?:these|those|the following|the above|the listed|all|any|from)\b|(?:listed|linked|shown) (?:above|below)|(?:these|those) (?:repositories|repos|files|links|urls|copies)\b|who (?:uploaded|posted|published)|pirated|cracked|counterfeit|bootleg(?:ged)?)/i;
// Form questions and instructions open with these words or end in a question mark; a sender's statement does not.
// A question followed by its answer on the same line ("Identify the work: our plugin ...") is the answer's.
const QUESTION = /^\W*(?:where|what|which|who|how|identify|provide|describe|explain)\b[^:：?？]*[:：?？]?\s*$|^[^:：?？]*[?？]\s*$/i;
const HEADER_LINE = /^[ \t>*]*(?:subject|re|fwd?|title)[ \t]*:/i;

/**
 * The features of one sentence offered as the work: `sentence` is read with
 * a hard-wrapped letter's line breaks joined, `next` is the text that follows
 * it (a link on the next line names the work the sentence points to), `line`
 * the line it stands on.
 */
export function workFeatures(sentence: string, next: string, line: string): WorkFeatures {
  const pointsAtLink = /[:：]\s*$/.test(sentence) && LINK.test(next.trimStart().slice(0, 12));
  return {
    names: CONCRETE.test(sentence) || QUOTED.test(sentence) || NUMBER.test(sentence) || POSSESSED.test(sentence) || hasName(sentence) || LINK.test(sentence) || pointsAtLink,
    aboutCopies: ABOUT_COPIES.test(sentence),
    headerLine: HEADER_LINE.test(line),
    asks: QUESTION.test(sentence.trim()),
  };
}

/** What each feature takes off a candidate's generator weight (hand weights, held to `npm run eval -- --ablate`). */
export const FEATURE_PENALTY = {
  namesNothing: 0.35,
  aboutCopies: 0.35,
  headerLine: 0.3,
  quotedHistory: 0.3,
  formWithoutAnswer: 0.35,
  asks: 0.35,
} as const;
