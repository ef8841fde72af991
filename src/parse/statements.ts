import type { Span, Statement, Statements } from '../domain/schemas/complaint.js';
import { sentenceSpan, spanOf, type SourceText } from './span.js';
import { withFlags } from './compiled.js';

const NONE: Statement = { present: false, evidence: null };

/**
 * A statutory key word as senders type it in a hurry: the word, or the word with one
 * letter dropped, two neighbouring letters swapped or one vowel for another
 * ("penaly", "beief", "purjury"). Only for the long words of fixed phrases, whose
 * neighbours in the phrase keep the slip from matching another word.
 */
function slips(word: string): string {
  const forms = new Set([word]);
  for (let i = 1; i < word.length; i++) {
    forms.add(word.slice(0, i) + word.slice(i + 1));
    if (i < word.length - 1) forms.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    if ('aeiou'.includes(word[i]!)) for (const v of 'aeiou') forms.add(word.slice(0, i) + v + word.slice(i + 1));
  }
  return `(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})`;
}
const BELIEF = slips('belief');
const PENALTY_OF_PERJURY = `${slips('penalty')} of ${slips('perjury')}`;

// Phrase families: each tolerates the wording variants senders use for the same statutory statement.
const GOOD_FAITH = [
  // A dot inside a URL or a name ("github.com/acme") does not end the sentence.
  new RegExp(String.raw`good[- ]?faith\s+(to\s+)?(${BELIEF}|believe|basis)(?:[^.。]|\.(?=\S)){0,240}?(not (been )?(authori[sz]ed|licensed|permitted)|unauthori[sz]ed|without (authori[sz]ation|permission|consent)|infring)`, 'i'),
  // "I have a good faith belief that none of the materials listed above has been authorized by Acme".
  /good[- ]?faith\s+(belief|basis)[^.。]{0,40}\b(none|no part|no portion) of\b[^.。]{0,160}?\b(authori[sz]ed|licensed|permitted)\b/i,
  /(believe|belief)[^.。]{0,30}in good[- ]faith[^.。]{0,200}?(not (been )?(authori[sz]ed|licensed|permitted)|unauthori[sz]ed|without (authori[sz]ation|permission))/i,
  // "I state in good faith that the products are not licensed by X", "we declare in good faith that this use is unauthorised".
  /\bin good[- ]?faith,? that\b[^.。]{0,240}?(not (been )?(authori[sz]ed|licensed|permitted|approved)|unauthori[sz]ed|unlicensed|without (authori[sz]ation|permission|consent|a licen[cs]e))/i,
  // "I declare that to the best of my knowledge that use of the materials … is not authorized by the copyright owner".
  /\b(declare|state|affirm|certify|believe)\b[^.。]{0,80}to the best of (my|our) (knowledge|belief)[^.。]{0,200}?(not (been )?(authori[sz]ed|licensed|permitted)|unauthori[sz]ed|without (authori[sz]ation|permission|consent))/i,
  // "I am providing this notice in good faith and with the reasonable belief that rights my company owns are being infringed".
  /\bin good[- ]?faith and (with|in) the (reasonable |honest )?belief\b[^.。]{0,160}?\b(infring\w*|not (been )?(authori[sz]ed|licensed|permitted)|unauthori[sz]ed)/i,
  /善意(地)?(相信|认为)|真诚地相信.{0,40}(未经授权|侵权)/,
];
const ACCURACY = [
  /information[^.。]{0,80}?\b(is|are)\s+(both\s+)?(true,?\s+(and\s+)?)?(accurate|correct|true)/i,
  // "this notice is true and correct", "the statements in this notification are accurate".
  /\b(notice|notification|statements?)\b[^.。]{0,40}?\b(is|are)\s+(both\s+)?(true and correct|true, correct|true and accurate|accurate|correct)\b/i,
  /\b(accurate|true and correct|true, correct)\b[^.。]{0,40}(information|notice|notification|statement)/i,
  /\bnotice is accurate|\baccuracy of (this|the) (notice|information)/i,
  /(内容|信息|材料)(均)?(真实|准确)/,
];
// A sentence does not end at the full stop of a company's legal form ("Acme, Inc. has authorized ...").
const IN_SENTENCE = String.raw`(?:[^.。]|(?<=\b(?:Inc|Ltd|Co|Corp|LLC|No|Nr|[A-Z]))\.)`;
const PERJURY = [
  new RegExp(String.raw`${PENALTY_OF_PERJURY}${IN_SENTENCE}{0,260}?(authori[sz]ed|owner|holder|behalf|entitled|exclusive rights?)`, 'i'),
  new RegExp(String.raw`(authori[sz]ed|owner|holder)[^.。]{0,200}?${PENALTY_OF_PERJURY}`, 'i'),
  // A sworn accuracy statement that names perjury, as translated letters put it: "We hereby swear the information is accurate and accept the penalty of perjury".
  /\b(swear|declare|certify|affirm)\w*\b[^.。]{0,200}?\b(accurate|true|correct)\b[^.。]{0,200}?\bperjury\b/i,
  /伪证|如有不实.{0,20}(法律责任)|(保证|承诺|确认)[^。]{0,40}(真实|准确)[^。]{0,30}(承担|负)[^。]{0,10}法律责任/,
];
const MISTAKE = [
  /(mistake|misidentification|mis-identification|removed in error|wrongly (removed|disabled))/i,
  /(错误|误)(删除|下架|投诉)|不构成侵权/,
];
const JURISDICTION = [
  /consent to (the )?jurisdiction|submit to (the )?jurisdiction|accept service of process|agree to accept service/i,
  /同意.{0,20}(管辖|送达)/,
];

