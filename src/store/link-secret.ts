import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIN_LINK_SECRET_BYTES } from '../domain/links/signed-link.js';

export const LINK_SECRET_FILE = 'link-secret';

/**
 * The key that signs links in mails (status pages, confirmations). A
 * configured secret wins; without one, a random key is made once and kept in
 * the data folder, so links keep working across restarts of one machine.
 * Several instances must share NOTICEDESK_LINK_SECRET instead.
 */
export async function loadLinkSecret(dataDir: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const path = join(dataDir, LINK_SECRET_FILE);
  const existing = await readSecret(path);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const fresh = randomBytes(MIN_LINK_SECRET_BYTES).toString('hex');
  try {
    // 'wx': if another process made the file first, its key is the one to use.
    await writeFile(path, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = await readSecret(path);
    if (!other) throw new Error(`${path} exists but holds no usable link secret`);
    return other;
  }
}

async function readSecret(path: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const secret = text.trim();
  if (Buffer.byteLength(secret) < MIN_LINK_SECRET_BYTES) {
    throw new Error(`${path} holds a link secret shorter than ${MIN_LINK_SECRET_BYTES} bytes; delete it to make a new one`);
  }
  return secret;
}
