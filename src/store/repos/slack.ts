import type { Kysely, Transaction } from 'kysely';
import type { CaseEvent } from '../../domain/schemas/index.js';
import type { Database } from '../tables.js';
import { toCaseEvent } from './cases.js';
import { toUser, type User } from './users.js';

type Q = Kysely<Database> | Transaction<Database>;

type SlackPostsTable = {
  case_id: number;
  channel: string;
  ts: string;
  last_event_id: number;
  created_at: string;
};

type SlackCheckpointsTable = {
  name: string;
  last_event_id: number;
  updated_at: string;
};

type SlackDeliveriesTable = {
  id: string;
  received_at: string;
};

type SlackTables = {
  slack_posts: SlackPostsTable;
  slack_checkpoints: SlackCheckpointsTable;
  slack_deliveries: SlackDeliveriesTable;
};

/** The Slack tables belong to this adapter alone, so they are declared here rather than in tables.ts. */
function slack(db: Q): Kysely<Database & SlackTables> {
  return (db as Kysely<Database>).withTables<SlackTables>();
}

/** The channel message that stands for a case; its thread receives the case's later events. */
export interface SlackPost {
  caseId: number;
  channel: string;
  ts: string;
  /** The last case event already shown in the message or its thread. */
  lastEventId: number;
}

/** The `ts` of a claimed post whose message is not known to exist yet. */
const PENDING_TS = '';

/** The case's recorded channel message; a claim still waiting for its `ts` is not one. */
export async function findSlackPost(db: Q, caseId: number): Promise<SlackPost | null> {
  const row = await slack(db).selectFrom('slack_posts').selectAll().where('case_id', '=', caseId).where('ts', '<>', PENDING_TS).executeTakeFirst();
  return row ? { caseId: Number(row.case_id), channel: row.channel, ts: row.ts, lastEventId: Number(row.last_event_id) } : null;
}

export async function saveSlackPost(db: Q, post: SlackPost, at: string): Promise<void> {
  await slack(db)
    .insertInto('slack_posts')
    .values({ case_id: post.caseId, channel: post.channel, ts: post.ts, last_event_id: post.lastEventId, created_at: at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ channel: post.channel, ts: post.ts, last_event_id: post.lastEventId }))
    .execute();
}

/**
 * Claims the case's channel message before it is posted, so a poster that dies
 * between Slack taking the post and its `ts` being recorded leaves a trace: a
 * row whose `ts` is empty. Returns the claim time of the row now standing for
 * the case, and whether it is still only a claim.
 */
export async function claimSlackPost(db: Q, caseId: number, channel: string, at: string): Promise<{ pending: boolean; claimedAt: string }> {
  await slack(db)
    .insertInto('slack_posts')
    .values({ case_id: caseId, channel, ts: PENDING_TS, last_event_id: 0, created_at: at })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  const row = await slack(db).selectFrom('slack_posts').select(['ts', 'created_at']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return { pending: row.ts === PENDING_TS, claimedAt: row.created_at };
}

/** A claim whose post was never made (Slack refused it) is given up, so a later event may post the case. */
export async function dropSlackPostClaim(db: Q, caseId: number): Promise<void> {
  await slack(db).deleteFrom('slack_posts').where('case_id', '=', caseId).where('ts', '=', PENDING_TS).execute();
}

export async function advanceSlackPost(db: Q, caseId: number, lastEventId: number): Promise<void> {
  await slack(db).updateTable('slack_posts').set({ last_event_id: lastEventId }).where('case_id', '=', caseId).where('last_event_id', '<', lastEventId).execute();
}

export async function readSlackCheckpoint(db: Q, name: string): Promise<number | null> {
  const row = await slack(db).selectFrom('slack_checkpoints').select('last_event_id').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.last_event_id) : null;
}

export async function saveSlackCheckpoint(db: Q, name: string, lastEventId: number, at: string): Promise<void> {
  await slack(db)
    .insertInto('slack_checkpoints')
    .values({ name, last_event_id: lastEventId, updated_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_event_id: lastEventId, updated_at: at }))
    .execute();
}

/** Case events in the order they happened, after a checkpoint. */
export async function listCaseEventsAfter(db: Q, afterId: number, limit: number): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('case_events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map(toCaseEvent);
}

export async function latestCaseEventId(db: Q, caseId: number): Promise<number> {
  const row = await db.selectFrom('case_events').select((eb) => eb.fn.max('id').as('id')).where('case_id', '=', caseId).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Records a delivery; false when it was recorded before (a retry), so the caller skips it. */
export async function claimSlackDelivery(db: Q, id: string, at: string): Promise<boolean> {
  const result = await slack(db).insertInto('slack_deliveries').values({ id, received_at: at }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets deliveries older than `before`; Slack stops retrying after minutes. */
export async function pruneSlackDeliveries(db: Q, before: string): Promise<void> {
  await slack(db).deleteFrom('slack_deliveries').where('received_at', '<', before).execute();
}

export async function findUserBySlackId(db: Q, slackUserId: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('slack_user_id', '=', slackUserId).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Remembers which Slack user an account is, once their email matched. */
export async function linkSlackUser(db: Q, userId: number, slackUserId: string): Promise<void> {
  await db.updateTable('users').set({ slack_user_id: slackUserId }).where('id', '=', userId).execute();
}
