import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PlatformProfile } from './platform-profile.js';

/**
 * Reads every `*.json` profile in `dir`. The only I/O of the rules folder:
 * a broken profile stops the start with the file name and the zod issues.
 */
export async function loadPlatforms(dir: string): Promise<PlatformProfile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const profiles: PlatformProfile[] = [];
  for (const name of names) {
    const raw: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    const parsed = PlatformProfile.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`invalid platform profile ${name}: ${issues}`);
    }
    profiles.push(parsed.data);
  }
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id)) throw new Error(`duplicate platform profile id ${p.id}`);
    ids.add(p.id);
  }
  return profiles;
}
