import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Splits the sampled files into training and validation once, by file,
 * stratified by year bucket x style x kind, and writes the assignment.
 *
 *   tsx src/eval/make-split.ts SAMPLE_LIST GITHUB_DMCA_GIT_DIR OUT_JSON
 *
 * Style is read from the text of each file in the github/dmca snapshot (a web
 * form has several question lines of its own), kind from the file name, so the
 * split is fixed before any label is read and does not move as labels arrive.
 */
const SEED = 'noticedesk-split-2026-11-28';
const VALIDATION_SHARE = 0.4;

export function yearBucket(path: string): string {
  const y = Number(path.slice(0, 4));
  if (y <= 2016) return '2011-16';
  if (y <= 2018) return '2017-18';
  if (y <= 2024) return '2019-24';
  return '2025-26';
}

export function kindFromName(path: string): string {
  const n = path.toLowerCase();
  if (n.includes('reversal')) return 'reversal';
  if (n.includes('retraction')) return 'retraction';
  if (n.includes('counter')) return 'counter_notice';
  return 'notice';
}

/** Three or more lines that are a question on their own line mark a web form. */
export function styleOf(text: string): 'form' | 'letter' {
  const questions = text.split('\n').filter((l) => /^\s*(?:\*\*|#+\s*|\d+[.)]\s*)?[^\n]{10,240}\?\s*(?:\*\*)?\s*$/.test(l)).length;
  return questions >= 3 ? 'form' : 'letter';
}

const rank = (file: string): string => createHash('sha256').update(`${SEED}:${file}`).digest('hex');

function main(): void {
  const [sampleList, gitDir, out] = process.argv.slice(2);
  if (!sampleList || !gitDir || !out) throw new Error('usage: make-split.ts SAMPLE_LIST GIT_DIR OUT_JSON');
  const paths = readFileSync(sampleList, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const strata = new Map<string, string[]>();
  for (const p of paths) {
    const text = execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${p}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const key = `${yearBucket(p)} ${styleOf(text)} ${kindFromName(p)}`;
    strata.set(key, [...(strata.get(key) ?? []), p]);
  }
  const files: Record<string, { split: 'train' | 'validation'; stratum: string }> = {};
  for (const [key, list] of [...strata].sort()) {
    list.sort((a, b) => rank(a).localeCompare(rank(b)));
    // Every stratum gives about 40% to validation, at least one file when it has two or more.
    list.forEach((p, i) => {
      const val = Math.floor((i + 1) * VALIDATION_SHARE) > Math.floor(i * VALIDATION_SHARE) || (i === 1 && list.length === 2);
      files[basename(p)] = { split: val ? 'validation' : 'train', stratum: key };
    });
  }
  const counts: Record<string, { train: number; validation: number }> = {};
  for (const { split, stratum } of Object.values(files)) {
    counts[stratum] ??= { train: 0, validation: 0 };
    counts[stratum][split]++;
  }
  writeFileSync(out, JSON.stringify({ seed: SEED, validationShare: VALIDATION_SHARE, strata: counts, files }, null, 1) + '\n');
  console.log(Object.entries(counts).map(([k, v]) => `${k.padEnd(34)} train ${v.train} validation ${v.validation}`).join('\n'));
}

main();
