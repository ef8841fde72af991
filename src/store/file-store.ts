import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStore } from '../domain/context.js';

/**
 * Attachments on disk, addressed by the SHA-256 of their bytes
 * (`data/attachments/ab/abcdef...`): the same file sent twice is kept once,
 * and a write interrupted half-way never leaves a truncated file under the final name.
 */
export function createDiskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!existsSync(target)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, bytes);
        renameSync(temporary, target);
      }
      return sha256;
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      const target = pathOf(sha256);
      return existsSync(target) ? new Uint8Array(readFileSync(target)) : null;
    },
  };
}
