/**
 * Web-form notices arrive as "question, answer" pairs; letters as paragraphs.
 * A section is a header line plus the text up to the next header, and its
 * role tells the URL and element rules what the answer is about.
 */
export type SectionRole =
  | 'ownership'
  | 'original'
  | 'targets'
  | 'contact'
  | 'infringer'
  | 'signature'
  | 'statement'
  | 'other';

export interface Section {
  role: SectionRole;
  header: string;
  headerStart: number;
  bodyStart: number;
  bodyEnd: number;
  /** The header is a form prompt (masked before statements are read), not the sender's own lead-in sentence. */
  prompt: boolean;
  /** The header is set off as a form question (bold or ending in "?" or ":", worded as a question), not a letter's sentence or heading. */
  form: boolean;
}

// Order matters: the first family that matches a header names its role.
const ROLE_PATTERNS: [SectionRole, RegExp][] = [
  // The licence question names the infringing files but asks about the licence: its links are licence pages.
  ['other', /\bopen[- ]source licen[cs]e\b/i],
  ['infringer', /\b(alleged\s+)?infringer\S{0,4}\s+(contact|details|information)|contact (information|details) of the (alleged )?infringer/i],
  ['statement', /^\W*(i|we)\s+(have a good[- ]faith|swear|have taken|have read|certify|consent|confirm that i have)/i],
  ['signature', /type (your )?(full )?(legal )?name|\bsignature\b|^\W*sign(ed)?\W*$|签名|签字/i],
  ['contact', /so that (we|the complaining party) can (get back|contact)|(your|my) (telephone|phone|contact|email|physical address)|provide an? (telephone|phone) number|contact (information|details)\b|联系方式|联系人/i],
  ['targets', /files? (should|to) be taken down|what files were taken down|(full )?repository url that is infringing|specific (file )?urls?.*infringing|location of the infringing|infringing (page|material|content|url|link|listing|product|repositor|files?|cop(y|ies)|items?)|(pirated|counterfeit|unauthori[sz]ed|fake) (cop(y|ies)|versions?|goods|products?|listings?|items?)|forks?\b.*(infring|identified separately)|taken down\?|侵权链接|投诉链接|涉嫌侵权/i],
  ['original', /(original|your) (copyrighted )?work|work (was|that was|that has been) allegedly infringed|work referenced above|copyrighted (work|content)|原创作品|权利作品/i],
  ['ownership', /copyright (owner|holder)|owner'?s behalf|ownership|authori[sz]ation to act|owner of the content|权利人/i],
];

const BOLD_LINE = /^\s*(?:\d{1,2}[.)]\s*)?(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/;
const NUMBERED_HEADER = /^\s*\d{1,2}[.)]\s+\*\*(.+?)\*\*/;
// Questions and instructions of web forms open with these words; a letter's own sentences do not.
const PROMPT_START = /^(?:are|is|do|does|did|have|has|what|which|where|who|how|please|identify|provide|describe|explain|if|each|type|so that|confirm)\b/i;
const STATEMENT_PARAGRAPH = /^\W*(?:i|we)\s+(?:(?:also\s+)?have a good[- ]faith belief|swear|hereby (?:state|declare|swear|certify)|declare,? under penalty)/i;

