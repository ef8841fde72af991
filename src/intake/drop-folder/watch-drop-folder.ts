import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ctx } from '../../domain/context.js';
import { OVERSIZED_HEAD_BYTES } from '../../domain/messages/receive-message.js';
import { DEFAULT_MAX_MESSAGE_BYTES, takeInEmail, takeInOversizedEmail } from '../take-in.js';
import { createWaker } from '../imap/waker.js';

export interface DropFolderDeps {
  /** data/inbox: `*.eml` files dropped here are taken in, then moved to `processed/`. */
  dir: string;
  ctx: () => Ctx;
  log: (line: string) => void;
  onProcessed?: () => void;
  pollMs?: number;
  /** Files larger than this are recorded from their first bytes, never read whole. */
  maxMessageBytes?: number;
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(OVERSIZED_HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The intake when no IMAP server is configured: same path as IMAP. A file is
 * moved away only after it was stored and processed; killed before that, it
 * is read again and recognised as a duplicate.
 */
export function watchDropFolder(deps: DropFolderDeps): { stop(): Promise<void> } {
  const processedDir = join(deps.dir, 'processed');
  // Created before returning: a folder that cannot be made stops the start, not a later loop.
  mkdirSync(processedDir, { recursive: true });
  const limit = deps.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const waker = createWaker();
  let stopped = false;
  let watcher: FSWatcher | null = null;

  async function drain(): Promise<void> {
    // Files still being written by a mail program end in .tmp or start with a dot; wait for the rename.
    const names = (await readdir(deps.dir)).filter((name) => name.endsWith('.eml') && !name.startsWith('.')).sort();
    for (const name of names) {
      if (stopped) return;
      const path = join(deps.dir, name);
      const origin = `drop-folder:${name}`;
      let size: number;
      let bytes: Buffer;
      try {
        ({ size } = await stat(path));
        bytes = size > limit ? await readHead(path) : await readFile(path);
      } catch {
        continue;
      }
      const result =
        size > limit
          ? await takeInOversizedEmail(deps.ctx(), bytes, { size, limit }, origin)
          : await takeInEmail(deps.ctx(), bytes, origin);
      if (result.outcome.status === 'failed') deps.log(`${name}: kept but not processed: ${result.outcome.error}`);
      if (result.outcome.status === 'processed') deps.onProcessed?.();
      await rename(path, join(processedDir, name));
    }
  }

  const loop = (async () => {
    try {
      watcher = watch(deps.dir, () => waker.wake());
    } catch (error) {
      deps.log(`watching ${deps.dir}: ${(error as Error).message}; polling instead`);
    }
    while (!stopped) {
      try {
        await drain();
      } catch (error) {
        deps.log(`drop folder ${deps.dir}: ${(error as Error).message}`);
      }
      if (!stopped) await waker.wait(deps.pollMs ?? 2_000);
    }
  })();

  return {
    async stop() {
      stopped = true;
      waker.wake();
      watcher?.close();
      await loop;
    },
  };
}
