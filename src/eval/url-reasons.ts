/**
 * How often each URL reason (`src/parse/url-reasons.ts`) gave the role the
 * labels agree with: a reason that made a URL a target agrees when the label
 * lists it, any other reason when the label does not. The confidence table is
 * held to these figures on the training split.
 *
 *   npx tsx src/eval/url-reasons.ts [DIR] [--split=train] [-v]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNotice } from '../parse/parse-notice.js';
import { URL_REASON_CONFIDENCE, URL_ROLE_CONFIDENT, type UrlReason } from '../parse/url-reasons.js';
import { urlKey } from '../parse/urls.js';
import { loadPlatforms } from '../rules/load-platforms.js';
import { readLabels } from './labels.js';
import { bySplit, readSplit } from './split.js';

const here = fileURLToPath(new URL('.', import.meta.url));

interface Tally { n: number; agree: number; docs: Set<string> }

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('-v');
  const only = args.find((a) => a.startsWith('--split='))?.slice('--split='.length) ?? 'train';
  const dir = resolve(args.find((a) => !a.startsWith('-')) ?? resolve(here, '../../test/corpus/github-dmca'));
  const platforms = await loadPlatforms(resolve(here, '../../data/platforms'));
  const sets = bySplit(await readLabels(dir), readSplit(dir));
  const set = sets.get(only) ?? sets.get('all') ?? [];
  const tally = new Map<string, Tally>();
  let unsure = 0, unsureWrong = 0, sure = 0, sureWrong = 0;
  for (const label of set) {
    // Labels of long lists hold only the first entries: the rest cannot be judged.
    if (label.kind !== 'notice' || (label.infringing_url_count ?? 0) > label.infringing_urls.length) continue;
    const want = new Set(label.infringing_urls.map(urlKey));
    const c = parseNotice({ text: readFileSync(join(dir, label.file), 'utf8') }, { platforms });
    for (const r of c.urlRoles ?? []) {
      const ok = (r.role === 'infringing') === want.has(urlKey(r.url));
      const t = tally.get(r.reason) ?? { n: 0, agree: 0, docs: new Set() };
      t.n++;
      if (ok) t.agree++;
      t.docs.add(label.file);
      tally.set(r.reason, t);
      if (r.confidence < URL_ROLE_CONFIDENT) { unsure++; if (!ok) unsureWrong++; } else { sure++; if (!ok) sureWrong++; }
      if (verbose && !ok) console.log(`  ${label.file}: ${r.role} (${r.reason}) ${r.url}`);
    }
  }
  console.log(`${only}: reason, URLs, agreeing with the labels, documents, smoothed agreement, confidence in the table`);
  for (const [reason, t] of [...tally].sort((a, b) => b[1].n - a[1].n)) {
    const rate = t.agree / t.n;
    // Smoothed (one agreeing and one disagreeing URL added), so a reason seen on few URLs is not taken as certain.
    const smoothed = Math.floor((100 * (t.agree + 1)) / (t.n + 2)) / 100;
    console.log(`  ${reason.padEnd(34)} ${String(t.n).padStart(5)} ${(100 * rate).toFixed(1).padStart(6)}% ${String(t.docs.size).padStart(4)} docs  smoothed ${smoothed.toFixed(2)}  table ${URL_REASON_CONFIDENCE[reason as UrlReason]}`);
  }
  console.log(`confident roles: ${sure}, wrong ${sureWrong}; sent to a reviewer: ${unsure}, wrong ${unsureWrong}`);
}

await main();
