import type { IprRecord, IprType, PatentKind, Reason } from '../domain/schemas/complaint.js';
import { sentenceSpan, type SourceText } from './span.js';
import { expiryDate } from './dates.js';
import { withFlags } from './compiled.js';

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
    const n = (text.match(withFlags(re, 'gi')) ?? []).length;
    if (n > bestCount) {
      best = type;
      bestCount = n;
    }
  }
  return best;
}

// Offices by name outrank a country word: "registered with DJKI" decides even when "China" is also near.
const OFFICES: [string, RegExp][] = [
  ['CN', /\b(CNIPA|SIPO|CTMO|China National Intellectual Property Administration|Trademark Office of (the )?(PRC|People'?s Republic of China|China))\b|国家知识产权局|商标局|版权局|版权保护中心/gi],
  ['US', /\b(USPTO|(United States|U\.S\.|US) Patent and Trademark Office|US Copyright Office|Copyright Office)\b/gi],
  ['EU', /\b(EUIPO|OHIM|European Union Intellectual Property Office|EUTM)\b/gi],
  ['WIPO', /\b(WIPO|World Intellectual Property Organi[sz]ation|Madrid (System|Protocol|Agreement)|International Registration)\b/gi],
  ['GB', /\b(UKIPO|UK ?IPO|UK Intellectual Property Office)\b/gi],
  ['JP', /\b(JPO|Japan Patent Office)\b|特許庁/gi],
  ['KR', /\b(KIPO|Korean Intellectual Property Office)\b/gi],
  ['ID', /\b(DGIP|DJKI|Directorate General of Intellectual Property)\b/gi],
  ['MY', /\b(MyIPO|Intellectual Property Corporation of Malaysia)\b/gi],
  ['PH', /\b(IPOPHL|Intellectual Property Office of the Philippines)\b/gi],
  ['SG', /\b(IPOS|Intellectual Property Office of Singapore)\b/gi],
  ['TH', /\bDIP\b|\b(Thai )?Department of Intellectual Property\b/g],
  ['VN', /\b(IP ?Viet ?Nam|NOIP|Intellectual Property Office of Viet ?Nam)\b/gi],
  ['CH', /\b(IPI|IGE|Swiss Federal Institute of Intellectual Property)\b/g],
  ['DE', /\b(DPMA|German Patent and Trade ?Mark Office)\b/gi],
  ['AU', /\bIP Australia\b/gi],
  ['HK', /\bHong Kong (IPD|Intellectual Property Department)\b/gi],
];
const COUNTRIES: [string, RegExp][] = [
  ['CN', /\b(China|Chinese|PRC|People'?s Republic of China|mainland China)\b|中国/gi],
  ['US', /\b(United States|USA)\b|\bU\.S\.(?=[\s,])/gi],
  ['EU', /\b(European Union|EU)\b/gi],
  ['WIPO', /\bMadrid\b/gi],
  ['GB', /\b(United Kingdom|UK)\b/gi],
  ['JP', /\b(Japan|Japanese)\b|日本/gi],
  ['KR', /\b(Korea|Korean)\b|韩国/gi],
  ['ID', /\b(Indonesia|Indonesian)\b/gi],
  ['MY', /\b(Malaysia|Malaysian)\b/gi],
  ['PH', /\b(Philippines|Philippine)\b/gi],
  ['SG', /\b(Singapore)\b/gi],
  ['TH', /\b(Thailand|Thai)\b/gi],
  ['VN', /\b(Vietnam|Viet Nam|Vietnamese)\b/gi],
  ['HK', /\bHong Kong\b|香港/gi],
  ['TW', /\bTaiwan\b|台湾/gi],
];

/** The office (or failing that the country) named nearest to the number, within the sentence's reach. */
function nearest(table: [string, RegExp][], text: string, at: number): string | null {
  const from = Math.max(0, at - 160);
  const win = text.slice(from, at + 160);
  let best: string | null = null;
  let bestDist = Infinity;
  for (const [code, re] of table) {
    for (const m of win.matchAll(re)) {
      const pos = from + (m.index ?? 0);
      // A mention after the number counts a little less than one before it ("registered in China under No. ...").
      const dist = pos < at ? at - pos : (pos - at) * 1.5;
      if (dist < bestDist) {
        best = code;
        bestDist = dist;
      }
    }
  }
  return best;
}

function jurisdictionNear(text: string, at: number): string | null {
  return nearest(OFFICES, text, at) ?? nearest(COUNTRIES, text, at);
}

// Number shapes that carry their office: IDM/IDD/IDP/IDS (Indonesia), UK00 (UK), EU + 9 digits, TM + year (Malaysia), 4-YYYY-NNNNNN (Philippines).
function jurisdictionByShape(number: string, context: string): string | null {
  const n = number.replace(/\s+/g, '');
  if (/^ID[MDPS]\d{6,}/i.test(n)) return 'ID';
  if (/^UK0{2,}\d+/i.test(n)) return 'GB';
  if (/^(EU|EUTM)0\d{8}$/i.test(n)) return 'EU';
  if (/^TM\d{8,10}$/i.test(n)) return 'MY';
  if (/^4-(19|20)\d{2}-\d{5,6}$/.test(n)) return 'PH';
  if (/^4-\d{7}-\d{3}$/.test(n)) return 'VN';
  // A PRC registration written the way its certificate prints it: 注册号 / 第…号 in Chinese.
  if (/第\s*\d+\s*号|注册号|注册证/.test(context)) return 'CN';
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
const EXPIRY = /(expir\w*|valid (until|through|till|from)|validity|有效期(至|限)?|到期)/i;

function expiryNear(src: SourceText, at: number): string | null {
  const win = src.text.slice(Math.max(0, at - 40), at + 240);
  const m = EXPIRY.exec(win);
  if (!m) return null;
  return expiryDate(win.slice(m.index));
}

const PATENT_NO = new RegExp([
  String.raw`\b(?<cnp>CN|ZL)\s?(?<cn>\d{4}\s?\d\s?\d{7}|\d{8,13})\.?(?<chk>[\dX])?\s?(?:[ABUS]\d?)?\b`,
  // US utility (10,123,456), design (D987,654) and reissue (RE12345) numbers, with an optional kind code.
  String.raw`\bUS\s?(?<us>D\s?\d{3},?\d{3}|D?\d{1,2},?\d{3},?\d{3}|RE\d{5})\s?(?:[BSE]\d?)?\b`,
  String.raw`\b(?<office>EP|WO|JP|KR)\s?(?<intl>\d{6,12})\s?(?:[AB]\d?)?\b`,
  // Indonesian patents: IDP (invention), IDS (simple patent, a utility model), IDD (industrial design).
  String.raw`\b(?<idp>ID[PSD])\s?(?<id>0*\d{6,10})\b`,
  String.raw`专利号(?:为|是)?[:：]?\s*(?:ZL|CN)?\s?(?<zh>\d{8,13}\.?[\dX]?)`,
  // "Patent No. 10,123,456", "design patent number D987,654", "patent no. 202230123456.7": the office comes from the text or the shape.
  String.raw`\b[Pp]atent\s*(?:[Rr]egistration\s*)?(?:[Nn]o\.?|[Nn]umber|#)\s*[:：]?\s*(?<gen>D\s?\d{3},?\d{3}|\d[\d,]{4,12}\d(?:\.[\dX])?)(?!\d|,\d)`,
].join('|'), 'g');
// "registration No.", "Reg. No.", "注册号：第…号", "商标注册号为…": the number a trademark registration is cited by.
const TM_NO = /(?:trade ?mark|registration|reg\.?|application|商标注册|注册|申请)\s*(?:no\.?|number|nos\.?|#|号)\s*(?:为|是)?\s*[:：]?\s*第?\s*((?:[A-Z]{1,4}\s?)?\d[\d,. -]{3,14}\d)|第\s*(\d{5,10})\s*号/gi;
// A bare "No." / "under No." counts when the same sentence speaks of a registered mark.
const BARE_NO = /\b(?:No|Nr|Number)\.?\s*[:：]?\s*((?:[A-Z]{1,4}\s?)?\d[\d,. -]{3,14}\d)/g;
const TM_CONTEXT = /regist|trade ?mark|\bmark\b|\bbrand\b|\b(EU)?TM\b/i;
// Numbers whose shape alone says "trademark registration": Indonesia IDM…, UK UK000…, Malaysia TM + year.
const SHAPED_TM = /\b(IDM\d{6,12}|UK0{2,}\d{6,}|TM(?:19|20)\d{6,8})\b/g;
const COPYRIGHT_NO = /\b(VA|TX|PA|SR|VAu|TXu|PAu)\s?0*\d{6,10}\b|(?:国作登字|作登字|软著登字)[-\d第号]+/g;
// "except class 35", "第 35 类除外": an excluded class is not one the mark covers.
const CLASSES = /(?<!\b(?:except|excluding|excl\.|other than|not in|not)\s)\b(?:class(?:es)?|nice class(?:es)?|int(?:ernational)?\.? cl(?:ass)?\.?)\s*[:：]?\s*(\d{1,2}(?:\s*(?:,|and|&|\/)\s*\d{1,2})*)|第\s*(\d{1,2})\s*类(?!\s*(?:除外|以外|之外))/gi;

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

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** Office and kind a patent number shows by itself, before the text around it is read. */
function patentByNumber(g: Record<string, string | undefined>): { jurisdiction: string | null; kind: PatentKind | null } {
  const cn = g.cn ?? g.zh;
  if (cn) return { jurisdiction: 'CN', kind: cnPatentKind(digitsOf(cn)) };
  if (g.us) return { jurisdiction: 'US', kind: /^D/i.test(g.us) ? 'design' : null };
  if (g.office) return { jurisdiction: g.office.toUpperCase(), kind: null };
  if (g.idp) return { jurisdiction: 'ID', kind: g.idp.toUpperCase() === 'IDD' ? 'design' : g.idp.toUpperCase() === 'IDS' ? 'utility_model' : 'invention' };
  const gen = g.gen ?? '';
  if (/^D/i.test(gen)) return { jurisdiction: null, kind: 'design' };
  // A PRC application number: year, kind digit, seven digits, check digit (202230123456.7).
  if (/^(19|20)\d{2}[123]\d{7}\.?[\dX]$/.test(gen.replace(/,/g, ''))) return { jurisdiction: 'CN', kind: cnPatentKind(digitsOf(gen)) };
  return { jurisdiction: null, kind: null };
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
    const g = m.groups ?? {};
    const byNumber = patentByNumber(g);
    const number = m[0].replace(/^专利号(?:为|是)?[:：]?\s*/, '').replace(/^[Pp]atent\s*(?:[Rr]egistration\s*)?(?:[Nn]o\.?|[Nn]umber|#)\s*[:：]?\s*/, '').trim();
    push({
      type: 'patent', registrationNumber: number, jurisdiction: byNumber.jurisdiction, classes: [],
      patentKind: byNumber.kind ?? patentKindNear(t, at), expiresOn: expiryNear(src, at),
      pending: PENDING.test(t.slice(Math.max(0, at - 120), at + 120)), evidence: sentenceSpan(src, at, at + m[0].length),
    });
  }
  const trademark = (at: number, raw: string, whole: string): void => {
    const number = raw.replace(/[ ,.-]+$/, '').trim();
    const digits = digitsOf(number);
    if (digits.length < 4 || records.some((r) => digitsOf(r.registrationNumber ?? '').includes(digits))) return;
    if (/patent|专利/i.test(t.slice(Math.max(0, at - 40), at))) return;
    if (/copyright/i.test(t.slice(Math.max(0, at - 40), at))) return;
    push({
      type: 'trademark', registrationNumber: number, jurisdiction: jurisdictionNear(t, at) ?? jurisdictionByShape(number, whole), classes: classesNear(t, at),
      patentKind: null, expiresOn: expiryNear(src, at), pending: PENDING.test(t.slice(Math.max(0, at - 120), at + 120)),
      evidence: sentenceSpan(src, at, at + whole.length),
    });
  };
  for (const m of t.matchAll(TM_NO)) trademark(m.index ?? 0, m[1] ?? m[2] ?? '', m[0]);
  for (const m of t.matchAll(SHAPED_TM)) trademark(m.index ?? 0, m[1]!, m[0]);
  for (const m of t.matchAll(BARE_NO)) {
    const at = m.index ?? 0;
    const sentence = sentenceSpan(src, at, at + m[0].length);
    const before = t.slice(sentence.start, at);
    if (!TM_CONTEXT.test(before) || /patent|copyright|专利|著作权/i.test(before) || digitsOf(m[1]!).length < 5) continue;
    trademark(at, m[1]!, m[0]);
  }
  for (const m of t.matchAll(COPYRIGHT_NO)) {
    const at = m.index ?? 0;
    push({
      type: 'copyright', registrationNumber: m[0], jurisdiction: m[1] ? 'US' : 'CN', classes: [], patentKind: null,
      expiresOn: null, pending: false, evidence: sentenceSpan(src, at, at + m[0].length),
    });
  }
  for (const r of records) {
    if (r.type !== 'patent' || r.jurisdiction !== null) continue;
    // D987,654 is how a US design patent is numbered when no office is named.
    r.jurisdiction = jurisdictionNear(t, r.evidence?.start ?? 0) ?? (/^D\s?\d{3},\d{3}\b/.test(r.registrationNumber ?? '') ? 'US' : null);
  }
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
