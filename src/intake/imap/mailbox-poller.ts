import { ImapFlow } from 'imapflow';
import type { Ctx } from '../../domain/context.js';
import { takeInEmail } from '../take-in.js';
import { readCheckpoint, saveCheckpoint } from '../../store/repos/mailbox-checkpoints.js';
import { describeMailbox, type MailboxUrl } from './mailbox-url.js';
import { markProcessed, prepareProcessedFolder } from './mark-processed.js';
import { createWaker } from './waker.js';

export interface PollerDeps {
  mailbox: MailboxUrl;
  /** A fresh context per message, so each gets its own request id in the logs. */
  ctx: () => Ctx;
  log: (line: string) => void;
  /** Called after a message was processed (the send worker has replies to send). */
  onProcessed?: () => void;
  /** Safety net besides IDLE: re-check the mailbox this often. */
  pollMs?: number;
  /** Messages fetched per round trip during catch-up. */
  fetchBatch?: number;
}

export interface MailboxPoller {
  /** Finishes the message in hand, then logs out. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * Watches one mailbox: catches up by UID from the stored checkpoint, then
 * waits on IDLE (or polls). Each message is stored, processed, marked, and
 * only then the checkpoint advances, so a kill at any moment means the
 * message is seen again and the idempotent verbs finish it without doubling it.
 */
export function startMailboxPoller(deps: PollerDeps): MailboxPoller {
  const { mailbox, log } = deps;
  const name = describeMailbox(mailbox);
  const pollMs = deps.pollMs ?? 30_000;
  const batch = deps.fetchBatch ?? 25;
  const waker = createWaker();
  let stopped = false;
  let backoff = 1_000;

  async function catchUp(client: ImapFlow): Promise<void> {
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
    for (let i = 0; i < uids.length && !stopped; i += batch) {
      const chunk = uids.slice(i, i + batch);
      const messages = await client.fetchAll(chunk.join(','), { uid: true, source: true }, { uid: true });
      messages.sort((a, b) => a.uid - b.uid);
      for (const message of messages) {
        if (stopped) return;
        if (!message.source) continue;
        const ctx = deps.ctx();
        const result = await takeInEmail(ctx, message.source, `imap:${mailbox.key}:${uidValidity}:${message.uid}`);
        if (result.outcome.status === 'failed') log(`${name}: message ${message.uid} kept but not processed: ${result.outcome.error}`);
        if (result.outcome.status === 'processed') deps.onProcessed?.();
        await markProcessed(client, mailbox, message.uid, log);
        await saveCheckpoint(db, mailbox.key, { uidValidity, lastUid: message.uid }, ctx.now().toISOString());
      }
    }
  }

  async function session(): Promise<void> {
    const client = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.secure,
      auth: { user: mailbox.user, pass: mailbox.pass },
      logger: false,
      // IDLE starts only after this quiet time; the default 15 s would make new mail wait that long.
      autoIdleDelay: 200,
      disableAutoIdle: !mailbox.idle,
      maxIdleTime: 5 * 60_000,
      missingIdleCommand: 'STATUS',
    });
    client.on('exists', () => waker.wake());
    client.on('close', () => waker.wake());
    client.on('error', (error: Error) => log(`${name}: ${error.message}`));
    try {
      await client.connect();
      await client.mailboxOpen(mailbox.mailbox);
      await prepareProcessedFolder(client, mailbox);
      log(`${name}: connected${client.capabilities.has('IDLE') && mailbox.idle ? ', waiting with IDLE' : ', polling'}`);
      backoff = 1_000;
      while (!stopped && client.usable) {
        await catchUp(client);
        if (!stopped && client.usable) await waker.wait(client.capabilities.has('IDLE') && mailbox.idle ? pollMs : Math.min(pollMs, 5_000));
      }
    } finally {
      if (client.usable) await client.logout().catch(() => client.close());
      else client.close();
    }
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await session();
      } catch (error) {
        if (stopped) break;
        log(`${name}: ${(error as Error).message}; reconnecting in ${Math.round(backoff / 1000)} s`);
      }
      if (stopped) break;
      await waker.wait(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  })();

  return {
    async stop() {
      stopped = true;
      waker.wake();
      await loop;
    },
  };
}
