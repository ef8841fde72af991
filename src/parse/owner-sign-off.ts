import type { Span } from '../domain/schemas/complaint.js';
import { SUFFIX, cleanName } from './names.js';
import { spanOf, type SourceText } from './span.js';
import { dottedTokens } from './words.js';
import { lexiconOf } from './lexicons.js';

/**
 * Owner candidates from the sender's sign-off block: a line that is only an organisation's
 * name ("ParadoxLabs", "HARVARD BUSINESS PUBLISHING", "For the Monit team") under the
 * signer's name or title. Such a line names the sender's own organisation, which is the owner
 * when the sender writes for itself (the decision leaves them out for an agent's letter).
 * A bare capitalised line is as likely a person, a city or a product, so each candidate carries
 * the features that make it an organisation, and its weight is built from them:
 * - suffix: a legal form closes it ("Dedual Enterprises Inc.");
 * - head: a word that closes organisation names ("... Publishing", "... Software");
 * - mentioned: the letter names it again above the sign-off;
 * - domain: a web or mail address in the letter is its name ("Foxy Themes" and foxythemes.net);
 * - titled: a title line ("Lead Developer") stands next to it, or it closes a "[name], Title, Org" line;
 * - signer: it stands right under the signer's name line, redacted by the platform ("[private]" over "ParadoxLabs");
 *   this says where the line stands, not that it is an organisation, so it qualifies a candidate without adding weight.
 * A line with none of these is no candidate.
 */

export interface SignOffCandidate {
  name: string;
  weight: number;
  at: number;
  evidence: Span;
  features: string[];
}

const lex = lexiconOf('en').parties;
const set = (list: readonly string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));
const HEADS = set(lex.orgHeads);
const TITLES = set(lex.titleWords);
const CLOSINGS = set(lex.closingWords);

const QUOTED = /^(?:-{2,}\s*(?:Original Message|Forwarded message)|On .{5,120} wrote:$|From: .+$|>)/im;
const BLOCK_LINES = 14;
const HAS_SUFFIX = new RegExp(String.raw`(?:^|[\s,])${SUFFIX}$`, 'u');
const SUFFIX_TAIL = new RegExp(String.raw`,?\s*${SUFFIX}$`, 'u');
const REDACTED = /\[(?:private|redacted|invalid)\],?/gi;
const REDACTED_LINE = /^[ \t*_>-]*\[(?:private|redacted)\][ \t*_]*$/i;
const HOST = /^(?:[a-z0-9-]{1,63}\.){1,6}[a-z]{2,12}$/i;
const SECOND_LEVEL = /^(?:co|com|org|net|ac|gov|edu|or|ne)$/;
const COMMON_HOSTS = /^(?:github|gmail|yahoo|hotmail|outlook|google|help|docs|mail|live|icloud|qq|163|protonmail)$/;
const FEATURE_WEIGHT: Record<string, number> = { suffix: 1.5, head: 1, mentioned: 1, domain: 1, titled: 0.5, signer: 0 };
const BASE = 2;

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);

/** The text of a sign-off line with markup, redactions and connecting words taken off. */
function lineName(line: string): string {
  return line
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(REDACTED, ' ')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/^\s*(?:-{1,2}|—|–)\s*/, '')
    .replace(/^\s*(?:c\/o|for|on behalf of)\s+(?:the\s+)?/i, '')
    .replace(/\s+team\s*$/i, '')
    // A quoted-printable soft line break left at the end of the line by a mail program.
    .replace(/=+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,;:|/\s-]+|[,;:|/\s-]+$/g, '');
}

function isTitle(line: string): boolean {
  return wordsOf(lineName(line)).some((w) => TITLES.has(w));
}

/** A line shaped like an organisation's name: a few capitalised words, no sentence, no address, no contact label. */
function nameShaped(name: string): boolean {
  if (name.length < 3 || name.length > 80 || /[:@?!]|https?:|\d{3,}/.test(name)) return false;
  const ws = name.split(' ');
  if (ws.length > 7) return false;
  const first = wordsOf(name)[0] ?? '';
  if (CLOSINGS.has(first) || ws.some((w) => TITLES.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')))) return false;
  // Every word capitalised (or a connector): "Harvard Business Publishing", "X-PRESSIVE.COM GAMES", "Acid Media LLC".
  return ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|and|&|de|du|la|the|for|y|e)$/i.test(w)) && /\p{Lu}/u.test(name);
}

function hostsOf(text: string): Set<string> {
  const out = new Set<string>();
  // Tokens split at spaces and brackets, then the host read from each: no pattern runs over the whole text.
  for (const token of dottedTokens(text)) {
    if (token.length > 300) continue;
    const host = token.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]*@/, '').split(/[/?#:]/)[0]!.replace(/\.$/, '');
    if (!HOST.test(host)) continue;
    const labels = host.toLowerCase().split('.').slice(0, -1);
    if (labels.length > 1 && SECOND_LEVEL.test(labels.at(-1)!)) labels.pop();
    const label = (labels.at(-1) ?? '').replace(/-/g, '');
    if (label.length >= 4 && !COMMON_HOSTS.test(label)) out.add(label);
  }
  return out;
}

const ADDRESSEE = /\battn\b|dmca agent|copyright agent|designated agent|^\s*to\s*:/im;

const CONNECTORS = /^(?:of|and|&|de|du|la|the|for|y|e|at|in|on|to|a|an)$/i;

