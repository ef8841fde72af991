import { ImapFlow } from 'imapflow';
import type { Ctx } from '../../domain/context.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../take-in.js';
import { catchUp } from './catch-up.js';
import { describeMailbox, type MailboxUrl } from './mailbox-url.js';
import { prepareProcessedFolder } from './mark-processed.js';
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
  /** Messages taken in between two checkpoints (and flagged with one command). */
  fetchBatch?: number;
  /** Messages larger than this are recorded from their first bytes, never read whole. */
  maxMessageBytes?: number;
}

export interface MailboxPoller {
  /** Finishes the message in hand, then logs out. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 60_000;
/** Bytes of mail held in memory at once while catching up. */
const MAX_FETCH_BYTES = 32 * 1024 * 1024;

/**
 * Watches one mailbox: catches up by UID from the stored checkpoint, then
 * waits on IDLE (or polls). Each message is stored and processed, its batch
 * marked, and only then the checkpoint advances, so a kill at any moment means
 * the batch is seen again and the idempotent verbs finish it without doubling it.
 */
export function startMailboxPoller(deps: PollerDeps): MailboxPoller {
  const { mailbox, log } = deps;
  const name = describeMailbox(mailbox);
  const pollMs = deps.pollMs ?? 30_000;
  const batch = deps.fetchBatch ?? 100;
  const maxMessageBytes = deps.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const waker = createWaker();
  let stopped = false;
  let backoff = 1_000;

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
        await catchUp(client, { mailbox, name, ctx: deps.ctx, log, onProcessed: deps.onProcessed, batch, maxMessageBytes, maxFetchBytes: MAX_FETCH_BYTES, stopped: () => stopped });
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
