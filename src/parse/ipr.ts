import type { IprRecord, IprType, PatentKind, Reason } from '../domain/schemas/complaint.js';
import { sentenceSpan, type SourceText } from './span.js';
import { findDates } from './dates.js';

const TYPE_CUES: [IprType, RegExp][] = [
  ['patent', /\bpatents?\b|\butility model\b|专利|实用新型|发明专利/i],
  ['design', /\b(registered |community |industrial )design\b|外观设计/i],
  ['trademark', /\btrade ?marks?\b|\bservice marks?\b|\bbrand\b|\bcounterfeit|®|商标|假冒/i],
  ['copyright', /\bcopyright|\bdmca\b|\bcopyrighted\b|著作权|版权|盗图/i],
];

/** IPR type the complaint relies on: the cue named most often wins, ties go to the order above. */
export function findIprType(text: string): IprType | null {
  let best: IprType | null = null;
  let bestCount = 0;
  for (const [type, re] of TYPE_CUES) {
    const n = (text.match(new RegExp(re.source, 'gi')) ?? []).length;
    if (n > bestCount) {
      best = type;
      bestCount = n;
    }
  }
  return best;
}

const OFFICES: [string, RegExp][] = [
  ['CN', /\b(CNIPA|SIPO|CTMO|China|Chinese|PRC|People'?s Republic of China)\b|中国|国家知识产权局|商标局/i],
  ['US', /\b(USPTO|United States|U\.S\.|US Copyright Office)\b/i],
  ['EU', /\b(EUIPO|OHIM|European Union|EUTM)\b/i],
  ['WIPO', /\b(WIPO|Madrid|International Registration)\b/i],
  ['GB', /\b(UKIPO|United Kingdom|UK IPO)\b/i],
  ['JP', /\b(JPO|Japan)\b|日本/i],
  ['KR', /\b(KIPO|Korea)\b/i],
  ['ID', /\b(DGIP|DJKI|Indonesia)\b/i],
  ['MY', /\b(MyIPO|Malaysia)\b/i],
  ['PH', /\b(IPOPHL|Philippines)\b/i],
  ['SG', /\b(IPOS|Singapore)\b/i],
  ['TH', /\b(Thailand|Thai DIP)\b/i],
  ['VN', /\b(Vietnam|Viet Nam|IP Viet ?nam|NOIP)\b/i],
  ['HK', /\bHong Kong\b|香港/i],
  ['TW', /\bTaiwan\b|台湾/i],
];

function jurisdictionNear(text: string, at: number): string | null {
  const win = text.slice(Math.max(0, at - 160), at + 160);
  for (const [code, re] of OFFICES) if (re.test(win)) return code;
  return null;
}

// Chinese application numbers carry the kind at position 5 (12-digit) or 3 (8-digit): 1 invention, 2 utility model, 3 design.
function cnPatentKind(digits: string): PatentKind | null {
  const code = digits.length >= 12 ? digits[4] : digits.length >= 8 ? digits[2] : undefined;
  return code === '1' ? 'invention' : code === '2' ? 'utility_model' : code === '3' ? 'design' : null;
}

function patentKindNear(text: string, at: number): PatentKind | null {
  const win = text.slice(Math.max(0, at - 120), at + 120);
  if (/utility[- ]model|实用新型/i.test(win)) return 'utility_model';
  if (/design patent|外观设计|\bdesign\b/i.test(win)) return 'design';
  if (/invention|发明/i.test(win)) return 'invention';
  return null;
}

const PENDING = /filing receipt|application (is )?pending|pending (application|registration)|applied for|application (no|number)|受理通知书|申请中|已受理/i;
const EXPIRY = /(expir\w*|valid (until|through|till)|validity|有效期(至|限)?|到期)/i;

function expiryNear(src: SourceText, at: number): string | null {
  const win = src.text.slice(Math.max(0, at - 40), at + 240);
  const m = EXPIRY.exec(win);
  if (!m) return null;
  return findDates(win.slice(m.index))[0] ?? null;
}

const PATENT_NO = /\b(?:(CN|ZL)\s?(\d{8,13})\.?([\dX])?\s?([ABUS]\d?)?|US\s?(D?\d{1,2},?\d{3},?\d{3}|RE\d{5})\s?([BSE]\d?)?|(EP|WO|JP|KR)\s?(\d{6,12})\s?([AB]\d?)?)\b|专利号[:：]?\s*(ZL)?\s?(\d{8,13}\.?[\dX]?)/gi;
const TM_NO = /(?:trade ?mark|registration|reg\.?|application|商标注册|注册|申请)\s*(?:no\.?|number|nos\.?|#|号)\s*[:：]?\s*((?:[A-Z]{1,3}\s?)?\d[\d,. ]{3,14}\d)|第\s*(\d{5,10})\s*号/gi;
const COPYRIGHT_NO = /\b(VA|TX|PA|SR|VAu|TXu|PAu)\s?0*\d{6,10}\b|(?:国作登字|作登字|软著登字)[-\d第号]+/g;
const CLASSES = /\b(?:class(?:es)?|nice class(?:es)?|int(?:ernational)?\.? cl(?:ass)?\.?)\s*[:：]?\s*(\d{1,2}(?:\s*(?:,|and|&|\/)\s*\d{1,2})*)|第\s*(\d{1,2})\s*类/gi;

function classesNear(text: string, at: number): number[] {
  const win = text.slice(Math.max(0, at - 120), at + 200);
  const out = new Set<number>();
  for (const m of win.matchAll(CLASSES)) {
    for (const n of (m[1] ?? m[2] ?? '').split(/\D+/)) {
      const v = Number(n);
      if (v >= 1 && v <= 45) out.add(v);
    }
  }
  return [...out];
}

/** IPR records the sender relies on: registration numbers with office, classes, kind, expiry and pending state. */
export function findIprs(src: SourceText): IprRecord[] {
  const records: IprRecord[] = [];
  const seen = new Set<string>();
  const push = (r: IprRecord): void => {
    const key = `${r.type}:${(r.registrationNumber ?? '').replace(/\W/g, '')}`;
    if (seen.has(key)) return;
    seen.add(key);
    records.push(r);
  };
  const t = src.text;
  for (const m of t.matchAll(PATENT_NO)) {
    const at = m.index ?? 0;
    const cnDigits = m[2] ?? m[11];
    const jurisdiction = cnDigits ? 'CN' : m[5] ? 'US' : (m[7]?.toUpperCase() ?? null);
    const number = m[0].replace(/^专利号[:：]?\s*/, '').trim();
    const byNumber = cnDigits ? cnPatentKind(cnDigits) : m[5]?.startsWith('D') ? 'design' : null;
    push({
      type: 'patent', registrationNumber: number, jurisdiction, classes: [],
      patentKind: byNumber ?? patentKindNear(t, at), expiresOn: expiryNear(src, at),
      pending: PENDING.test(t.slice(Math.max(0, at - 120), at + 120)), evidence: sentenceSpan(src, at, at + m[0].length),
    });
  }
  for (const m of t.matchAll(TM_NO)) {
    const at = m.index ?? 0;
    const number = (m[1] ?? m[2] ?? '').replace(/[ ,.]+$/, '').trim();
    if (!number || records.some((r) => r.registrationNumber?.replace(/\D/g, '').includes(number.replace(/\D/g, '')))) continue;
    if (/patent|专利/i.test(t.slice(Math.max(0, at - 40), at))) continue;
    if (/copyright/i.test(t.slice(Math.max(0, at - 40), at))) continue;
    push({
      type: 'trademark', registrationNumber: number, jurisdiction: jurisdictionNear(t, at), classes: classesNear(t, at),
      patentKind: null, expiresOn: expiryNear(src, at), pending: PENDING.test(t.slice(Math.max(0, at - 120), at + 120)),
      evidence: sentenceSpan(src, at, at + m[0].length),
    });
  }
  for (const m of t.matchAll(COPYRIGHT_NO)) {
    const at = m.index ?? 0;
    push({
      type: 'copyright', registrationNumber: m[0], jurisdiction: m[1] ? 'US' : 'CN', classes: [], patentKind: null,
      expiresOn: null, pending: false, evidence: sentenceSpan(src, at, at + m[0].length),
    });
  }
  for (const r of records) if (r.type === 'patent' && r.jurisdiction === null) r.jurisdiction = jurisdictionNear(t, r.evidence?.start ?? 0);
  return records;
}

const REASONS: [Reason, RegExp][] = [
  ['counterfeit', /counterfeit|fake|knock-?off|replica|假冒|仿冒|假货/i],
  ['image_misuse', /(image|picture|photo)s?[^.]{0,40}(without (authori[sz]ation|permission)|misuse|stolen|embezzl)|picture embezzlement|盗图|盗用图片/i],
  ['text_misuse', /text[^.]{0,40}without (authori[sz]ation|permission)|copied (our|my) (description|text)/i],
  ['pirated_product', /pirat\w+|盗版/i],
  ['patent_infringement', /patent|专利/i],
  ['trademark_misuse', /trade ?mark|brand name|商标/i],
  ['copyright_infringement', /copyright|dmca|著作权|版权/i],
];

export function findReason(text: string): Reason | null {
  for (const [reason, re] of REASONS) if (re.test(text)) return reason;
  return null;
}
