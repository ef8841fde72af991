import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Ctx } from '../../domain/context.js';
import { readCase } from '../../domain/cases/read-case.js';
import type { CaseEvent } from '../../domain/schemas/index.js';
import { findCaseById } from '../../store/repos/cases.js';
import { releaseLease, tryAcquireLease } from '../../store/repos/leases.js';
import {
  advanceSlackPost,
  claimSlackPost,
  dropSlackPostClaim,
  findSlackPost,
  listCaseEventsAfter,
  readSlackCheckpoint,
  saveSlackCheckpoint,
  saveSlackPost,
} from '../../store/repos/slack.js';
import { caseMessage } from './case-message.js';
import { CASE_POST_EVENT, findCasePostInChannel } from './find-case-post.js';
import { eventText } from './event-text.js';

const CHECKPOINT = 'case-events';
const BATCH = 100;
/** Instances sharing a database take turns: only the lease holder posts. */
const LEASE = 'slack-case-poster';
const LEASE_MS = 60_000;

export interface CasePosterOptions {
  client: webApi.WebClient;
  ctx: () => Ctx;
  channel: string;
  consoleUrl: string;
  log: (line: string) => void;
}

/**
 * Follows the case records: a case that reaches review is posted to the
 * channel once, and what happens to it afterwards goes into the message's
 * thread, with the message itself kept up to date. The checkpoint is the last
 * case event handled, so a restart picks up where it stopped.
 */
export class CasePoster {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly holder = `${process.pid}-${randomUUID()}`;

  constructor(private readonly options: CasePosterOptions) {}

  /** Handles every case event not handled yet; returns how many. Calls never overlap. */
  poll(): Promise<number> {
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  start(intervalMs: number): void {
    const tick = () => {
      this.poll()
        .catch((error: unknown) => this.options.log(`slack: posting cases: ${(error as Error).message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await releaseLease(this.options.ctx().db, LEASE, this.holder).catch(() => undefined);
  }

  private async drain(): Promise<number> {
    const ctx = this.options.ctx();
    if (!(await tryAcquireLease(ctx.db, LEASE, this.holder, ctx.now(), LEASE_MS))) return 0;
    let handled = 0;
    for (;;) {
      const after = (await readSlackCheckpoint(ctx.db, CHECKPOINT)) ?? 0;
      const events = await listCaseEventsAfter(ctx.db, after, BATCH);
      if (!events.length) return handled;
      const changed = new Set<number>();
      for (const event of events) {
        // Renewed before each event: a long backlog outlasts one lease, and another instance would then post the same cases.
        if (!(await tryAcquireLease(ctx.db, LEASE, this.holder, ctx.now(), LEASE_MS))) return handled;
        if (await this.handle(ctx, event)) changed.add(event.caseId);
        await saveSlackCheckpoint(ctx.db, CHECKPOINT, event.id, ctx.now().toISOString());
        handled += 1;
      }
      for (const caseId of changed) await this.refresh(ctx, caseId);
    }
  }

  /** Returns true when the case's message should be redrawn. */
  private async handle(ctx: Ctx, event: CaseEvent): Promise<boolean> {
    if (event.type === 'note') await this.tellMentioned(ctx, event);
    const post = await findSlackPost(ctx.db, event.caseId);
    if (!post) {
      if (event.toStatus === 'in_review') await this.postCase(ctx, event.caseId);
      return false;
    }
    if (event.id <= post.lastEventId) return false;
    const text = eventText(event);
    if (text) {
      await this.call(() => this.options.client.chat.postMessage({ channel: post.channel, thread_ts: post.ts, text, unfurl_links: false }));
    }
    await advanceSlackPost(ctx.db, event.caseId, event.id);
    return event.toStatus !== null || event.type === 'assigned' || event.type === 'unassigned';
  }

  /** A reviewer @mentioned in a note, linked to a Slack user, gets a direct message from the bot. */
  private async tellMentioned(ctx: Ctx, event: CaseEvent): Promise<void> {
    const mentioned = Array.isArray(event.data.mentioned) ? (event.data.mentioned as Array<{ via?: string; slackUserId?: string | null }>) : [];
    const found = mentioned.some((m) => m.via === 'slack' && m.slackUserId) ? await findCaseById(ctx.db, event.caseId) : null;
    for (const m of mentioned) {
      if (m.via !== 'slack' || !m.slackUserId || !found) continue;
      const text = `${eventText(event) ?? 'You were mentioned in a note'} (case <${this.options.consoleUrl.replace(/\/$/, '')}/cases/${found.number}|${found.number}>)`;
      await this.call(() => this.options.client.chat.postMessage({ channel: m.slackUserId!, text, unfurl_links: false }));
    }
  }

  /**
   * Posts a case still waiting for review; one that moved on before we saw it is left alone.
   * The post is claimed in the database first and carries the case id in its metadata: when
   * a claim is found without its `ts` (the poster died after Slack took the post, or the
   * answer was lost), the channel is searched for that message before anything is posted.
   */
  private async postCase(ctx: Ctx, caseId: number): Promise<void> {
    const found = await findCaseById(ctx.db, caseId);
    if (!found || found.status !== 'in_review') return;
    const file = await readCase(ctx, found.number);
    const lastEventId = file.events.at(-1)?.id ?? 0;
    const at = ctx.now().toISOString();
    const claim = await claimSlackPost(ctx.db, caseId, this.options.channel, at);
    if (!claim.pending) return;
    if (claim.claimedAt !== at) {
      const earlier = await findCasePostInChannel(this.options.client, this.options.channel, caseId);
      if (earlier) {
        await saveSlackPost(ctx.db, { caseId, channel: this.options.channel, ts: earlier, lastEventId }, at);
        this.options.log(`slack: case ${found.number} was posted before its post was recorded; recorded it now (ts ${earlier})`);
        return;
      }
    }
    const message = caseMessage(file.case, file.events, this.options.consoleUrl);
    const metadata = { event_type: CASE_POST_EVENT, event_payload: { case_id: caseId, case_number: found.number } };
    const posted = await this.call(() => this.options.client.chat.postMessage({ channel: this.options.channel, ...message, metadata, unfurl_links: false }));
    if (!posted?.ts) {
      await dropSlackPostClaim(ctx.db, caseId);
      return;
    }
    await saveSlackPost(ctx.db, { caseId, channel: posted.channel ?? this.options.channel, ts: posted.ts, lastEventId }, at);
  }

  private async refresh(ctx: Ctx, caseId: number): Promise<void> {
    const post = await findSlackPost(ctx.db, caseId);
    const found = await findCaseById(ctx.db, caseId);
    if (!post || !found) return;
    const file = await readCase(ctx, found.number);
    await this.call(() => this.options.client.chat.update({ channel: post.channel, ts: post.ts, ...caseMessage(file.case, file.events, this.options.consoleUrl) }));
  }

  /**
   * Slack refusing a call (a removed channel, a message too old to edit) must
   * not stop the case records from being followed; it is logged and skipped.
   * A network failure is thrown, and the same event is tried again next time.
   */
  private async call<T>(send: () => Promise<T>): Promise<T | null> {
    try {
      return await send();
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (e.code === 'slack_webapi_platform_error') {
        this.options.log(`slack: ${e.message}`);
        return null;
      }
      throw error;
    }
  }
}
