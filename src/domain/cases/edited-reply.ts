import { DomainError } from '../errors.js';
import type { EditedReply } from './review-support.js';

/** A fact of the decision that a reviewer's own wording must still carry, named for the reviewer. */
export interface DecisionFact {
  what: string;
  text: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The reviewer's text as an HTML part: paragraphs and line breaks kept, everything escaped. */
export function htmlOfText(text: string): string {
  const paragraphs = text.trim().split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family: Arial, 'PingFang SC', sans-serif; font-size: 14px; line-height: 1.5;">${paragraphs.join('')}</body></html>`;
}

/**
 * A reviewer may write the reply in their own words, but not drop what was
 * decided: every listing taken down or kept, the reason, the items asked for.
 * Refused with the list of what is missing, so the reviewer can put it back.
 */
export function checkEditedReply(reply: EditedReply | undefined, facts: readonly DecisionFact[]): EditedReply | undefined {
  if (!reply) return undefined;
  const flat = reply.text.replace(/\s+/g, ' ').toLowerCase();
  const missing = facts.filter((f) => f.text.trim() && !flat.includes(f.text.replace(/\s+/g, ' ').trim().toLowerCase()));
  if (missing.length) {
    throw new DomainError('invalid_input', 'Your wording leaves out part of the decision; put it back or leave the text empty to send the standard reply.', {
      fields: { reply_text: `missing: ${missing.map((f) => `${f.what} "${f.text}"`).join('; ')}` },
    });
  }
  return { ...reply, html: reply.html ?? htmlOfText(reply.text) };
}
