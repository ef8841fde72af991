import type { Span } from '../domain/schemas/complaint.js';
import { SUFFIX, cleanName } from './names.js';
import { sentenceSpan, type SourceText } from './span.js';
import { wordOffsets } from './words.js';

/**
 * When no owner sentence names the rights owner, the organisations the letter
 * names with a legal form ("Acme Software Co., Ltd.", "JetBrains s.r.o.") are
 * the candidates. Each is scored on named features and the best one is taken
 * only when the evidence for it is clear:
 * - mentions: how often the letter names it;
 * - near ownership words (copyright, owner, proprietary, rights, property) in the same sentence;
 * - for an agent's letter, the organisation it writes for ("on behalf of", "client") scores,
 *   its own firm (the sign-off block) does not; for a sender writing for itself, the sign-off
 *   and contact block is its own organisation.
 */
// Capitalised words (with "of", "and", "de" between them) closed by a legal form; initials alone ("U.S.") are no legal form here.
const CANDIDATE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}&'’+\-]*[ \t]+(?:(?:of|and|&|de|do|da|du)[ \t]+)?){1,5},?[ \t]*(?!(?:\p{Lu}\.){2,6}(?![\p{L}]))${SUFFIX}`, 'gu');
const PLATFORM_NAMES = /^(GitHub|npm|Microsoft Corporation|Google|Apple)\b/i;
const OWNERSHIP = /\b(copyright\w*|owner\w*|proprietary|rights?|property|owned|trademark\w*|author\w*|licen[cs]\w*)\b/i;
const FOR_WHOM = /\b(on behalf of|our client|client|represent\w*|authori[sz]ed by|acting for)\b[^.\n]{0,40}$/i;

/** The organisation names with a legal form the text gives, in order. */
export function legalNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const name = cleanName(m[0]);
    if (name && !/\[(private|redacted)\]/i.test(name)) out.push(name);
  }
  return out;
}

const URLISH = /\S*(?:https?:\/\/|www\.|\.com\b|\/)\S*/gi;
const LEGAL_TAIL = new RegExp(String.raw`,?[ \t]*${SUFFIX}$`, 'u');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** How often the letter names an organisation by its name without the legal form, outside links. */
function bareMentions(prose: string, name: string): number {
  const bare = name.replace(LEGAL_TAIL, '').trim();
  if (bare.length < 4 || bare === name) return 0;
  let n = 0;
  for (const _ of wordOffsets(prose, bare, LETTER_OR_DIGIT)) n++;
  return n;
}

interface Candidate { name: string; mentions: number; score: number; at: number; end: number }

export function ownerFromCandidates(src: SourceText, isAgent: boolean | null): { name: string; evidence: Span } | null {
  const text = src.text;
  const tail = Math.max(0, text.length - 600);
  const byKey = new Map<string, Candidate>();
  for (const m of text.matchAll(CANDIDATE)) {
    const at = m.index ?? 0;
    const name = cleanName(m[0]);
    if (!name || PLATFORM_NAMES.test(name) || /\[(private|redacted)\]/i.test(name)) continue;
    const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const c = byKey.get(key) ?? { name, mentions: 0, score: 0, at, end: at + m[0].length };
    c.mentions++;
    const sentence = sentenceSpan(src, at, at + m[0].length).text;
    if (OWNERSHIP.test(sentence)) c.score += 2;
    const before = text.slice(Math.max(0, at - 80), at);
    const inSignOff = at >= tail;
    if (isAgent === true) {
      if (FOR_WHOM.test(before)) c.score += 3;
      if (inSignOff) c.score -= 2;
    } else if (inSignOff) {
      c.score += 1;
    }
    byKey.set(key, c);
  }
  // "JetBrains s.r.o." named once with its legal form and forty times as "JetBrains": every mention counts.
  const prose = text.replace(URLISH, ' ');
  for (const c of byKey.values()) c.mentions = Math.max(c.mentions, bareMentions(prose, c.name));
  const ranked = [...byKey.values()].map((c) => ({ ...c, total: c.score + Math.min(c.mentions, 4) })).sort((a, b) => b.total - a.total);
  const best = ranked[0];
  if (!best || best.total < 3 || (ranked[1] && ranked[1].total === best.total)) return null;
  return { name: best.name, evidence: sentenceSpan(src, best.at, best.end) };
}
