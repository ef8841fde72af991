const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | null =>
  y > 1900 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${pad(m)}-${pad(d)}` : null;

/** ISO dates (YYYY-MM-DD) written in the common English and Chinese forms, in order of appearance. */
export function findDates(text: string): string[] {
  const out: { at: number; v: string }[] = [];
  const add = (at: number, v: string | null): void => {
    if (v) out.push({ at, v });
  };
  for (const m of text.matchAll(/\b(\d{4})[-/.年]\s?(\d{1,2})[-/.月]\s?(\d{1,2})日?/g)) add(m.index ?? 0, iso(+m[1]!, +m[2]!, +m[3]!));
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/g)) {
    const mon = MONTHS[m[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    if (mon) add(m.index ?? 0, iso(+m[3]!, mon, +m[1]!));
  }
  for (const m of text.matchAll(/\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/g)) {
    const mon = MONTHS[m[1]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    if (mon) add(m.index ?? 0, iso(+m[3]!, mon, +m[2]!));
  }
  // Day-first numeric dates (31/12/2025) are the common form outside the US; a first part above 12 settles it.
  for (const m of text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g)) {
    const a = +m[1]!, b = +m[2]!;
    add(m.index ?? 0, a > 12 ? iso(+m[3]!, b, a) : iso(+m[3]!, a, b));
  }
  return out.sort((x, y) => x.at - y.at).map((x) => x.v);
}
