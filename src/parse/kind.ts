import type { NoticeKind } from '../domain/schemas/complaint.js';
import { compileCues, LEXICONS, type KindCues } from './lexicons.js';
import { escapeRegExp } from './compiled.js';

export interface KindInput {
  /** Sender text with host notes and form prompts blanked out. */
  text: string;
  subject: string | null;
  fromName: string | null;
  fromAddress: string | null;
  headers: Record<string, string>;
  referencedCase: string | null;
  urlCount: number;
}

const header = (h: Record<string, string>, name: string): string => {
  for (const [k, v] of Object.entries(h)) if (k.toLowerCase() === name) return v;
  return '';
};

// Every phrase is in the lexicons (`data/lexicons/<lang>.json`, `kindCues`); a family no lexicon fills never matches.
const NEVER = /(?!)/;
const cues = (pick: (c: KindCues) => readonly string[], opts?: { at?: 'start'; flags?: string }): RegExp => compileCues(LEXICONS, pick, opts) ?? NEVER;
const BOUNCE_FROM = cues((c) => c.bounceSender);
const BOUNCE_SUBJECT = cues((c) => c.bounceSubject);
// SMTP's enhanced status codes (RFC 3463) are the same in every language; the words after them are English.
const BOUNCE_STATUS = /\b5\.\d\.\d{1,3}\b.{0,80}(user unknown|does not exist|mailbox|rejected)/i;
const BOUNCE_TEXT = cues((c) => c.bounceText);
const AUTO_SUBJECT = cues((c) => c.autoSubject, { at: 'start' });
const AUTO_SUBJECT_ANYWHERE = cues((c) => c.autoSubjectAnywhere);
const AUTO_TEXT = cues((c) => c.autoText);
// Withdrawals, their reasons, undoing verbs, an owned-up error and the platform's own reversals.
const RETRACTION = cues((c) => c.retraction);
const RETRACTION_REASON = cues((c) => c.retractionReason);
const RETRACTION_UNDO = cues((c) => c.retractionUndo);
// Counter-notices say the same of the other side's notice, so an owned-up error counts only in a document with no counter-notice cue.
const OWN_ERROR = cues((c) => c.ownError);
const PROVIDER_DECISION = cues((c) => c.providerDecision);
const COUNTER = cues((c) => c.counter);
const COUNTER_OWN = cues((c) => c.counterOwn);
const NOTICE_BELIEF = cues((c) => c.noticeBelief);
const NOTICE = cues((c) => c.noticeWords, { flags: 'g' });
const SPAM = cues((c) => c.spam);
const REPLY_SUBJECT = new RegExp(`^(?:${LEXICONS.flatMap((l) => l.kindCues.replyPrefixes).map(escapeRegExp).join('|')})\\s*[:：]`, 'i');
const LINK = /\bhttps?:\/\/\S+/gi;
const bounceText = (text: string): boolean => BOUNCE_TEXT.test(text) || BOUNCE_STATUS.test(text);

/**
 * Kind of a message. Transport signals (headers, sender, subject) decide
 * bounces and auto-replies first because their bodies quote the original notice.
 */
export function detectKind(k: KindInput): NoticeKind {
  const subject = k.subject ?? '';
  const ctype = header(k.headers, 'content-type');
  if (/multipart\/report/i.test(ctype) && /delivery-status/i.test(ctype)) return 'bounce';
  if (BOUNCE_FROM.test(`${k.fromName ?? ''} ${k.fromAddress ?? ''}`) || BOUNCE_SUBJECT.test(subject)) return 'bounce';
  const auto = header(k.headers, 'auto-submitted');
  if ((auto && !/^no\b/i.test(auto)) || header(k.headers, 'x-autoreply') || header(k.headers, 'x-autorespond') || /auto_reply/i.test(header(k.headers, 'precedence'))) {
    return bounceText(k.text) ? 'bounce' : 'auto_reply';
  }
  if (AUTO_SUBJECT.test(subject) || AUTO_SUBJECT_ANYWHERE.test(subject)) return 'auto_reply';
  const head = k.text.slice(0, 1500);
  if (bounceText(head)) return 'bounce';
  if (AUTO_TEXT.test(head) && k.text.length < 2500) return 'auto_reply';

  if (PROVIDER_DECISION.test(k.text)) return 'other';
  // A link's slug ("guide-to-submitting-a-dmca-counter-notice") is the form's, not the sender calling its message a counter-notice.
  const counterOwn = COUNTER_OWN.test(k.text.replace(LINK, ' '));
  const counter = COUNTER.test(k.text);
  const retraction = RETRACTION.test(k.text) || RETRACTION_REASON.test(k.text) || RETRACTION_UNDO.test(k.text) || (OWN_ERROR.test(k.text) && !counter);
  if (retraction && !counterOwn) return 'retraction';
  if (counterOwn || (counter && !NOTICE_BELIEF.test(k.text))) return 'counter_notice';
  const noticeCues = new Set((k.text.match(NOTICE) ?? []).map((s) => s.toLowerCase())).size;
  if (k.referencedCase) return 'reply';
  if (SPAM.test(k.text) && noticeCues < 3) return 'other';
  if (noticeCues >= 3 || (noticeCues >= 1 && k.urlCount > 0)) return 'notice';
  if (REPLY_SUBJECT.test(subject) && noticeCues >= 1) return 'reply';
  return 'other';
}
