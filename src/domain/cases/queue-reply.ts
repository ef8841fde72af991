import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { appendCaseEvent } from '../../store/repos/cases.js';
import { enqueueReply } from '../../store/repos/outbox.js';
import type { Database } from '../../store/tables.js';
import { isOwnAddress, singleAddress } from '../messages/mail-addresses.js';

export interface ReplyThread {
  to: string | null;
  inReplyTo: string | null;
  references: string[];
}

/** Longest name a greeting repeats; a name is a few words, never a message. */
const MAX_GREETING_NAME = 60;

/**
 * The sender's name as a greeting may repeat it: one line, no control
 * characters, short, and nothing that could read as the desk's own words or
 * send the reader somewhere (a link, an address). Otherwise no name at all.
 */
export function greetingName(name: string | null | undefined): string | null {
  if (!name) return null;
  const line = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!line || /:\/\/|www\.|@|[<>{}\[\]]/i.test(line)) return null;
  return line.length > MAX_GREETING_NAME ? `${line.slice(0, MAX_GREETING_NAME - 1).trimEnd()}…` : line;
}

/** What every reply template can use about a case. */
export function replyVars(c: Case, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseNumber: c.number,
    kind: c.kind,
    status: c.status,
    platform: c.platform,
    rightsOwner: c.rightsOwner,
    complainantName: greetingName(c.complaint.complainant.name),
    subject: c.complaint.subject,
    // Each finding in the case's language when the vocabulary has it, so a reply never mixes languages.
    findings: c.findings.map(({ code, element, severity, message, messages }) => ({ code, element, severity, message: messages?.[c.complaint.language] ?? message })),
    // Some element was not read but may be there in other words: a reviewer looks before anyone is asked for it.
    reviewerChecksElements: c.findings.some((f) => !!f.question),
    listings: c.complaint.listings.map(({ url, valid, problem }) => ({ url, valid, problem })),
    ...extra,
  };
}

/**
 * Puts a reply on the queue inside the case's transaction, so a reply exists
 * exactly when the change that caused it was committed.
 */
export async function queueReply(
  trx: Transaction<Database>,
  ctx: Ctx,
  c: Case,
  thread: ReplyThread,
  template: string,
  extra: { vars?: Record<string, unknown>; rendered?: { subject: string; text: string; html: string | null } } = {},
): Promise<number | null> {
  // Exactly one mailbox, never a list, a group or anything that could carry a header; never ourselves.
  const to = singleAddress(thread.to);
  if (!to || isOwnAddress(to, ctx.ownAddresses)) return null;
  const at = ctx.now().toISOString();
  const id = await enqueueReply(trx, {
    caseId: c.id,
    kind: template,
    to,
    template,
    // A reviewer's decision is a person's mail (Auto-Submitted: no); the rest is automatic.
    vars: replyVars(c, { ...extra.vars, byReviewer: ctx.actor.type === 'user' || ctx.actor.type === 'slack' }),
    language: c.complaint.language,
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    rendered: extra.rendered,
    at,
  });
  await appendCaseEvent(trx, {
    caseId: c.id,
    at,
    actor: ctx.actor,
    type: 'reply_queued',
    fromStatus: null,
    toStatus: null,
    data: { outboxId: id, template, to },
  });
  return id;
}