export function roleOf(header: string): SectionRole {
  // A statement quoted inside a prompt ("Type the following statement: ...") does not decide the prompt's role.
  const h = header.replace(/<[^>]+>/g, '').replace(/\*+/g, '').replace(/(\S)\s*["“][^"”]{20,}["”]/g, '$1');
  for (const [role, re] of ROLE_PATTERNS) if (re.test(h)) return role;
  return 'other';
}

/**
 * Where a prompt ends when the answer follows on the same line ("Question? Yes, I am ...").
 * Sentences are read while they open like a prompt; a quoted statement after
 * "the following statement:" still belongs to the prompt.
 */
function promptEnd(line: string): number | null {
  let pos = 0;
  let end = -1;
  let quoteNext = false;
  while (pos < line.length) {
    const lead = /^\s*/.exec(line.slice(pos))![0].length;
    const s = line.slice(pos + lead);
    if (!s) break;
    const quoted = /^["“]/.test(s);
    if (!(PROMPT_START.test(s) || (quoteNext && quoted))) break;
    let e = -1;
    let inQuote = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === '"' || c === '“' || c === '”') {
        inQuote = c === '“' ? true : c === '”' ? false : !inQuote;
        if (!inQuote && quoted) {
          e = i + 1;
          break;
        }
        continue;
      }
      if (inQuote) continue;
      if (/[?:.：？]/.test(c) && (i + 1 === s.length || /\s/.test(s[i + 1]!))) {
        e = i + 1;
        break;
      }
    }
    if (e < 0) return null;
    quoteNext = /statement\s*[:：]$/i.test(s.slice(0, e));
    pos += lead + e;
    end = pos;
  }
  return end > 0 && line.slice(end).trim() ? end : null;
}

interface HeaderHit {
  header: string;
  /** Lines the header spans. */
  lines: number;
  /** Characters of the last header line that belong to the header (the rest is the answer). */
  tail: number | null;
  prompt?: boolean;
  bold?: boolean;
}

const APPENDIX = /^[#*_\s]*(?:appendix|exhibit|schedule|annex(?:ure)?)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b(?:\s*[.:)–—-]|\s*$)/i;

function plainHeader(t: string, prev: string, next: string): boolean {
  if (t.length < 12 || t.length > 420) return false;
  if (prev.trim() !== '' && !/^[-=_*]{3,}$/.test(prev.trim())) return false;
  // A letter's own sentence ending in a colon heads a section only when it introduces the infringing copies.
  if (/^(?:I|We|My|Our)\b/.test(t) && roleOf(t) !== 'targets') return false;
  if (!/[?:：？]$/.test(t) && !(next.trim() === '' && /^(please|identify|provide|describe|do you|are you|is the|what|have you|so that)\b/i.test(t))) return false;
  return roleOf(t) !== 'other' || /[?？]$/.test(t);
}

/** A question or instruction of a web form: bold or ending in "?" or ":", and worded as a question (not a letter's bold heading such as "Introduction"). */
function formQuestion(hit: HeaderHit): boolean {
  const h = hit.header.trim();
  const asks = /[?:：？]$/.test(h);
  return (asks || !!hit.bold) && (asks || PROMPT_START.test(h));
}

// A prompt of the guide quoted by the sender ("> Provide information on which GitHub may contact you ..."), answered below it.
const QUOTE_MARK = /^[ \t]*>[ \t]?(?=\S)/;

function headerAt(lines: readonly string[], i: number): HeaderHit | null {
  const line = lines[i]!.replace(QUOTE_MARK, '');
  const prev = lines[i - 1] ?? '';
  const bold = BOLD_LINE.exec(line) ?? NUMBERED_HEADER.exec(line);
  if (bold) return { header: bold[1]!, lines: 1, tail: null, prompt: true, bold: true };
  const t = line.trim();
  // Question and answer on one line.
  if (PROMPT_START.test(t)) {
    const lead = line.length - line.trimStart().length;
    const end = promptEnd(t);
    if (end !== null) {
      const q = t.slice(0, end).trim();
      if (q.length >= 12 && q.length <= 600 && (roleOf(q) !== 'other' || /[?？]/.test(q) || /^(type|please)\b/i.test(q))) return { header: q, lines: 1, tail: lead + end };
    }
  }
  if (plainHeader(t, prev, lines[i + 1] ?? '')) return { header: t, lines: 1, tail: null };
  // "Appendix B. Representative List of Infringing URL(s)": an attachment heading ends the sign-off above it.
  if (APPENDIX.test(t) && t.length <= 160 && (prev.trim() === '' || /^[-=_*]{3,}$/.test(prev.trim()))) return { header: t, lines: 1, tail: null, prompt: false };
  const atStart = prev.trim() === '' || /^[-=_*]{3,}$/.test(prev.trim());
  if (!atStart) return null;
  // Hard-wrapped prompts: a bold, italic or plain question spread over a few lines.
  const open = /^\s*(\*\*|__|\*(?![*\s]))/.exec(line)?.[1];
  if (open || PROMPT_START.test(t)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
      if (!lines[j]!.trim()) break;
      const joined = lines.slice(i, j + 1).map((l) => l.trim()).join(' ');
      if (open) {
        const close = open === '*' ? /\*\s*:?\s*$/ : open === '__' ? /__\s*:?\s*$/ : /\*\*\s*:?\s*$/;
        if (close.test(joined)) return { header: joined.replace(/^[*_]+|[*_]+\s*:?\s*$/g, ''), lines: j - i + 1, tail: null, prompt: true, bold: true };
      } else if (plainHeader(joined, prev, lines[j + 1] ?? '')) {
        return { header: joined, lines: j - i + 1, tail: null };
      }
    }
  }
  return null;
}

/** Splits a text into sections. Text before the first header is a section of role `other`. */
export function splitSections(text: string): Section[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let off = 0;
  for (const l of lines) {
    starts.push(off);
    off += l.length + 1;
  }
  const sections: Section[] = [];
  let current: Section = { role: 'other', header: '', headerStart: 0, bodyStart: 0, bodyEnd: text.length, prompt: false, form: false };
  const open = (s: Section): void => {
    current.bodyEnd = s.headerStart;
    sections.push(current);
    current = s;
  };
  for (let i = 0; i < lines.length; i++) {
    const hit = headerAt(lines, i);
    if (hit) {
      const last = i + hit.lines - 1;
      const bodyStart = hit.tail !== null ? starts[last]! + hit.tail : Math.min(text.length, starts[last]! + lines[last]!.length + 1);
      open({ role: roleOf(hit.header), header: hit.header, headerStart: starts[i]!, bodyStart, bodyEnd: text.length, prompt: hit.prompt ?? (PROMPT_START.test(hit.header) || /[?？]$/.test(hit.header)), form: formQuestion(hit) });
      i = last;
      continue;
    }
    // A statement paragraph closes the answer above it: what follows is the sender's own text again.
    if ((lines[i - 1] ?? '').trim() === '' && current.role !== 'statement' && current.header && STATEMENT_PARAGRAPH.test(lines[i]!)) {
      open({ role: 'statement', header: '', headerStart: starts[i]!, bodyStart: starts[i]!, bodyEnd: text.length, prompt: false, form: false });
    }
  }
  current.bodyEnd = text.length;
  sections.push(current);
  // A web form puts several questions; one lone question-like line is a letter's own sentence ("Please remove the copies below:").
  if (sections.filter((s) => s.form).length < 2) for (const s of sections) s.form = false;
  return sections.filter((s, i) => i > 0 || s.bodyEnd > s.bodyStart);
}

export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  for (const s of sections) if (offset >= s.headerStart && offset < s.bodyEnd) return s;
  return null;
}

export function inHeader(s: Section, offset: number): boolean {
  return offset >= s.headerStart && offset < s.bodyStart;
}

/** Body of a section without redaction marks, list bullets or filler answers. */
export function meaningfulBody(text: string, s: Section): string {
  return text
    .slice(s.bodyStart, s.bodyEnd)
    .replace(/\[(private|redacted|invalid)\]/gi, 'X')
    .replace(/^\s*(n\/?a|none|no|-)\s*\.?\s*$/gim, '')
    .trim();
}

/**
 * A note a host or forwarder put above the sender's text, cut off by a
 * horizontal rule. It is short, comes first, and is not the sender's words,
 * so statements and URLs in it do not count.
 */
export function preambleEnd(text: string): number {
  let end = 0;
  const re = /^[ \t]*-{3,}[ \t]*$/gm;
  for (const m of text.matchAll(re)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at > 1600 || at > text.length * 0.5) break;
    const block = text.slice(end, m.index);
    // The sender's own first lines (a greeting, "I have read ...") are never a host note.
    if (/penalty of perjury|good[- ]faith belief|sincerely|regards|\bI\b|\bmy\b/i.test(block) || /^\s*(dear|to|hi|hello)\b/i.test(block)) break;
    end = at;
  }
  return end;
}
