import type { NoticeKind } from '../domain/schemas/complaint.js';
import { compileCues, LEXICONS, type KindCues } from './lexicons.js';

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

const BOUNCE_FROM = /mailer-daemon|postmaster|mail delivery (subsystem|system)|delivery status notification/i;
const BOUNCE_SUBJECT = /undeliver(able|ed)|delivery (status notification|failure|has failed)|mail delivery failed|returned mail|failure notice|delivery incomplete|退信|投递失败|无法投递/i;
const BOUNCE_TEXT = /(message|mail) (could not|couldn't|wasn't|was not) (be )?delivered|delivery (to the following recipients?|has) failed|permanent (fatal )?error|\b5\.\d\.\d{1,3}\b.{0,80}(user unknown|does not exist|mailbox|rejected)|address (was not found|couldn't be found)|recipient address rejected|无法(送达|投递)/i;
const AUTO_SUBJECT = /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|autoreply|auto:|on vacation|away from (the )?office)|自动回复|自動回覆|休假/i;
const AUTO_TEXT = /\b(i am|i'm|i will be|currently) (currently )?(out of (the )?office|away|on (annual |parental |sick )?leave|on vacation|travell?ing)\b|limited access to (my )?e-?mail|this is an automat(ed|ic) (reply|response|message)|thank you for (your (e-?mail|message)|contacting us)[^.]{0,80}(we will|we'll) (respond|reply|get back)|(此邮件|这是一封)?自动回复|我(目前)?(正在)?休假/i;
// Withdrawals, their reasons, undoing verbs, an owned-up error and the platform's own reversals: phrase lists of the lexicons.
const NEVER = /(?!)/;
const cues = (pick: (c: KindCues) => readonly string[]): RegExp => compileCues(LEXICONS, pick) ?? NEVER;
const RETRACTION = cues((c) => c.retraction);
const RETRACTION_REASON = cues((c) => c.retractionReason);
const RETRACTION_UNDO = cues((c) => c.retractionUndo);
// Counter-notices say the same of the other side's notice, so an owned-up error counts only in a document with no counter-notice cue.
const OWN_ERROR = cues((c) => c.ownError);
const PROVIDER_DECISION = cues((c) => c.providerDecision);
const COUNTER = /counter[- ]?(notice|notification)|mistake or misidentification|consent to the jurisdiction|accept service of process|\b(my|our) (listing|repository|repo|content|product|store|shop|files?)s? (was|were|has been|have been) (wrongly |wrongfully )?(removed|disabled|taken down)|removed (or disabled )?(as a result of|by) (a )?mistake|反通知|申诉|不侵权声明/i;
const COUNTER_OWN = /\b(i|we) (am|are|hereby) (submitting|filing|sending) (this|a|my|our) counter|guide to (filing|submitting) a dmca counter|content that has been disabled|what files were taken down|反通知/i;
const NOTICE = /\b(dmca|infring\w*|takedown|take down|copyright(ed)?|trademark|patent|counterfeit\w*|penalty of perjury|good[- ]faith belief|intellectual property|unauthori[sz]ed|pirat\w+)\b|投诉|知识产权|侵权|商标|专利|著作权|版权|假冒|盗版/gi;
const SPAM = /\b(viagra|casino|lottery|crypto(currency)? (investment|opportunity)|seo (services|ranking)|backlinks|guest post|increase your (sales|traffic)|click here to (claim|unsubscribe)|unsubscribe)\b/i;

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
    return BOUNCE_TEXT.test(k.text) ? 'bounce' : 'auto_reply';
  }
  if (AUTO_SUBJECT.test(subject.trim())) return 'auto_reply';
  const head = k.text.slice(0, 1500);
  if (BOUNCE_TEXT.test(head)) return 'bounce';
  if (AUTO_TEXT.test(head) && k.text.length < 2500) return 'auto_reply';

  if (PROVIDER_DECISION.test(k.text)) return 'other';
  const counterOwn = COUNTER_OWN.test(k.text);
  const counter = COUNTER.test(k.text);
  const retraction = RETRACTION.test(k.text) || RETRACTION_REASON.test(k.text) || RETRACTION_UNDO.test(k.text) || (OWN_ERROR.test(k.text) && !counter);
  if (retraction && !counterOwn) return 'retraction';
  if (counterOwn || (counter && !/good[- ]faith belief[^.]{0,200}not authori[sz]ed/i.test(k.text))) return 'counter_notice';
  const noticeCues = new Set((k.text.match(NOTICE) ?? []).map((s) => s.toLowerCase())).size;
  if (k.referencedCase) return 'reply';
  if (SPAM.test(k.text) && noticeCues < 3) return 'other';
  if (noticeCues >= 3 || (noticeCues >= 1 && k.urlCount > 0)) return 'notice';
  if (/^(re|aw|sv|回复|答复)\s*[:：]/i.test(subject) && noticeCues >= 1) return 'reply';
  return 'other';
}
