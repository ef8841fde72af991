import { mkdirSync } from 'node:fs';

/** Every test writes its databases and files under data/tmp/, which is not committed. */
export function setup(): void {
  mkdirSync('data/tmp', { recursive: true });
}
