import type { Transaction } from 'kysely';
import type { ReadMessage } from '../messages/read-message.js';
import { appendCaseEvent, linkMessageToCase } from '../../store/repos/cases.js';
import { findOtherWithMessageId } from '../../store/repos/messages.js';
import type { Database } from '../../store/tables.js';
import type { Ctx } from '../context.js';
import { isBlocking, SYSTEM, type Case, type CaseStatus, type Channel, type Complaint, type Finding } from '../schemas/index.js';
import { checkSender } from '../messages/sender-authentication.js';
import { singleAddress } from '../messages/mail-addresses.js';
import { isFromComplainant, senderOf } from './same-party.js';
import { changeCase } from './change-case.js';
import { findRelatedCase } from './find-related-case.js';
import { mergeComplaint } from './merge-complaint.js';
import { openCase } from './open-case.js';
import { queueReply, type ReplyThread } from './queue-reply.js';
import { holdChange, type HeldChangeKind } from '../complainant/held-changes.js';
import { awaitsCounterNoticeAnswer } from './review-support.js';
import { statusLinkFor } from '../complainant/status-link.js';
import { withdrawNotice } from '../counter-notices/withdraw-complaint.js';
import { recordCounterNoticeEvent } from '../webhooks/record-events.js';

export interface RouteInput {
  messageId: number;
  channel: Channel;
  read: ReadMessage;
  complaint: Complaint;
  /** Problems met while reading the message (charset, attachments); shown on the case. */
  problems: string[];
  check: (complaint: Complaint) => Finding[];
}

/** Statuses in which the sender's answer is still awaited or useful. */
const OPEN_FOR_ANSWERS: readonly CaseStatus[] = ['received', 'deficient', 'in_review', 'awaiting_complainant'];

/** Kinds that are never answered by the desk on its own. */
const SILENT_KINDS: readonly string[] = ['other', 'auto_reply', 'bounce'];

function threadOf(input: RouteInput): ReplyThread {
  const { read } = input;
  // The sender the mail headers name, never an address found in the body or a Reply-To someone else could set;
  // a form, API or Slack submission has no headers and is answered at the address it gave.
  const to = input.channel === 'email' ? read.from?.address ?? null : read.from?.address ?? input.complaint.complainant.email;
  const references = [...read.references, ...(read.messageId ? [read.messageId] : [])];
  return { to, inReplyTo: read.messageId, references };
}

function addsListings(c: Case, complaint: Complaint): boolean {
  const known = new Set(c.complaint.listings.map((l) => l.url));
  return complaint.listings.some((l) => !known.has(l.url));
}

/** Complete notices go to review; incomplete ones wait for the sender. */
async function settleChecked(trx: Transaction<Database>, ctx: Ctx, c: Case, findings: Finding[], input: RouteInput, first: boolean): Promise<Case> {
  const blocking = findings.filter(isBlocking);
  const to: CaseStatus = SILENT_KINDS.includes(c.kind) || blocking.length === 0 ? 'in_review' : 'deficient';
  // The check and the automatic reply are the desk's own steps, whoever filed the message.
  const desk: Ctx = { ...ctx, actor: SYSTEM };
  const checked = await changeCase(trx, desk, c, {
    to,
    fields: { findings: JSON.stringify(findings) },
    event: { type: 'checked', data: { findings: findings.map((f) => f.code), problems: input.problems } },
  });
  // Spam and questions get no automated answer (it would only confirm the address to a spammer),
  // and mail a machine wrote never does (RFC 3834): answering it risks a loop.
  if (SILENT_KINDS.includes(checked.kind)) return checked;
  // The first reply is the acknowledgement either way, so it carries the case's status link.
  if (to === 'deficient') await queueReply(trx, desk, checked, threadOf(input), 'deficiency', { vars: { firstReply: first, statusUrl: first ? statusLinkFor(ctx, checked) : null } });
  else if (first) await queueReply(trx, desk, checked, threadOf(input), 'acknowledgement', { vars: { statusUrl: statusLinkFor(ctx, checked) } });
  return checked;
}

