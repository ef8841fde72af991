import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlatforms } from '../rules/load-platforms.js';
import { readLabels } from './labels.js';
import { headline, measure, precision, recall, removedAll, type Figures, type Ratio } from './measure.js';
import { bySplit, readSplit } from './split.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_CORPUS = resolve(here, '../../test/corpus/github-dmca');
export const DEVELOPMENT_BASELINE = resolve(here, '../../test/corpus/development-baseline.json');
const pct = (r: Ratio): string => (r.n === 0 ? 'n/a' : `${((100 * r.ok) / r.n).toFixed(1)}% (${r.ok}/${r.n})`);

function print(name: string, f: Figures, verbose: boolean): void {
  console.log(`\n== ${name}: ${f.files} files`);
  if (verbose) for (const m of f.misses) console.log(`  miss ${m}`);
  for (const [k, t] of Object.entries(f.perElement)) console.log(`element ${k.padEnd(30)} ${pct(t)}`);
  if (Object.keys(f.removed).length) {
    console.log('removed elements caught (reported missing / files with that element removed):');
    for (const [k, t] of Object.entries(f.removed)) console.log(`  ${k.padEnd(36)} ${pct(t)}`);
    console.log(`  ${'all'.padEnd(36)} ${pct(removedAll(f))}`);
    console.log(`  of those still read, read from the same words as in the complete notice, left in place by the removal: ${pct(f.removedLeftInText)}`);
    if (f.removedWithPlaces.ok > 0) {
      console.log(`removed elements caught, every labelled place of the element deleted too (labelled places for ${pct(f.removedWithPlaces)} of the removals):`);
      for (const [k, t] of Object.entries(f.removedEveryPlace)) console.log(`  ${k.padEnd(36)} ${pct(t)}`);
      console.log(`  ${'all'.padEnd(36)} ${pct(removedAll(f, 'removedEveryPlace'))}`);
    }
    console.log('of those, asked of the sender automatically (the rest: a question for the reviewer):');
    for (const [k, t] of Object.entries(f.removedAutomatic)) console.log(`  ${k.padEnd(36)} ${pct(t)}`);
    console.log(`  ${'all'.padEnd(36)} ${pct(removedAll(f, 'removedAutomatic'))}`);
  }
  console.log(`kind ${pct(f.kind)} | elements ${pct(f.elements)} | strict elements ${pct(f.strictElements)}`);
  console.log(`complete notices reported with missing elements (any element not read) ${pct(f.wrongDeficiency)} | wrong automatic deficiency replies under the confidence policy ${pct(f.wrongDeficiencyPolicy)}`);
  console.log(` non-notices answered with missing elements ${pct(f.nonNoticeAnswered)}`);
  console.log(`urls precision ${(100 * precision(f)).toFixed(1)}% recall ${(100 * recall(f)).toFixed(1)}% (tp ${f.urls.tp}, fp ${f.urls.fp}, fn ${f.urls.fn})`);
  console.log(`agent ${pct(f.agent)} | rights_owner ${pct(f.owner)}`);
  console.log('named generators, documents fired on:');
  const byField = new Map<string, [string, number][]>();
  for (const [id, n] of Object.entries(f.generators)) {
    const field = id.slice(0, id.indexOf('.'));
    byField.set(field, [...(byField.get(field) ?? []), [id.slice(field.length + 1), n]]);
  }
  for (const [field, rows] of [...byField].sort((x, y) => x[0].localeCompare(y[0]))) {
    const list = rows.sort((x, y) => y[1] - x[1]).map(([id, n]) => `${id} ${n}${n <= 1 ? ' (one document)' : ''}`);
    console.log(`  ${field.padEnd(10)} ${list.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ablate = args.includes('--ablate') || args.includes('--write-baseline');
  const verbose = args.includes('--verbose') || args.includes('-v');
  const only = args.find((a) => a.startsWith('--split='))?.slice('--split='.length);
  const dir = resolve(args.find((a) => !a.startsWith('-')) ?? REPO_CORPUS);
  const platforms = await loadPlatforms(resolve(here, '../../data/platforms'));
  const labels = await readLabels(dir);
  console.log(`corpus ${dir}`);
  const figures: Record<string, Record<string, number>> = {};
  for (const [name, set] of bySplit(labels, readSplit(dir))) {
    if (only && name !== only) continue;
    const f = await measure(dir, set, platforms, { ablate });
    print(name, f, verbose);
    figures[name] = { files: f.files, ...headline(f) };
  }
  if (args.includes('--write-baseline')) {
    // The repository's corpus keeps its validation figures beside it; any other labelled set
    // (the development set) is recorded in test/corpus/development-baseline.json.
    const file = dir === REPO_CORPUS ? join(dir, 'baseline.json') : DEVELOPMENT_BASELINE;
    const figuresOf = dir === REPO_CORPUS ? { validation: figures.validation ?? figures.all } : { development: figures.all };
    writeFileSync(file, JSON.stringify(figuresOf, null, 1) + '\n');
    console.log(`\nwrote ${file}`);
  } else if (args.includes('--json')) {
    console.log(JSON.stringify(figures));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
