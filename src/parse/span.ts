import type { Span } from '../domain/schemas/complaint.js';
import { globalOf } from './compiled.js';

/** A text the parser reads, named the way evidence spans name it. */
export interface SourceText {
  source: string;
  text: string;
}

export function spanOf(src: SourceText, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, src.text.length));
  const e = Math.max(s, Math.min(end, src.text.length));
  return { source: src.source, start: s, end: e, text: src.text.slice(s, e) };
}

/** Span of the first match of `re` in `src`, or null. */
export function findSpan(src: SourceText, re: RegExp): Span | null {
  const g = globalOf(re);
  const m = g.exec(src.text);
  return m ? spanOf(src, m.index, m.index + m[0].length) : null;
}

/** Span of the sentence (or line) around an offset: reviewers want the whole claim, not the keyword. */
export function sentenceSpan(src: SourceText, start: number, end: number): Span {
  const t = src.text;
  let s = start;
  while (s > 0 && !/[.!?。！？\n]/.test(t[s - 1] ?? '')) s--;
  let e = end;
  while (e < t.length && !/[.!?。！？\n]/.test(t[e] ?? '')) e++;
  if (e < t.length) e++;
  const raw = t.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  return spanOf(src, s + lead, s + raw.trimEnd().length);
}
