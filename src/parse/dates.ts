const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | null =>
  y > 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${pad(m)}-${pad(d)}` : null;

/** ISO dates (YYYY-MM-DD) written in the common English and Chinese forms, in order of appearance. */
export function findDates(text: string): string[] {
  return datesAt(text).map((x) => x.v);
}

interface DateAt { at: number; end: number; v: string }

const DATE_YMD = /\b(\d{4})(?:[-/.]|\s?年)\s?(\d{1,2})(?:[-/.]|\s?月)\s?(\d{1,2})(?:\s?日)?/g;
const FULL_WIDTH_DIGIT = /[０-９]/g;

function datesAt(input: string): DateAt[] {
  // Full-width digits (２０３０年) are read as their ASCII twins; the length, and so every offset, stays the same.
  const text = /[０-９]/.test(input) ? input.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : input;
  const out: DateAt[] = [];
  const add = (m: RegExpMatchArray, v: string | null): void => {
    if (v) out.push({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, v });
  };
  const month = (name: string): number | undefined => MONTHS[name.slice(0, 4).toLowerCase()] ?? MONTHS[name.slice(0, 3).toLowerCase()];
  // Chinese dates are often typed with spaces around 年 and 月 ("2020 年 2 月 14 日").
  for (const m of text.matchAll(DATE_YMD)) add(m, iso(+m[1]!, +m[2]!, +m[3]!));
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/g)) {
    const mon = month(m[2]!);
    if (mon) add(m, iso(+m[3]!, mon, +m[1]!));
  }
  for (const m of text.matchAll(/\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/g)) {
    const mon = month(m[1]!);
    if (mon) add(m, iso(+m[3]!, mon, +m[2]!));
  }
  // Day-first numeric dates (31/12/2025) are the common form outside the US; a first part above 12 settles it.
  for (const m of text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g)) {
    const x = +m[1]!, y = +m[2]!;
    add(m, x > 12 ? iso(+m[3]!, y, x) : iso(+m[3]!, x, y));
  }
  return out.sort((x, y) => x.at - y.at);
}

// What stands between the two ends of a range: "to", "until", "-", "至", "起至 ... 止", or a second
// label on the next line ("Valid from: X" / "Valid to: Y"). Read only on the short gap between two dates.
const RANGE_JOIN = /^[\s,;，；]*(?:起|开始)?\s*(?:(?:valid(?:ity)?|expir(?:y|es|ation)|end(?:s|ing)?|date)\s*)?(?:(?:to|until|till|through|thru|up to)(?: and including)?|-|–|—|~|至|到|止)\s*(?:date)?\s*[:：]?\s*$/i;
// "valid from X and expires on Y", "from X, expiring Y", "X起，Y到期": the second date is named as the end.
// "X起，Y止": a date marked as the start is followed by the end.
const START_MARK = /^\s*(?:起|开始)\s*[，,;；]?\s*$/;
const END_JOIN = /^[\s,;，；]*(?:起|开始)?\s*(?:and\s+)?(?:expir(?:es|ing|y|ation)|ends?|ending|届满|到期)(?:\s+date)?(?:\s+(?:on|at))?\s*[:：]?\s*$/i;
// "between X and Y": "and" joins the ends only after "between" / "从" / "自".
const BETWEEN = /(?:\bbetween|从|自)\s*$/i;

/**
 * The expiry date in a text that starts at an expiry or validity cue: the end of
 * a range ("valid from 2020-02-14 to 2030-02-13", "有效期 2020年2月14日 至 2030年2月13日",
 * "自2020年2月14日起至2030年2月13日止", "between X and Y"), else the first date.
 */
export function expiryDate(text: string): string | null {
  const dates = datesAt(text);
  let i = 0;
  while (i + 1 < dates.length) {
    const gap = text.slice(dates[i]!.end, dates[i + 1]!.at);
    if (gap.length > 40) break;
    const joined = RANGE_JOIN.test(gap) || END_JOIN.test(gap) || START_MARK.test(gap) || (/^\s*(?:and|与|和)\s*$/i.test(gap) && BETWEEN.test(text.slice(Math.max(0, dates[i]!.at - 12), dates[i]!.at)));
    if (!joined) break;
    i++;
  }
  return dates[i]?.v ?? null;
}
