import type { NoticeInput } from './input.js';

/**
 * Upper bounds on what the parser reads of each field. A real notice, even one
 * with 800 listing URLs and a long letter, stays far below them; past them the
 * rest of the field is not read (the message itself is stored whole upstream).
 */
export const LIMITS = {
  text: 2_000_000,
  html: 4_000_000,
  subject: 2_000,
  fromName: 1_000,
  fromAddress: 320,
  attachmentText: 2_000_000,
  attachments: 50,
} as const;

const cut = (s: string | null, max: number): string | null => (s !== null && s.length > max ? s.slice(0, max) : s);

export function capInput(input: NoticeInput): NoticeInput {
  return {
    ...input,
    text: cut(input.text, LIMITS.text)!,
    html: cut(input.html, LIMITS.html),
    subject: cut(input.subject, LIMITS.subject),
    from: input.from ? { name: cut(input.from.name, LIMITS.fromName), address: cut(input.from.address, LIMITS.fromAddress) } : null,
    attachments: input.attachments.slice(0, LIMITS.attachments).map((a) => ({ ...a, text: cut(a.text, LIMITS.attachmentText) })),
  };
}
