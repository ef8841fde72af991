import type { Transaction } from 'kysely';
import type { Automated } from './read-message.js';
import { checkComplaint } from '../../rules/index.js';
import { appendCaseEvent, linkMessageToCase } from '../../store/repos/cases.js';
import { findMessageById, insertAttachmentRecords, settleMessage } from '../../store/repos/messages.js';
import { findCaseIdByReplyMessageId } from '../../store/repos/outbox.js';
import type { Database } from '../../store/tables.js';
import { routeComplaint } from '../cases/route-complaint.js';
import type { Ctx } from '../context.js';
import type { Case, Complaint, RawMessage } from '../schemas/index.js';
import type { MessageContent } from './read-content.js';
import { parserAttachmentsBeforeStoring, storeAttachments, type KeptAttachments } from './store-attachments.js';
import { WorkLimitError, type UntrustedWork } from './untrusted-work.js';

export type ProcessOutcome =
  | { status: 'already_processed'; caseId: number | null }
  | { status: 'failed'; error: string }
  | { status: 'ignored'; reason: string; caseId: number | null }
  /** `problems`: what could not be read (an attachment's text...), said to whoever submitted it. */
  | { status: 'processed'; case: Case; joined: boolean; problems: string[] };

/** What the bounded steps made of one stored message; the database is not touched yet. */
export type Prepared =
  | { kind: 'done'; outcome: ProcessOutcome }
  | { kind: 'automated'; message: RawMessage; automated: Extract<Automated, { automated: true }> }
  | { kind: 'failed'; message: RawMessage; error: string }
  | { kind: 'complaint'; message: RawMessage; content: MessageContent; kept: KeptAttachments; complaint: Complaint };

function withOverrides(parsed: Complaint, content: MessageContent): Complaint {
  const merged = { ...parsed, ...content.overrides };
  if (content.platformHint && !content.overrides.platform) merged.platform = content.platformHint;
  return merged;
}

/**
 * A bounded step runs again once in a fresh thread (the machine may just have
 * been busy); over its bound twice, the message is set aside with the reason.
 */
async function twice<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof WorkLimitError)) throw error;
    try {
      return await step();
    } catch (again) {
      if (again instanceof WorkLimitError) throw new WorkLimitError(`set aside: ${again.message} (twice)`, again.limit);
      throw again;
    }
  }
}

/**
 * The part of the pipeline that reads what the sender controls: MIME,
 * automated-mail recognition, attachments (kept in the file store, PDF text
 * read), parsing. Runs on the bounded threads of `ctx.work`, so several
 * messages can be prepared at once while their cases are written in order.
 */
export async function prepareMessage(ctx: Ctx, message: RawMessage): Promise<Prepared> {
  if (message.state !== 'stored') return { kind: 'done', outcome: { status: 'already_processed', caseId: message.caseId } };
  const work: UntrustedWork = ctx.work;
  try {
    // Read and parsed in one step where the port can (one hand-over of the message to a thread instead of two).
    const limits = { maxAttachmentBytes: ctx.limits.maxAttachmentBytes };
    const { content, automated, complaint: early } = await twice(async () =>
      work.readAndParse ? work.readAndParse(message, ctx.ownAddresses, limits) : { ...(await work.read(message, ctx.ownAddresses)), complaint: null },
    );
    if (automated.automated) return { kind: 'automated', message, automated };
    const kept = await storeAttachments(ctx, content.read.attachments, work);
    // Parsed early only if told exactly what it would be told now (a store that keys files otherwise parses again).
    const sameAttachments = early !== null && JSON.stringify(parserAttachmentsBeforeStoring(content.read.attachments, limits.maxAttachmentBytes)) === JSON.stringify(kept.forParser);
    const parsed = sameAttachments ? early : await twice(() =>
      work.parse({
        text: content.read.text,
        html: content.read.html,
        subject: content.read.subject,
        from: content.read.from,
        headers: content.read.headers,
        attachments: kept.forParser,
        platformHint: content.platformHint,
        ownAddresses: ctx.ownAddresses,
      }),
    );
    // The bytes are in the file store now; the case needs only their records.
    for (const attachment of content.read.attachments) attachment.content = Buffer.alloc(0);
    const complaint = withOverrides({ ...parsed, evidenceFiles: [...parsed.evidenceFiles, ...kept.evidence] }, content);
    return { kind: 'complaint', message, content, kept, complaint };
  } catch (error) {
    return { kind: 'failed', message, error: error instanceof Error ? error.message : String(error) };
  }
}

type Written = Exclude<ProcessOutcome, { status: 'already_processed' }>;

/** Another process settled the message first: the transaction is rolled back and the caller looks again. */
class SettledElsewhere extends Error {
  constructor() {
    super('message was processed concurrently');
  }
}

