import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Label, readLabels } from '../../src/eval/labels.js';
import { LOWER_IS_BETTER, headline, measure } from '../../src/eval/measure.js';
import { bySplit, readSplit } from '../../src/eval/split.js';
import { loadPlatforms } from '../../src/rules/load-platforms.js';
import { CORPUS as DEVELOPMENT_CORPUS, PLATFORMS_DIR } from '../unit/parse/builders.js';

// Every labelled field (kind, each element, agent, owner, URL roles, element removals) is measured
// over a whole labelled set and may not fall below the figures committed beside it
// (`npm run eval -- --write-baseline [dir]` records new ones after an improvement).
const REPO_CORPUS = join(import.meta.dirname, 'github-dmca');

async function expectAtLeast(dir: string, labels: Label[], baseline: Record<string, number>): Promise<void> {
  const now = headline(await measure(dir, labels, await loadPlatforms(PLATFORMS_DIR), { ablate: true }));
  for (const [k, v] of Object.entries(baseline)) {
    if (k === 'files') continue;
    if (LOWER_IS_BETTER.has(k)) expect(now[k], k).toBeLessThanOrEqual(v);
    else expect(now[k], k).toBeGreaterThanOrEqual(v);
  }
}

describe('labelled corpus, validation split', () => {
  it('holds the committed baseline', async () => {
    const baseline = JSON.parse(readFileSync(join(REPO_CORPUS, 'baseline.json'), 'utf8')).validation;
    const labels = bySplit(await readLabels(REPO_CORPUS), readSplit(REPO_CORPUS)).get('validation')!;
    await expectAtLeast(REPO_CORPUS, labels, baseline);
  }, 900_000);
});

// The development set sits beside the repository in development and CI; elsewhere this is skipped.
describe.skipIf(!existsSync(join(DEVELOPMENT_CORPUS, 'labels.jsonl')))('development set', () => {
  it('holds the committed baseline', async () => {
    const baseline = JSON.parse(readFileSync(join(import.meta.dirname, 'development-baseline.json'), 'utf8')).development;
    await expectAtLeast(DEVELOPMENT_CORPUS, await readLabels(DEVELOPMENT_CORPUS), baseline);
  }, 900_000);
});
