import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlatforms } from '../rules/load-platforms.js';
import { missingBucket } from '../rules/deficiency-policy.js';
import { analyzeText, type Analysis } from './analyze.js';
import { automaticDeficiency } from './deficiency.js';
import { readLabels, type Label } from './labels.js';
import { bySplit, readSplit } from './split.js';

/**
 * Learns how often an element the checks report missing really is missing,
 * per element and per number of elements missing at once, from the TRAINING
 * split (Laplace-smoothed counts), then picks the lowest threshold that keeps
 * wrong automatic deficiency replies at or under 2% of complete notices on the
 * VALIDATION split. Writes src/rules/missing-confidence.ts.
 *
 *   npx tsx src/eval/learn-confidence.ts [CORPUS_DIR]
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const MAX_WRONG = 0.02;

type Seen = { label: Label; a: Analysis };

async function analyse(dir: string, labels: Label[]): Promise<Seen[]> {
  const platforms = await loadPlatforms(resolve(here, '../../data/platforms'));
  const now = new Date('2026-11-28T00:00:00Z');
  return Promise.all(labels.map(async (label) => ({ label, a: analyzeText(await readFile(join(dir, label.file), 'utf8'), platforms, now) })));
}

function missingElements(a: Analysis): string[] {
  return a.check.findings.filter((f) => f.severity === 'missing' && /^(dmca|counter)\./.test(f.code)).map((f) => f.element);
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join(here, '../../test/corpus/github-dmca'));
  const split = bySplit(await readLabels(dir), readSplit(dir));
  const train = await analyse(dir, split.get('train') ?? split.get('all')!);
  const counts: Record<string, Record<string, { yes: number; n: number }>> = {};
  for (const { label, a } of train) {
    const missing = missingElements(a);
    const truth = { ...(label.elements ?? {}), ...(label.counter_elements ?? {}) };
    const sameKind = label.kind === a.complaint.kind;
    for (const el of missing) {
      const cell = ((counts[el] ??= {})[missingBucket(missing.length)] ??= { yes: 0, n: 0 });
      cell.n++;
      if (sameKind && truth[el] === false) cell.yes++;
    }
  }
  const table: Record<string, Record<string, number>> = {};
  for (const [el, buckets] of Object.entries(counts)) {
    table[el] = {};
    for (const [b, c] of Object.entries(buckets)) table[el][b] = Math.round(((c.yes + 1) / (c.n + 2)) * 1000) / 1000;
  }
  const file = resolve(here, '../rules/missing-confidence.ts');
  const write = (threshold: number): Promise<void> =>
    writeFile(file, `// Written by src/eval/learn-confidence.ts from the training split; do not edit by hand.\nexport const MISSING_CONFIDENCE: Record<string, Record<string, number>> = ${JSON.stringify(table, null, 2)};\nexport const MISSING_THRESHOLD = ${threshold};\n`);
  await write(1);
  const { MISSING_CONFIDENCE } = await import('../rules/missing-confidence.js');
  Object.assign(MISSING_CONFIDENCE, table);
  const validation = await analyse(dir, split.get('validation') ?? split.get('all')!);
  const complete = validation.filter(({ label }) => label.kind === 'notice' && label.elements && Object.values(label.elements).every(Boolean));
  const candidates = [...new Set(Object.values(table).flatMap((b) => Object.values(b)))].sort((x, y) => x - y);
  let chosen = 1;
  for (const t of candidates) {
    const wrong = complete.filter(({ a }) => automaticDeficiency(a, t)).length;
    if (wrong <= MAX_WRONG * complete.length) { chosen = t; break; }
  }
  await write(chosen);
  console.log(JSON.stringify(counts));
  console.log(`threshold ${chosen} (wrong replies <= ${MAX_WRONG * 100}% of ${complete.length} complete validation notices)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