async function writeAutomated(trx: Transaction<Database>, ctx: Ctx, messageId: number, automated: Extract<Automated, { automated: true }>): Promise<Written> {
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
  if (!(await settleMessage(trx, messageId, 'ignored', { caseId, error: `${automated.kind}: ${automated.reason}` }))) throw new SettledElsewhere();
  return { status: 'ignored', reason: automated.reason, caseId };
}

async function writeComplaint(trx: Transaction<Database>, ctx: Ctx, prepared: Extract<Prepared, { kind: 'complaint' }>): Promise<Written> {
  const { message, content, kept, complaint } = prepared;
  const attachmentProblems = kept.records.flatMap((r) => (r.problem ? [`${r.filename ?? 'attachment'}: ${r.problem}`] : []));
  await insertAttachmentRecords(trx, message.id, kept.records);
  const routed = await routeComplaint(trx, ctx, {
    messageId: message.id,
    channel: message.channel,
    read: content.read,
    complaint,
    problems: [...content.read.problems, ...attachmentProblems],
    check: (c) => checkComplaint(c, { platforms: ctx.platforms, now: ctx.now() }).findings,
  });
  if (!(await settleMessage(trx, message.id, 'processed', { caseId: routed.case.id }))) throw new SettledElsewhere();
  return { status: 'processed', case: routed.case, joined: routed.joined, problems: attachmentProblems };
}

/** Everything one prepared message writes; several may share the transaction. */
async function writePrepared(trx: Transaction<Database>, ctx: Ctx, prepared: Exclude<Prepared, { kind: 'done' }>): Promise<Written> {
  if (prepared.kind === 'automated') return writeAutomated(trx, ctx, prepared.message.id, prepared.automated);
  if (prepared.kind === 'complaint') return writeComplaint(trx, ctx, prepared);
  if (!(await settleMessage(trx, prepared.message.id, 'failed', { error: prepared.error }))) throw new SettledElsewhere();
  return { status: 'failed', error: prepared.error };
}

/**
 * Writes what `prepareMessage` found: the case work and the message's mark in
 * one transaction, so a crash leaves the message `stored` and it is simply
 * run again; another process that got there first makes this a no-op.
 */
export async function commitPrepared(ctx: Ctx, prepared: Prepared): Promise<ProcessOutcome> {
  if (prepared.kind === 'done') return prepared.outcome;
  const { message } = prepared;
  try {
    return await ctx.db.transaction().execute((trx) => writePrepared(trx, ctx, prepared));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const again = await findMessageById(ctx.db, message.id);
    if (again && again.state !== 'stored') return { status: 'already_processed', caseId: again.caseId };
    await settleMessage(ctx.db, message.id, 'failed', { error: text });
    return { status: 'failed', error: text };
  }
}

/** A prepared message and the context (request id, clock) it is written with. */
export interface PreparedEntry {
  ctx: Ctx;
  prepared: Prepared;
}

/**
 * Writes several prepared messages, in the order given, in one transaction:
 * on a busy intake the commit, not the statements, is most of the cost of a
 * message. Each message's writes are those of `commitPrepared`, so a crash
 * leaves all of them `stored` and they are run again. When any one of them
 * fails, the transaction is rolled back whole and each is written alone, so
 * a failure stays that message's own and its neighbours are not held back.
 */
export async function commitPreparedBatch(entries: readonly PreparedEntry[]): Promise<ProcessOutcome[]> {
  const writes = entries.filter((e) => e.prepared.kind !== 'done');
  if (writes.length < 2) {
    const outcomes: ProcessOutcome[] = [];
    for (const entry of entries) outcomes.push(await commitPrepared(entry.ctx, entry.prepared));
    return outcomes;
  }
  try {
    return await writes[0]!.ctx.db.transaction().execute(async (trx) => {
      const outcomes: ProcessOutcome[] = [];
      for (const { ctx, prepared } of entries) outcomes.push(prepared.kind === 'done' ? prepared.outcome : await writePrepared(trx, ctx, prepared));
      return outcomes;
    });
  } catch {
    const outcomes: ProcessOutcome[] = [];
    for (const entry of entries) outcomes.push(await commitPrepared(entry.ctx, entry.prepared));
    return outcomes;
  }
}

/**
 * Takes one stored message through the pipeline: read, recognise automated
 * mail, keep attachments, parse, join or open a case, check, queue replies,
 * and mark the message processed.
 */
export async function processMessage(ctx: Ctx, messageId: number): Promise<ProcessOutcome> {
  const message = await findMessageById(ctx.db, messageId);
  if (!message) return { status: 'failed', error: `no stored message ${messageId}` };
  return commitPrepared(ctx, await prepareMessage(ctx, message));
}
