import type { Transaction } from 'kysely';
import { classifyAutomated } from '../../intake/automated.js';
import { stripOwnQuotedHistory } from '../../intake/mime/quoted-history.js';
import { parseNotice } from '../../parse/index.js';
import { checkComplaint } from '../../rules/index.js';
import { appendCaseEvent, linkMessageToCase } from '../../store/repos/cases.js';
import { findMessageById, insertAttachmentRecords, settleMessage } from '../../store/repos/messages.js';
import { findCaseIdByReplyMessageId } from '../../store/repos/outbox.js';
import type { Database } from '../../store/tables.js';
import { routeComplaint } from '../cases/route-complaint.js';
import type { Ctx } from '../context.js';
import type { Case, Complaint } from '../schemas/index.js';
import { readContent, type MessageContent } from './read-content.js';
import { storeAttachments } from './store-attachments.js';

export type ProcessOutcome =
  | { status: 'already_processed'; caseId: number | null }
  | { status: 'failed'; error: string }
  | { status: 'ignored'; reason: string; caseId: number | null }
  | { status: 'processed'; case: Case; joined: boolean };

function withOverrides(parsed: Complaint, content: MessageContent): Complaint {
  const merged = { ...parsed, ...content.overrides };
  if (content.platformHint && !content.overrides.platform) merged.platform = content.platformHint;
  return merged;
}

async function ignoreAutomated(ctx: Ctx, messageId: number, content: MessageContent): Promise<ProcessOutcome | null> {
  const automated = classifyAutomated(content.read, [...ctx.ownAddresses]);
  if (!automated.automated) return null;
  return ctx.db.transaction().execute(async (trx) => {
    let caseId: number | null = null;
    if (automated.kind === 'bounce' && automated.bouncedMessageId) {
      caseId = await findCaseIdByReplyMessageId(trx, [automated.bouncedMessageId]);
      if (caseId) {
        await linkMessageToCase(trx, caseId, messageId);
        await appendCaseEvent(trx, {
          caseId,
          at: ctx.now().toISOString(),
          actor: ctx.actor,
          type: 'reply_bounced',
          fromStatus: null,
          toStatus: null,
          data: { messageId, bouncedMessageId: automated.bouncedMessageId, reason: automated.reason },
        });
      }
    }
    await settleMessage(trx, messageId, 'ignored', { caseId, error: `${automated.kind}: ${automated.reason}` });
    return { status: 'ignored', reason: automated.reason, caseId } as const;
  });
}

/**
 * Takes one stored message through the pipeline: read, recognise automated
 * mail, keep attachments, parse, join or open a case, check, queue replies,
 * and mark the message processed — the case work and the mark in one
 * transaction, so a crash leaves the message `stored` and it is simply run again.
 */
export async function processMessage(ctx: Ctx, messageId: number): Promise<ProcessOutcome> {
  const message = await findMessageById(ctx.db, messageId);
  if (!message) return { status: 'failed', error: `no stored message ${messageId}` };
  if (message.state !== 'stored') return { status: 'already_processed', caseId: message.caseId };
  try {
    const content = await readContent(message);
    const ignored = message.channel === 'email' ? await ignoreAutomated(ctx, messageId, content) : null;
    if (ignored) return ignored;
    const kept = await storeAttachments(ctx, content.read.attachments);
    // What the sender wrote, without a quotation of our own reply (which spells out the statements we asked for).
    const own = stripOwnQuotedHistory(content.read.text, ctx.ownAddresses);
    const parsed = parseNotice({
      text: own.text,
      html: own.quoted === null ? content.read.html : null,
      subject: content.read.subject,
      from: content.read.from,
      headers: content.read.headers,
      attachments: kept.forParser,
      platformHint: content.platformHint,
    }, { platforms: ctx.platforms });
    const complaint = withOverrides({ ...parsed, evidenceFiles: [...parsed.evidenceFiles, ...kept.evidence] }, content);
    return await ctx.db.transaction().execute(async (trx: Transaction<Database>) => {
      await insertAttachmentRecords(trx, messageId, kept.records);
      const routed = await routeComplaint(trx, ctx, {
        messageId,
        channel: message.channel,
        read: content.read,
        complaint,
        problems: [...content.read.problems, ...kept.records.flatMap((r) => (r.problem ? [`${r.filename ?? 'attachment'}: ${r.problem}`] : []))],
        check: (c) => checkComplaint(c, { platforms: ctx.platforms, now: ctx.now() }).findings,
      });
      const settled = await settleMessage(trx, messageId, 'processed', { caseId: routed.case.id });
      if (!settled) throw new Error('message was processed concurrently');
      return { status: 'processed', case: routed.case, joined: routed.joined } as const;
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (text === 'message was processed concurrently') {
      const again = await findMessageById(ctx.db, messageId);
      return { status: 'already_processed', caseId: again?.caseId ?? null };
    }
    await settleMessage(ctx.db, messageId, 'failed', { error: text });
    return { status: 'failed', error: text };
  }
}