/** The text with line breaks inside a paragraph read as spaces (same offsets): hard-wrapped statements read like one line. */
function unwrapped(text: string): string {
  return text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
}

function find(src: SourceText, families: RegExp[], flat: string): Statement {
  for (const re of families) {
    const m = re.exec(flat);
    if (m) return { present: true, evidence: sentenceSpan(src, m.index, m.index + m[0].length) };
  }
  return NONE;
}

/** The sentence around an offset when its lines are hard-wrapped: a single line break does not end it. */
const SENTENCE_END = new Set('.!?。！？');

function wrappedSentence(src: SourceText, start: number, end: number): Span {
  const t = src.text;
  let s = start;
  while (s > 0 && !SENTENCE_END.has(t[s - 1] ?? '') && !(t[s - 1] === '\n' && t[s - 2] === '\n')) s--;
  let e = end;
  while (e < t.length && !SENTENCE_END.has(t[e] ?? '') && !(t[e] === '\n' && t[e + 1] === '\n')) e++;
  return spanOf(src, s, Math.min(t.length, e + 1));
}

/** Perjury counts for a counter-notice only in the same breath as the mistake statement. */
function mistakeUnderPerjury(src: SourceText): Statement {
  for (const re of MISTAKE) {
    for (const m of src.text.matchAll(withFlags(re, re.flags + 'g'))) {
      const span = sentenceSpan(src, m.index ?? 0, (m.index ?? 0) + m[0].length);
      if (/perjury|good[- ]faith|伪证|善意/i.test(span.text)) return { present: true, evidence: span };
      const wrapped = wrappedSentence(src, m.index ?? 0, (m.index ?? 0) + m[0].length);
      if (/perjury|good[- ]faith/i.test(wrapped.text)) return { present: true, evidence: wrapped };
    }
  }
  return NONE;
}

export function findStatements(src: SourceText): Statements {
  const flat = unwrapped(src.text);
  return {
    goodFaith: find(src, GOOD_FAITH, flat),
    accuracy: find(src, ACCURACY, flat),
    perjury: find(src, PERJURY, flat),
    mistake: mistakeUnderPerjury(src),
    jurisdictionConsent: find(src, JURISDICTION, flat),
  };
}