/** A line of the letter's prose, which a sign-off block cannot reach above: several words, most of them lower case. */
function prose(line: string): boolean {
  const ws = lineName(line).split(' ').filter((w) => /\p{L}/u.test(w));
  const lower = ws.filter((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.test(w)).length;
  return ws.length >= 4 && lower >= 2;
}

/**
 * The run of short lines closing the sender's own text (above quoted history), with their offsets:
 * it stops at the last line of prose, and leaves out a block addressed to the platform.
 */
function closingLines(text: string): { line: string; at: number }[] {
  const q = QUOTED.exec(text);
  const own = q ? text.slice(0, q.index) : text;
  const lines: { line: string; at: number }[] = [];
  let end = own.length;
  while (end > 0 && lines.length < BLOCK_LINES) {
    const start = own.lastIndexOf('\n', end - 1) + 1;
    const line = own.slice(start, end);
    if (line.trim()) {
      if (prose(line)) break;
      lines.unshift({ line, at: start });
    }
    end = start - 1;
  }
  return lines.some((l) => ADDRESSEE.test(l.line)) ? lines.filter((l) => l.at > lines.findLast((x) => ADDRESSEE.test(x.line))!.at) : lines;
}

const CONTACT_LINE = /@|https?:\/\/|www\.|\+?\d[\d ().-]{6,}\d|\b\d{1,5}\s+\p{Lu}/u;

/** Paragraphs of short lines holding a mail address, a link, a phone number or a street: contact blocks above the close. */
function contactBlocks(text: string, before: number): { line: string; at: number }[][] {
  const out: { line: string; at: number }[][] = [];
  let firstProse = 0;
  while (firstProse < before) {
    const end = text.indexOf('\n', firstProse);
    if (prose(text.slice(firstProse, end < 0 ? text.length : end))) break;
    firstProse = end < 0 ? text.length : end + 1;
  }
  for (const para of text.slice(0, before).matchAll(/(?:^|\n)((?:[ \t]*\S[^\n]*(?:\n|$)){3,12})/g)) {
    const start = (para.index ?? 0) + para[0].indexOf(para[1]!);
    const lines: { line: string; at: number }[] = [];
    let at = start;
    for (const line of para[1]!.split('\n')) {
      if (line.trim()) lines.push({ line, at });
      at += line.length + 1;
    }
    // A block above the letter's first sentence is its heading: the platform's address as often as the sender's.
    if (start < firstProse || lines.some((l) => prose(l.line)) || !lines.some((l) => CONTACT_LINE.test(l.line)) || lines.some((l) => ADDRESSEE.test(l.line))) continue;
    out.push(lines);
  }
  return out;
}

export function signOffCandidates(src: SourceText): SignOffCandidate[] {
  const text = src.text;
  const closing = closingLines(text);
  const blockStart = closing[0]?.at ?? text.length;
  const hosts = hostsOf(text);
  const out: SignOffCandidate[] = [];
  for (const block of [...contactBlocks(text, blockStart), closing]) {
    if (block.length > 0) out.push(...blockCandidates(src, block, hosts));
  }
  return out;
}

function blockCandidates(src: SourceText, lines: { line: string; at: number }[], hosts: Set<string>): SignOffCandidate[] {
  const text = src.text;
  // The letter above the block, squashed once and only for a line that gets as far as asking.
  let above: string | null = null;
  const out: SignOffCandidate[] = [];
  for (const [i, { line, at }] of lines.entries()) {
    // "[private], Technical Director, Acme LLC": the organisation closes a line that also holds a title.
    const parts = line.split(/\s*,\s*(?=[^,]*$)/);
    const tail = parts.length > 1 && isTitle(parts[0]!) ? parts[1]! : null;
    const raw = tail ?? line;
    // "Name: [private]": a labelled contact field, not a name line.
    if (/[:@]/.test(raw.replace(REDACTED, ' '))) continue;
    const name = cleanName(lineName(raw));
    if (!name || !nameShaped(name)) continue;
    // A line under a street or postcode line is the rest of an address (city, country).
    const prev = lines[i - 1]?.line ?? '';
    if (/\d/.test(lineName(prev)) && !HAS_SUFFIX.test(name)) continue;
    const key = squash(name.replace(SUFFIX_TAIL, ''));
    if (key.length < 3) continue;
    const features: string[] = [];
    if (HAS_SUFFIX.test(name)) features.push('suffix');
    if (HEADS.has(wordsOf(name).at(-1) ?? '') || /\bteam\s*$/i.test(line)) features.push('head');
    if (key.length >= 4 && (above ??= squash(text.slice(0, lines[0]!.at))).includes(key)) features.push('mentioned');
    if ([...hosts].some((h) => h === key || (h.length >= 5 && key.startsWith(h)))) features.push('domain');
    if (tail || isTitle(prev) || isTitle(lines[i + 1]?.line ?? '')) features.push('titled');
    // A line of its own: "[private], Index" may as well be a title and a product as a company.
    if (i > 0 && REDACTED_LINE.test(prev) && !/\[(?:private|redacted)\]/i.test(line)) features.push('signer');
    // A bare capitalised word named again above is as often a product ("the modification Index"): it needs a second feature.
    const strong = features.includes('suffix') || features.includes('head');
    if (!strong && features.length < 2) continue;
    const weight = BASE + features.reduce((s, f) => s + (FEATURE_WEIGHT[f] ?? 0), 0);
    out.push({ name, weight, at, evidence: spanOf(src, at, at + line.length), features });
  }
  return out;
}
