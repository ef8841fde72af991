import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from './labels.js';

export type SplitName = 'train' | 'validation';

/** The recorded train/validation assignment of a corpus folder (`split.json`), or null when it has none. */
export function readSplit(dir: string): Map<string, SplitName> | null {
  const file = join(dir, 'split.json');
  if (!existsSync(file)) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { split: SplitName }> };
  return new Map(Object.entries(data.files).map(([f, v]) => [f, v.split]));
}

/** Labels grouped by split; a folder without a split file is one set called `all`. */
export function bySplit(labels: readonly Label[], split: Map<string, SplitName> | null): Map<string, Label[]> {
  if (!split) return new Map([['all', [...labels]]]);
  const out = new Map<string, Label[]>([['train', []], ['validation', []]]);
  for (const l of labels) {
    const s = split.get(l.file);
    if (!s) throw new Error(`${l.file} is labelled but not in split.json: the split is made once over the sample list`);
    out.get(s)!.push(l);
  }
  return out;
}
