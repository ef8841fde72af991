import type { DocumentKind, DocumentMention } from '../domain/schemas/complaint.js';
import { expiryDate } from './dates.js';
import { sentenceSpan, type SourceText } from './span.js';
import { globalOf } from './compiled.js';

const FAMILIES: [DocumentKind, RegExp][] = [
  ['identity', /\b(national )?id(entity)? card\b|\bpassport\b|driver'?s? licen[cs]e|proof of identity|identification document|身份证|护照|身份证明/i],
  ['business_licence', /business (registration )?(licen[cs]e|certificate)|certificate of (incorporation|business registration|company registration)|company registration (certificate|document|extract)|(commercial|trade|company|companies|business) regist(er|ry) extract|extract (from|of) the (commercial|trade|company|companies) regist(er|ry)|articles of incorporation|\bNIB\b|\bACRA (business profile|bizfile)|\bSSM (certificate|profile)|营业执照|注册证明|商业登记证/i],
  ['ipr_certificate', /(trade ?mark|patent|copyright|registration|design)( registration)? certificates?|certificates? of (trade ?mark |copyright |patent |design )?registration|cop(y|ies) of the (granted |registered )?(patent|trade ?mark registration|design registration|registration)s?\b|patent grant|商标注册证|专利证书|著作权登记证书|作品登记证书|版权登记证书/i],
  ['filing_receipt', /filing receipt|application receipt|acknowledg(e)?ment of (the )?(application|filing)|受理通知书|申请受理/i],
  ['renewal_or_assignment', /renewal (certificate|document)|assignment (deed|agreement|document|certificate)|certificate of (renewal|assignment)|续展证明|转让证明|核准转让/i],
  ['authorization', /letter of authori[sz]ation|authori[sz]ation letter|power of attorney|\bPOA\b|letter of authority|授权(委托)?书|委托书|授权证明/i],
  ['claim_chart', /claim chart|claims? comparison|权利要求对比/i],
  ['patent_evaluation_report', /(patent )?evaluation report|专利权评价报告|评价报告|utility model search report/i],
  ['copyright_claim_statement', /copyright claim statement|版权声明书|权属声明/i],
  ['comparison_evidence', /comparison (photos?|pictures?|images?|chart|table|evidence)|side[- ]by[- ]side|test purchase|对比图|比对图|侵权对比/i],
];

const NEGATED = /\b(no|not|without|lack|missing|do not have|don't have|cannot provide|unable to provide)\b[^.]{0,30}$|没有|未提供|缺少/i;
// A document offered ("available on request", "can be provided") is not one that came with the notice.
const OFFERED_AFTER = /^[^.;。；\n]{0,80}?(\b(available|provided|supplied|furnished|sent|produced)\s+(up)?on\s+(request|demand)|\b(up)?on (request|demand)\b|\bif (needed|required|requested|necessary)\b|\b(can|could|will|shall) be (provided|sent|supplied|furnished|forwarded|made available)|\bto follow\b|\bwill follow\b|可(应要求|根据需要|随时)?提供|如(有)?需(要)?)/i;
const ATTACHED = /\b(attached|enclosed|attach|enclose)\b|附件|附上|随附/i;
const OFFERED_BEFORE = /(\b(up)?on (request|demand)\b|\bavailable on request|\b(we|i) (can|could|will|shall|are able to|am able to|would be happy to) (also )?(provide|send|supply|forward|furnish)|可(应要求)?提供|如(有)?需(要)?)[^.;。；\n]{0,80}$/i;
const EXPIRY = /(expir\w*|valid (until|through|till|from)|validity|有效期(至|限)?)/i;

function expiryAfter(text: string, at: number): string | null {
  const win = text.slice(at, at + 200);
  const m = EXPIRY.exec(win);
  return m ? expiryDate(win.slice(m.index)) : null;
}

/** The clause only offers the document ("available on request", "we can provide") and does not say it is attached. */
function offeredOnly(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 120);
  const before = text.slice(Math.max(0, start - 120), start);
  if (!OFFERED_AFTER.test(after) && !OFFERED_BEFORE.test(before)) return false;
  const clauseStart = Math.max(...['.', ';', '。', '；', '\n'].map((d) => before.lastIndexOf(d))) + 1;
  const clauseEnd = /[.;。；\n]/.exec(after)?.index ?? after.length;
  const clause = before.slice(clauseStart) + text.slice(start, end) + after.slice(0, clauseEnd);
  return !ATTACHED.test(clause) || /\bnot (yet )?(attached|enclosed)\b/i.test(clause);
}

/** Supporting documents the text says are enclosed, or that an attachment's file name or text shows. */
export function findDocuments(src: SourceText, foundIn: 'text' | 'attachment', extraName?: string): DocumentMention[] {
  const out: DocumentMention[] = [];
  for (const [kind, re] of FAMILIES) {
    const g = globalOf(re);
    for (const m of src.text.matchAll(g)) {
      const at = m.index ?? 0;
      if (NEGATED.test(src.text.slice(Math.max(0, at - 60), at))) continue;
      if (foundIn === 'text' && offeredOnly(src.text, at, at + m[0].length)) continue;
      out.push({ kind, foundIn, expiresOn: expiryAfter(src.text, at), evidence: sentenceSpan(src, at, at + m[0].length) });
      break;
    }
    if (extraName && !out.some((d) => d.kind === kind) && g.test(extraName.replace(/[_-]+/g, ' '))) {
      out.push({ kind, foundIn, expiresOn: null, evidence: null });
    }
  }
  return out;
}
