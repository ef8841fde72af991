import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/eval/analyze.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { urlKey } from '../../../src/parse/urls.js';
import { CORPUS, PLATFORMS_DIR } from './builders.js';

interface Label { file: string; kind: string; elements: Record<string, boolean> | null; infringing_urls: string[] }

// The labelled corpus sits beside the repository in development and CI; elsewhere these tests are skipped.
const available = existsSync(join(CORPUS, 'labels.jsonl'));

describe.skipIf(!available)('development corpus', async () => {
  const platforms = await loadPlatforms(PLATFORMS_DIR);
  const labels: Label[] = available ? readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];

  it.each(labels.map((l) => [l.file, l] as const))('%s: kind and takedown URLs', (file, label) => {
    const a = analyzeText(readFileSync(join(CORPUS, file), 'utf8'), platforms);
    expect(a.complaint.kind).toBe(label.kind);
    if (label.kind === 'notice') {
      const got = a.infringingUrls.map(urlKey).slice(0, label.infringing_urls.length || undefined);
      expect(got).toEqual(label.infringing_urls.map(urlKey));
    }
  });
});
