import type { Span } from '../domain/schemas/complaint.js';
import { spanOf, type SourceText } from './span.js';

// Quoted history below the sender's own text is not the sender's sign-off.
const QUOTED = /^(?:-{2,}\s*(?:Original Message|Forwarded message)|On .{5,120} wrote:$|From: .+$|>)/im;
// "Counsel for Acme", "on behalf of Acme", "c/o Acme": the line names a client, not an employer.
const FOR_SOMEONE = /\b(for|on behalf of|obo|c\/o|representing|acting for|agents? (of|to)|counsel to)\s*$/i;
const LEGAL_SUFFIX = /[,\s]+(Inc\.?|Ltd\.?|Limited|LLC|GmbH|AG|SA|S\.A\.|AB|AS|Oy|B\.V\.|N\.V\.|S\.p\.A\.|S\.r\.l\.|Pte\.? Ltd\.?|Sdn\.? Bhd\.?|Co\.?,? Ltd\.?|Corp\.?|PLC|Pty\.? Ltd\.?|有限公司|股份有限公司|公司)$/i;
const CC_LINE = /^[ \t*_>-]*b?cc[ \t]*:/i;
const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The sender's last paragraph (the sign-off block), above any quoted history. */
function closingBlock(text: string): { text: string; start: number } | null {
  const q = QUOTED.exec(text);
  const own = q ? text.slice(0, q.index) : text;
  const blocks = [...own.matchAll(/[^\n](?:[^\n]|\n(?![ \t]*\n))*/g)];
  const last = blocks.at(-1);
  return last ? { text: last[0], start: last.index ?? 0 } : null;
}

/**
 * A sign-off line that names the rights owner as the signer's company ("Head of IP, Acme AB",
 * "Legal, PT Acme", or the company line alone under the name) shows the sender is the owner's staff.
 */
export function ownerStaffLine(src: SourceText, owner: string | null): Span | null {
  if (!owner) return null;
  const full = norm(owner);
  const bare = norm(owner.replace(LEGAL_SUFFIX, ''));
  // "Acme Horlogerie SA" signs as "Acme Horlogerie"; a short bare name ("Acme") must keep its suffix to count.
  const key = bare.length >= 5 ? bare : full;
  if (key.length < 4) return null;
  const block = closingBlock(src.text);
  if (!block) return null;
  const lines = block.text.split('\n');
  if (lines.length > 10) return null;
  let off = block.start;
  for (const line of lines) {
    const n = ` ${norm(line)} `;
    const at = n.indexOf(` ${key} `);
    // "cc: Acme, Inc." names a copy's recipient, not the signer's company.
    if (at >= 0 && !/@|https?:/.test(line) && !CC_LINE.test(line)) {
      const raw = line.toLowerCase();
      const pos = raw.indexOf(key.split(' ')[0]!);
      if (!FOR_SOMEONE.test(line.slice(0, Math.max(0, pos)))) return spanOf(src, off, off + line.length);
    }
    off += line.length + 1;
  }
  return null;
}
