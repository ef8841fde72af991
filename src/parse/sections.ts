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
}

// Order matters: the first family that matches a header names its role.
const ROLE_PATTERNS: [SectionRole, RegExp][] = [
  ['infringer', /\b(alleged\s+)?infringer'?s?['’]?s?\s+(contact|details|information)|contact (information|details) of the (alleged )?infringer/i],
  ['statement', /^\W*(i|we)\s+(have a good[- ]faith|swear|have taken|have read|certify|consent|confirm that i have)/i],
  ['signature', /type (your )?(full )?(legal )?name|\bsignature\b|^\W*sign(ed)?\W*$|签名|签字/i],
  ['contact', /so that (we|the complaining party) can (get back|contact)|(your|my) (telephone|phone|contact|email|physical address)|contact (information|details)\b|联系方式|联系人/i],
  ['targets', /files? (should|to) be taken down|what files were taken down|(full )?repository url that is infringing|specific (file )?urls?.*infringing|location of the infringing|infringing (page|material|content|url|link|listing|product|repositor|files?|cop(y|ies)|items?)|forks?\b.*(infring|identified separately)|taken down\?|侵权链接|投诉链接|涉嫌侵权/i],
  ['original', /(original|your) (copyrighted )?work|work (was|that was|that has been) allegedly infringed|work referenced above|copyrighted (work|content)|原创作品|权利作品/i],
  ['ownership', /copyright (owner|holder)|owner'?s behalf|ownership|authori[sz]ation to act|owner of the content|权利人/i],
];

const BOLD_LINE = /^\s*(?:\d{1,2}[.)]\s*)?\*\*(.+?)\*\*\s*:?\s*$/;
const NUMBERED_HEADER = /^\s*\d{1,2}[.)]\s+\*\*(.+?)\*\*/;

export function roleOf(header: string): SectionRole {
  const h = header.replace(/<[^>]+>/g, '').replace(/\*+/g, '');
  for (const [role, re] of ROLE_PATTERNS) if (re.test(h)) return role;
  return 'other';
}

function isHeaderLine(line: string, prev: string, next: string): string | null {
  const bold = BOLD_LINE.exec(line) ?? NUMBERED_HEADER.exec(line);
  if (bold) return bold[1]!;
  const t = line.trim();
  // Plain forms and letters: a short standalone line that asks or announces something.
  if (t.length < 12 || t.length > 420) return null;
  if (prev.trim() !== '' && !/^[-=_*]{3,}$/.test(prev.trim())) return null;
  if (!/[?:：？]$/.test(t) && !(next.trim() === '' && /^(please|identify|provide|describe|do you|are you|is the|what|have you|so that)\b/i.test(t))) return null;
  return roleOf(t) === 'other' && !/\?$/.test(t) ? null : t;
}

/** Splits a text into sections. Text before the first header is a section of role `other`. */
export function splitSections(text: string): Section[] {
  const lines = text.split('\n');
  const sections: Section[] = [];
  let offset = 0;
  let current: Section = { role: 'other', header: '', headerStart: 0, bodyStart: 0, bodyEnd: text.length };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = isHeaderLine(line, lines[i - 1] ?? '', lines[i + 1] ?? '');
    if (header !== null) {
      current.bodyEnd = offset;
      sections.push(current);
      const bodyStart = Math.min(text.length, offset + line.length + 1);
      current = { role: roleOf(header), header, headerStart: offset, bodyStart, bodyEnd: text.length };
    }
    offset += line.length + 1;
  }
  current.bodyEnd = text.length;
  sections.push(current);
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
    if (/penalty of perjury|good[- ]faith belief|sincerely|regards/i.test(block)) break;
    end = at;
  }
  return end;
}
