import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Ctx } from '../domain/context.js';
import { processMessage } from '../domain/messages/process-message.js';
import { OVERSIZED_HEAD_BYTES, oversizedError, receiveMessage } from '../domain/messages/receive-message.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../intake/take-in.js';

export interface ImportSummary {
  files: number;
  stored: number;
  duplicates: number;
  failed: number;
  errors: string[];
}

/** Expands folders to the `.eml` files inside them, sorted so runs are repeatable. */
export function listEmlFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => name.toLowerCase().endsWith('.eml'))
      .sort()
      .map((name) => join(path, name));
  });
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(OVERSIZED_HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes in `.eml` files through the same path as the mailbox, with the same
 * size limit: a larger file keeps only its head, recorded as not read. A
 * file already stored (the same bytes) is skipped, so an import can be re-run.
 */
export async function importEmlFiles(ctx: Ctx, paths: string[], options: { progress: boolean; maxMessageBytes?: number }): Promise<ImportSummary> {
  const limit = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const files = listEmlFiles(paths);
  const summary: ImportSummary = { files: files.length, stored: 0, duplicates: 0, failed: 0, errors: [] };
  const bar = options.progress ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    try {
      const size = statSync(file).size;
      if (size > limit) {
        const head = readHead(file);
        const received = await receiveMessage(ctx, { channel: 'email', raw: head, origin: `file:${basename(file)}`, oversized: { size, limit } });
        summary.stored += received.duplicate ? 0 : 1;
        summary.failed += 1;
        summary.errors.push(`${file}: ${oversizedError({ size, limit }, head.length)}`);
        bar?.increment(1, { file: basename(file) });
        continue;
      }
      const received = await receiveMessage(ctx, { channel: 'email', raw: readFileSync(file), origin: `file:${basename(file)}` });
      if (received.duplicate && received.message.state !== 'stored') {
        summary.duplicates += 1;
      } else {
        summary.stored += received.duplicate ? 0 : 1;
        const outcome = await processMessage(ctx, received.message.id);
        if (outcome.status === 'failed') {
          summary.failed += 1;
          summary.errors.push(`${file}: ${outcome.error}`);
        }
      }
    } catch (error) {
      summary.failed += 1;
      summary.errors.push(`${file}: ${(error as Error).message}`);
    }
    bar?.increment(1, { file: basename(file) });
  }
  bar?.stop();
  return summary;
}
