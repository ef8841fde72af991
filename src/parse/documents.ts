import type { DocumentKind, DocumentMention } from '../domain/schemas/complaint.js';
import { findDates } from './dates.js';
import { sentenceSpan, type SourceText } from './span.js';

const FAMILIES: [DocumentKind, RegExp][] = [
  ['identity', /\b(national )?id(entity)? card\b|\bpassport\b|driver'?s? licen[cs]e|proof of identity|identification document|身份证|护照/i],
  ['business_licence', /business (registration )?(licen[cs]e|certificate)|certificate of (incorporation|registration)|company registration|营业执照|注册证明/i],
  ['ipr_certificate', /(trade ?mark|patent|copyright|registration|design)( registration)? certificates?|certificates? of (trade ?mark |copyright |patent )?registration|商标注册证|专利证书|著作权登记证书|作品登记证书|版权登记证书/i],
  ['filing_receipt', /filing receipt|application receipt|acknowledg(e)?ment of (the )?(application|filing)|受理通知书|申请受理/i],
  ['renewal_or_assignment', /renewal (certificate|document)|assignment (deed|agreement|document|certificate)|certificate of (renewal|assignment)|续展证明|转让证明|核准转让/i],
  ['authorization', /letter of authori[sz]ation|authori[sz]ation letter|power of attorney|\bPOA\b|letter of authority|授权(委托)?书|委托书/i],
  ['claim_chart', /claim chart|claims? comparison|权利要求对比/i],
  ['patent_evaluation_report', /(patent )?evaluation report|专利权评价报告|评价报告|utility model search report/i],
  ['copyright_claim_statement', /copyright claim statement|版权声明书|权属声明/i],
  ['comparison_evidence', /comparison (photos?|pictures?|images?|chart|table|evidence)|side[- ]by[- ]side|test purchase|对比图|比对图|侵权对比/i],
];

const NEGATED = /\b(no|not|without|lack|missing|do not have|don't have|cannot provide|unable to provide)\b[^.]{0,30}$|没有|未提供|缺少/i;
const EXPIRY = /(expir\w*|valid (until|through|till)|有效期(至|限)?)/i;

function expiryAfter(text: string, at: number): string | null {
  const win = text.slice(at, at + 200);
  const m = EXPIRY.exec(win);
  return m ? findDates(win.slice(m.index))[0] ?? null : null;
}

/** Supporting documents the text says are enclosed, or that an attachment's file name or text shows. */
export function findDocuments(src: SourceText, foundIn: 'text' | 'attachment', extraName?: string): DocumentMention[] {
  const out: DocumentMention[] = [];
  for (const [kind, re] of FAMILIES) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (const m of src.text.matchAll(g)) {
      const at = m.index ?? 0;
      if (NEGATED.test(src.text.slice(Math.max(0, at - 60), at))) continue;
      out.push({ kind, foundIn, expiresOn: expiryAfter(src.text, at), evidence: sentenceSpan(src, at, at + m[0].length) });
      break;
    }
    if (extraName && !out.some((d) => d.kind === kind) && g.test(extraName.replace(/[_-]+/g, ' '))) {
      out.push({ kind, foundIn, expiresOn: null, evidence: null });
    }
  }
  return out;
}