/** An answer that says its links take the place of the earlier ones ("these replace the earlier links", "corrected URLs"). */
const REPLACES_LISTINGS =
  /\b(replac(e|es|ing)|supersed(e|es|ing)|instead of)\s+(all\s+)?(the|my|our)\s+(earlier|previous|prior|old|original|first)\s+(links?|urls?|listings?)\b|\b(corrected|updated|new)\s+(list\s+of\s+)?(links|urls|listings)\s*(\(|:|-|,)?\s*(these|they|which)?\s*replace\b|\bplease\s+(ignore|disregard|drop|remove)\s+(the|my|our)\s+(earlier|previous|old|first)\s+(links?|urls?|listings?)\b|替换(之前|原来|先前)的(链接|网址)|以此为准/i;

/**
 * The complainant answered: what they sent joins the complaint (or replaces its
 * listings when they say so), the case is checked again, and it goes in front
 * of a reviewer with what is still missing, instead of the desk mailing the
 * same list again on its own.
 */
async function answerOnCase(trx: Transaction<Database>, ctx: Ctx, related: Case, input: RouteInput, via: string): Promise<Case> {
  const replaceListings = REPLACES_LISTINGS.test(input.read.text);
  const merged = mergeComplaint(related.complaint, input.complaint, { replaceListings });
  const findings = input.check(merged);
  const waiting = (['received', 'deficient', 'awaiting_complainant'] as CaseStatus[]).includes(related.status);
  return changeCase(trx, ctx, related, {
    ...(waiting ? { to: 'in_review' as const } : {}),
    fields: { complaint: JSON.stringify(merged), findings: JSON.stringify(findings), platform: merged.platform, rights_owner: merged.rightsOwner, ipr_type: merged.iprType },
    event: {
      type: 'sender_answered',
      data: { messageId: input.messageId, via, stillMissing: findings.filter(isBlocking).map((f) => f.code), ...(replaceListings ? { listingsReplaced: merged.listings.map((l) => l.url) } : {}) },
    },
  });
}

/**
 * Decides where a parsed message goes: an answer joins its case and the case
 * is checked again; a counter-notice opens its own case linked to the
 * notice's; a withdrawal ends the case it names; anything else opens a case.
 */
export async function routeComplaint(trx: Transaction<Database>, ctx: Ctx, input: RouteInput): Promise<{ case: Case; joined: boolean }> {
  const routed = await route(trx, ctx, input);
  // A reused Message-ID with different content is kept as a message of its own; the reviewer is told.
  const earlier = input.read.messageId ? await findOtherWithMessageId(trx, input.read.messageId, input.messageId) : null;
  if (earlier) {
    await appendCaseEvent(trx, {
      caseId: routed.case.id,
      at: ctx.now().toISOString(),
      actor: ctx.actor,
      type: 'message_id_reused',
      fromStatus: null,
      toStatus: null,
      data: { messageId: input.messageId, messageIdHeader: input.read.messageId, earlierMessage: earlier.id, earlierCaseId: earlier.caseId },
    });
  }
  return routed;
}

async function route(trx: Transaction<Database>, ctx: Ctx, input: RouteInput): Promise<{ case: Case; joined: boolean }> {
  // The complainant's address is one we can write to: the one read in the text when it is a real address
  // (a form's contact field, a forwarded original), else the sender's; never a redaction mark like "[private]".
  const email = singleAddress(input.complaint.complainant.email) ?? singleAddress(input.read.from?.address);
  const complaint: Complaint = { ...input.complaint, complainant: { ...input.complaint.complainant, email } };
  input = { ...input, complaint };
  // A form, API or Slack submission is a complaint of its own: quoting a case number there joins nothing,
  // but a counter-notice is still linked to the notice it answers.
  const related = input.channel === 'email' || complaint.kind === 'counter_notice' ? await findRelatedCase(trx, input.read, complaint) : null;
  const fromComplainant = related !== null && isFromComplainant(related.case, input.read);
  // Each party's thread is its own: a message joins the complainant's case (and its replies' References)
  // only when it comes from the complainant; anyone else's goes on the linked case it opens.
  if (related && fromComplainant) await linkMessageToCase(trx, related.case.id, input.messageId);

  // A withdrawal or new listings by email change what the platform removes: only an authenticated sender may do that.
  const sender = input.channel === 'email' ? checkSender(input.read, ctx.mailAuth) : null;
  // Kept on the case, not applied; the complainant is asked (at the case's address) to confirm it.
  const holdUnverified = async (change: HeldChangeKind): Promise<{ case: Case; joined: boolean }> => {
    const known = new Set(related!.case.complaint.listings.map((l) => l.url));
    const held = await holdChange(trx, ctx, related!.case, {
      change,
      messageId: input.messageId,
      sender: senderOf(input.read),
      reason: sender && !sender.verified ? sender.reason : null,
      via: related!.via,
      listings: change === 'added_listings' ? complaint.listings.filter((l) => !known.has(l.url)) : [],
    });
    return { case: held, joined: true };
  };

  if (related && fromComplainant && complaint.kind === 'retraction') {
    if (sender && !sender.verified) return holdUnverified('withdrawal');
    // The same withdrawal as on the status page or by a reviewer: removed listings are put back (and the
    // platform told), open counter-notices closed. The sender's own mail needs no confirmation mail.
    const { case: withdrawn } = await withdrawNotice(trx, ctx, related.case, { note: null, notify: false, data: { messageId: input.messageId, via: related.via } });
    return { case: withdrawn, joined: true };
  }
  const isAnswer = complaint.kind === 'reply' || complaint.kind === 'notice';
  if (related && fromComplainant && isAnswer && related.case.kind === 'notice') {
    if (OPEN_FOR_ANSWERS.includes(related.case.status)) {
      // An answer while a counter-notice waits on the complainant is how they reject it by email.
      if (sender && !sender.verified && awaitsCounterNoticeAnswer(related.case)) return holdUnverified('counter_notice_rejection');
      if (sender && !sender.verified && addsListings(related.case, complaint)) return holdUnverified('added_listings');
      return { case: await answerOnCase(trx, ctx, related.case, input, related.via), joined: true };
    }
    if (complaint.kind === 'reply') {
      // A decided case: the answer is kept on its record for the reviewer, nothing reopens by itself.
      await appendCaseEvent(trx, {
        caseId: related.case.id,
        at: ctx.now().toISOString(),
        actor: ctx.actor,
        type: 'sender_wrote',
        fromStatus: null,
        toStatus: null,
        data: { messageId: input.messageId, via: related.via },
      });
      return { case: related.case, joined: true };
    }
  }

  // Linked, not merged: a counter-notice, or anything another party sends about someone else's case.
  const parentCaseId = related ? related.case.id : null;
  const kind = complaint.kind === 'reply' ? 'notice' : complaint.kind;
  const opened = await openCase(trx, ctx, { complaint: { ...complaint, kind }, findings: [], messageId: input.messageId, parentCaseId });
  if (related && parentCaseId) {
    await appendCaseEvent(trx, {
      caseId: parentCaseId,
      at: ctx.now().toISOString(),
      actor: ctx.actor,
      type: complaint.kind === 'counter_notice' ? 'counter_notice_received' : 'related_case_opened',
      fromStatus: null,
      toStatus: null,
      data: complaint.kind === 'counter_notice' ? { counterNoticeCase: opened.number, messageId: input.messageId } : { relatedCase: opened.number, kind, messageId: input.messageId, via: related!.via },
    });
  }
  const checked = await settleChecked(trx, ctx, opened, input.check(opened.complaint), input, true);
  // The platform learns of a counter-notice in the transaction that joined it to the notice, whatever the channel.
  if (related && parentCaseId && checked.kind === 'counter_notice') await recordCounterNoticeEvent(trx, ctx, related.case, checked, input.channel);
  return { case: checked, joined: false };
}
