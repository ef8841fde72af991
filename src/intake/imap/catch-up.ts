import type { ImapFlow } from 'imapflow';
import type { Ctx } from '../../domain/context.js';
import { OVERSIZED_HEAD_BYTES } from '../../domain/messages/receive-message.js';
import { readCheckpoint, saveCheckpoint } from '../../store/repos/mailbox-checkpoints.js';
import { createHeapBound } from '../../threads/heap-bound.js';
import { createIntakePipeline, takeInOversizedEmail, type TakeInResult } from '../take-in.js';
import type { MailboxUrl } from './mailbox-url.js';
import { markProcessed } from './mark-processed.js';
import { uidSet } from './uid-set.js';

export interface CatchUpDeps {
  mailbox: MailboxUrl;
  name: string;
  ctx: () => Ctx;
  log: (line: string) => void;
  onProcessed?: () => void;
  /** Messages taken in between two checkpoints: fetched, then flagged with one command. */
  batch: number;
  /** Messages larger than this are recorded from their first bytes, never fetched whole. */
  maxMessageBytes: number;
  /** Bytes fetched into memory at once; a larger batch is fetched in several commands. */
  maxFetchBytes: number;
  stopped: () => boolean;
}

/**
 * The intake's thread (the process's main thread) collects its garbage once its heap passes 64 MB: a backlog
 * allocates a few hundred MB over its messages, and V8 alone would let the heap reach twice what it holds.
 */
const heap = createHeapBound(64);

export type FetchStep = { kind: 'whole'; uids: number[] } | { kind: 'oversized'; uid: number; size: number };

/**
 * Splits a batch, in UID order, into fetches whose bytes stay under
 * `maxFetchBytes`; each oversized message is a step of its own.
 */
export function planFetches(sizes: ReadonlyArray<{ uid: number; size: number }>, maxMessageBytes: number, maxFetchBytes: number): FetchStep[] {
  const steps: FetchStep[] = [];
  let run: number[] = [];
  let bytes = 0;
  const flush = () => {
    if (run.length) steps.push({ kind: 'whole', uids: run });
    run = [];
    bytes = 0;
  };
  for (const { uid, size } of sizes) {
    if (size > maxMessageBytes) {
      flush();
      steps.push({ kind: 'oversized', uid, size });
      continue;
    }
    if (run.length && bytes + size > maxFetchBytes) flush();
    run.push(uid);
    bytes += size;
  }
  flush();
  return steps;
}

/**
 * Takes in everything after the stored checkpoint. Per batch: each message is
 * stored as it streams in and processed in UID order, then the batch is flagged (or moved)
 * with one command, and only then the checkpoint advances to its last UID. A
 * kill anywhere in a batch means it is fetched again; the stored SHA-256 and
 * Message-ID recognise what was already taken in, so nothing is doubled.
 */
export async function catchUp(client: ImapFlow, deps: CatchUpDeps): Promise<void> {
  const { mailbox, name, log } = deps;
  const db = deps.ctx().db;
  const state = client.mailbox;
  if (!state) throw new Error(`${name}: no mailbox open`);
  const uidValidity = String(state.uidValidity);
  const checkpoint = await readCheckpoint(db, mailbox.key);
  if (checkpoint && checkpoint.uidValidity !== uidValidity) {
    log(`${name}: UIDVALIDITY changed (${checkpoint.uidValidity} -> ${uidValidity}); re-scanning, duplicates are recognised`);
  }
  const from = checkpoint?.uidValidity === uidValidity ? checkpoint.lastUid + 1 : 1;
  const found = await client.search({ uid: `${from}:*` }, { uid: true });
  // `N:*` also matches the highest UID when it is below N (RFC 3501 6.4.8).
  const uids = (found || []).filter((uid) => uid >= from).sort((a, b) => a - b);

  for (let i = 0; i < uids.length && !deps.stopped(); i += deps.batch) {
    const chunk = uids.slice(i, i + deps.batch);
    const done: number[] = [];
    try {
      await takeInBatch(client, deps, chunk, uidValidity, done);
    } finally {
      // What was taken in stays taken in, even when the batch broke off half-way.
      if (done.length) {
        await markProcessed(client, mailbox, done, log);
        await saveCheckpoint(db, mailbox.key, { uidValidity, lastUid: done[done.length - 1]! }, deps.ctx().now().toISOString());
      }
    }
  }
}

async function takeInBatch(client: ImapFlow, deps: CatchUpDeps, chunk: number[], uidValidity: string, done: number[]): Promise<void> {
  const origin = (uid: number) => `imap:${deps.mailbox.key}:${uidValidity}:${uid}`;
  const settle = (uid: number, result: TakeInResult) => {
    if (result.outcome.status === 'failed') deps.log(`${deps.name}: message ${uid} kept but not processed: ${result.outcome.error}`);
    if (result.outcome.status === 'processed') deps.onProcessed?.();
    done.push(uid);
    heap.tick();
  };
  const wanted = new Set(chunk);
  // Sizes first (one short command), so nothing too large is ever read whole.
  const sizes = (await client.fetchAll(uidSet(chunk), { uid: true, size: true }, { uid: true }))
    .map((m) => ({ uid: m.uid, size: m.size ?? 0 }))
    .filter((m) => wanted.has(m.uid))
    .sort((a, b) => a.uid - b.uid);
  const pipeline = createIntakePipeline(deps.ctx);
  try {
    for (const step of planFetches(sizes, deps.maxMessageBytes, deps.maxFetchBytes)) {
      if (deps.stopped()) return;
      if (step.kind === 'oversized') {
        await pipeline.drain();
        const head = await client.fetchOne(String(step.uid), { uid: true, source: { start: 0, maxLength: OVERSIZED_HEAD_BYTES } }, { uid: true });
        if (!head || !head.source) continue;
        settle(step.uid, await takeInOversizedEmail(deps.ctx(), head.source, { size: step.size, limit: deps.maxMessageBytes }, origin(step.uid)));
        continue;
      }
      // Streamed in UID order: messages are stored as they arrive (a few to a transaction) and read on the work threads while the
      // next ones stream in; cases are written in the same order, and no other IMAP command runs meanwhile.
      for await (const message of client.fetch(uidSet(step.uids), { uid: true, source: true }, { uid: true })) {
        if (!message.source || !wanted.has(message.uid)) continue;
        const uid = message.uid;
        await pipeline.push(message.source, origin(uid), (result) => settle(uid, result));
        if (deps.stopped()) return;
      }
      await pipeline.drain();
    }
  } finally {
    // A stop or a broken connection still finishes (and counts as done) what was already stored.
    await pipeline.drain();
  }
}
