import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlatforms } from '../rules/load-platforms.js';
import { urlKey } from '../parse/urls.js';
import { REMOVALS, applicable, removeElement } from './ablate.js';
import { analyzeText } from './analyze.js';
import { readLabels, type Label } from './labels.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

class Tally {
  ok = 0;
  n = 0;
  add(ok: boolean): void {
    this.n++;
    if (ok) this.ok++;
  }
  toString(): string {
    return `${pct(this.ok, this.n)} (${this.ok}/${this.n})`;
  }
}

const normOwner = (s: string | null): string => (s ?? '').toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ').trim();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ablate = args.includes('--ablate');
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dir = resolve(args.find((a) => !a.startsWith('-')) ?? join(here, '../../../shared/corpus/github-dmca-dev'));
  const platforms = await loadPlatforms(resolve(here, '../../data/platforms'));
  const labels = await readLabels(dir);
  const kind = new Tally();
  const element = new Tally();
  const strict = new Tally();
  const perElement = new Map<string, Tally>();
  const agent = new Tally();
  const owner = new Tally();
  let tp = 0, fp = 0, fn = 0;
  const misses: string[] = [];
  const texts = new Map<string, string>();

  for (const label of labels) {
    const text = await readFile(join(dir, label.file), 'utf8');
    texts.set(label.file, text);
    const a = analyzeText(text, platforms);
    kind.add(a.complaint.kind === label.kind);
    if (a.complaint.kind !== label.kind) misses.push(`${label.file}: kind ${a.complaint.kind} != ${label.kind}`);
    for (const [set, got] of [[label.elements, a.check.elements], [label.counter_elements, a.check.counterElements]] as const) {
      if (!set) continue;
      for (const [k, want] of Object.entries(set)) {
        const have = (got as Record<string, { present: boolean }> | null)?.[k]?.present ?? false;
        const t = perElement.get(k) ?? new Tally();
        perElement.set(k, t);
        t.add(have === want);
        element.add(have === want);
        const uncertain = label.uncertain_fields.includes(`elements.${k}`) || label.uncertain_fields.includes(`counter_elements.${k}`);
        if (!uncertain) strict.add(have === want);
        if (have !== want) misses.push(`${label.file}: ${k} ${have} != ${want}${uncertain ? ' (uncertain)' : ''}`);
      }
    }
    if (label.kind === 'notice') {
      // Labels list at most 50 URLs; a longer list is compared on its first entries only.
      const cap = (label.infringing_url_count ?? label.infringing_urls.length) > label.infringing_urls.length ? label.infringing_urls.length : Infinity;
      const want = new Set(label.infringing_urls.map(urlKey));
      const got = [...new Set(a.infringingUrls.map(urlKey))].slice(0, cap);
      for (const u of got) {
        if (want.has(u)) tp++;
        else {
          fp++;
          misses.push(`${label.file}: extra URL ${u}`);
        }
      }
      for (const u of want) if (!got.includes(u)) {
        fn++;
        misses.push(`${label.file}: missed URL ${u}`);
      }
    }
    agent.add(a.complaint.isAgent === label.complainant_is_agent);
    if (a.complaint.isAgent !== label.complainant_is_agent) misses.push(`${label.file}: agent ${a.complaint.isAgent} != ${label.complainant_is_agent}`);
    owner.add(normOwner(a.complaint.rightsOwner) === normOwner(label.rights_owner));
    if (normOwner(a.complaint.rightsOwner) !== normOwner(label.rights_owner)) misses.push(`${label.file}: owner ${JSON.stringify(a.complaint.rightsOwner)} != ${JSON.stringify(label.rights_owner)}`);
  }

  if (verbose) for (const m of misses) console.log(`  miss ${m}`);
  console.log(`files: ${labels.length} (${dir})`);
  for (const [k, t] of perElement) console.log(`element ${k.padEnd(30)} ${t}`);
  console.log(`complainant_is_agent accuracy      ${agent}`);
  console.log(`rights_owner accuracy              ${owner}`);
  if (ablate) runAblation(labels, texts, platforms);
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  console.log(`kind ${kind} | elements ${element} | strict elements ${strict}`);
  console.log(`urls precision ${pct(precision * 100, 100)} recall ${pct(recall * 100, 100)} (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`agent ${agent} | rights_owner ${owner}`);
}

function runAblation(labels: Label[], texts: Map<string, string>, platforms: Awaited<ReturnType<typeof loadPlatforms>>): void {
  console.log('removed elements (detected as missing / notices with the element removed):');
  for (const r of REMOVALS) {
    const t = new Tally();
    for (const label of labels) {
      if (!applicable(label, r)) continue;
      const a = analyzeText(removeElement(texts.get(label.file)!, r), platforms);
      const set = (r.counter ? a.check.counterElements : a.check.elements) as Record<string, { present: boolean }> | null;
      t.add(set ? set[r.element]?.present === false : false);
    }
    console.log(`  ${r.counter ? 'counter ' : ''}${r.element.padEnd(30)} ${t}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
