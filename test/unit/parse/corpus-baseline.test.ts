import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabels } from '../../../src/eval/labels.js';
import { LOWER_IS_BETTER, headline, measure } from '../../../src/eval/measure.js';
import { bySplit, readSplit } from '../../../src/eval/split.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from './builders.js';

const DIR = join(import.meta.dirname, '../../corpus/github-dmca');

// The validation figures may not fall below what is committed in baseline.json
// (`npm run eval -- --write-baseline` records new ones after an improvement).
describe('labelled corpus, validation split', () => {
  it('holds the committed baseline', async () => {
    const baseline = JSON.parse(readFileSync(join(DIR, 'baseline.json'), 'utf8')).validation as Record<string, number>;
    const labels = bySplit(await readLabels(DIR), readSplit(DIR)).get('validation')!;
    const now = headline(await measure(DIR, labels, await loadPlatforms(PLATFORMS_DIR), { ablate: true }));
    for (const [k, v] of Object.entries(baseline)) {
      if (k === 'files') continue;
      if (LOWER_IS_BETTER.has(k)) expect(now[k], k).toBeLessThanOrEqual(v);
      else expect(now[k], k).toBeGreaterThanOrEqual(v);
    }
  }, 300_000);
});
