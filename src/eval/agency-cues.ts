import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agencyCues, cueWeight } from '../parse/agency.js';
import { maskPrompts } from '../parse/mask.js';
import { preambleEnd, splitSections } from '../parse/sections.js';
import { parseNotice } from '../parse/parse-notice.js';
import { readLabels } from './labels.js';
import { bySplit, readSplit } from './split.js';

/**
 * How often each owner-or-agent cue fires, live (not voided by negation,
 * boilerplate or quoted text), on training notices labelled agent, owner or
 * unclear: the counts the hand weights in `src/parse/agency.ts` are held to.
 * Reads the training split only. `npx tsx src/eval/agency-cues.ts [DIR]`
 */
const REPO_CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../test/corpus/github-dmca');

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? REPO_CORPUS);
  const labels = bySplit(await readLabels(dir), readSplit(dir)).get('train') ?? [];
  const counts = new Map<string, { agent: number; owner: number; unclear: number; voided: number }>();
  for (const label of labels) {
    const text = readFileSync(join(dir, label.file), 'utf8');
    const c = parseNotice({ text });
    const seen = new Set<string>();
    for (const cue of agencyCues({ source: 'body', text: maskPrompts(text, splitSections(text), preambleEnd(text)) }, c.rightsOwner, null)) {
      const live = cueWeight(cue) > 0;
      const key = `${cue.id}${live ? '' : ' (voided)'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = counts.get(key) ?? { agent: 0, owner: 0, unclear: 0, voided: 0 };
      if (label.complainant_is_agent === true) row.agent++;
      else if (label.complainant_is_agent === false) row.owner++;
      else row.unclear++;
      counts.set(key, row);
    }
  }
  console.log(`train notices ${labels.length}; documents per cue by label (agent / owner / unclear)`);
  for (const [id, r] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${id.padEnd(36)} ${r.agent} / ${r.owner} / ${r.unclear}`);
}

await main();
