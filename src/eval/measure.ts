import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformProfile } from '../rules/platform-profile.js';
import { urlKey } from '../parse/urls.js';
import { REMOVALS, applicable, removeElement } from './ablate.js';
import { analyzeText, type Analysis } from './analyze.js';
import { automaticDeficiency, reportsMissing } from './deficiency.js';
import { generatorsFiring } from './generators.js';
import type { Label } from './labels.js';
import { placesOf, readPlaces } from './places.js';

export interface Ratio { ok: number; n: number }
const ratio = (): Ratio => ({ ok: 0, n: 0 });
const add = (r: Ratio, ok: boolean): void => {
  r.n++;
  if (ok) r.ok++;
};

/** Figures of one set of labelled files; every rate is `ok / n`. */
export interface Figures {
  files: number;
  kind: Ratio;
  elements: Ratio;
  strictElements: Ratio;
  perElement: Record<string, Ratio>;
  /** Complete notices that the checks report as missing elements, so routing today sends a deficiency reply (ok = a wrong reply). */
  wrongDeficiency: Ratio;
  /** The same under the confidence policy (`src/rules/deficiency-policy.ts`): only confident findings are sent. */
  wrongDeficiencyPolicy: Ratio;
  /** Labelled retractions, reversals and other non-notices that the desk would answer on its own with missing elements (ok = answered). */
  nonNoticeAnswered: Ratio;
  agent: Ratio;
  owner: Ratio;
  urls: { tp: number; fp: number; fn: number };
  removed: Record<string, Ratio>;
  /** Of the removed elements caught, how many the desk asks the sender for on its own (the rest go to a reviewer as a question). */
  removedAutomatic: Record<string, Ratio>;
  /**
   * Of the removals still read, how many were read from the very words the complete notice's
   * element was read from (the removal's paragraph patterns left them in the text). A diagnostic
   * beside `removed`, which stays the measure: it does not excuse a miss.
   */
  removedLeftInText: Ratio;
  /**
   * The same removals, with every place the element is given (hand-labelled
   * quotes, `element-places.jsonl`) deleted too, so no naming of the work or
   * contact line survives elsewhere; a removal without labelled places is
   * counted as in `removed`.
   */
  removedEveryPlace: Record<string, Ratio>;
  /** Of those removals, how many had labelled places to delete. */
  removedWithPlaces: Ratio;
  /** On how many documents each named pattern matched. */
  generators: Record<string, number>;
  misses: string[];
}

const normOwner = (s: string | null): string => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function elementMap(a: Analysis): Record<string, { present: boolean }> {
  return { ...(a.check.elements ?? {}), ...(a.check.counterElements ?? {}) } as Record<string, { present: boolean }>;
}

/** Parses and checks every labelled file in `dir` and compares with its label. */
export async function measure(dir: string, labels: readonly Label[], platforms: readonly PlatformProfile[], opts: { ablate?: boolean; now?: Date } = {}): Promise<Figures> {
  const now = opts.now ?? new Date('2026-11-28T00:00:00Z');
  const f: Figures = {
    files: labels.length, kind: ratio(), elements: ratio(), strictElements: ratio(), perElement: {}, wrongDeficiency: ratio(), wrongDeficiencyPolicy: ratio(),
    nonNoticeAnswered: ratio(), agent: ratio(), owner: ratio(), urls: { tp: 0, fp: 0, fn: 0 }, removed: {}, removedAutomatic: {}, removedLeftInText: ratio(), removedEveryPlace: {}, removedWithPlaces: ratio(), generators: {}, misses: [],
  };
  const places = opts.ablate ? await readPlaces(dir) : new Map();
  for (const label of labels) {
    const text = await readFile(join(dir, label.file), 'utf8');
    const a = analyzeText(text, platforms, now);
    for (const id of generatorsFiring(text, a.complaint)) f.generators[id] = (f.generators[id] ?? 0) + 1;
    const miss = (s: string): void => void f.misses.push(`${label.file}: ${s}`);
    add(f.kind, a.complaint.kind === label.kind);
    if (a.complaint.kind !== label.kind) miss(`kind ${a.complaint.kind} != ${label.kind}`);
    const got = elementMap(a);
    for (const set of [label.elements, label.counter_elements]) {
      if (!set) continue;
      for (const [k, want] of Object.entries(set)) {
        const have = got[k]?.present ?? false;
        f.perElement[k] ??= ratio();
        add(f.perElement[k], have === want);
        add(f.elements, have === want);
        const uncertain = label.uncertain_fields.some((u) => u === `elements.${k}` || u === `counter_elements.${k}`);
        if (!uncertain) add(f.strictElements, have === want);
        if (have !== want) miss(`${k} ${have} != ${want}${uncertain ? ' (uncertain)' : ''}`);
      }
    }
    const complete = label.kind === 'notice' && !!label.elements && Object.values(label.elements).every(Boolean);
    const answered = reportsMissing(a);
    if (complete) {
      add(f.wrongDeficiency, answered);
      add(f.wrongDeficiencyPolicy, automaticDeficiency(a));
      if (answered) miss('complete notice reported with missing elements');
    }
    if (label.kind !== 'notice' && label.kind !== 'counter_notice') {
      const auto = automaticDeficiency(a);
      add(f.nonNoticeAnswered, auto);
      if (auto) miss(`${label.kind} answered with missing elements`);
    }
    if (label.kind === 'notice') {
      // Labels list at most 50 URLs; a longer list is compared on its first entries only.
      const cap = (label.infringing_url_count ?? label.infringing_urls.length) > label.infringing_urls.length ? label.infringing_urls.length : Infinity;
      const want = new Set(label.infringing_urls.map(urlKey));
      const have = listedKeys(a).slice(0, cap);
      const found = new Set<string>();
      for (const h of have) {
        const k = want.has(h.key) ? h.key : h.fragment && want.has(h.fragment) ? h.fragment : null;
        if (k) { f.urls.tp++; found.add(k); }
        else { f.urls.fp++; miss(`extra URL ${h.key}`); }
      }
      for (const u of want) if (!found.has(u)) { f.urls.fn++; miss(`missed URL ${u}`); }
    }
    add(f.agent, a.complaint.isAgent === label.complainant_is_agent);
    if (a.complaint.isAgent !== label.complainant_is_agent) miss(`agent ${a.complaint.isAgent} != ${label.complainant_is_agent}`);
    add(f.owner, normOwner(a.complaint.rightsOwner) === normOwner(label.rights_owner));
    if (normOwner(a.complaint.rightsOwner) !== normOwner(label.rights_owner)) miss(`owner ${JSON.stringify(a.complaint.rightsOwner)} != ${JSON.stringify(label.rights_owner)}`);
    if (opts.ablate) {
      for (const r of REMOVALS) {
        if (!applicable(label, r)) continue;
        const key = `${r.counter ? 'counter.' : ''}${r.element}`;
        const cut = removeElement(text, r);
        const b = cut === text ? null : analyzeText(cut, platforms, now);
        const after = b ? (elementMap(b)[r.element] as { present: boolean; evidence?: string | null } | undefined) : undefined;
        const caught = after?.present === false;
        if (b) {
          add((f.removed[key] ??= ratio()), caught);
          if (!caught) {
            const before = (got[r.element] as { evidence?: string | null } | undefined)?.evidence ?? '';
            const leftInText = before.trim().length >= 8 && (after?.evidence ?? '') === before && cut.includes(before);
            add(f.removedLeftInText, leftInText);
            miss(`removed ${key} still read${leftInText ? ' (from words the removal left in place)' : ''}: ${JSON.stringify((after?.evidence ?? '').slice(0, 160))}`);
          } else {
            add((f.removedAutomatic[key] ??= ratio()), b.check.findings.some((x) => x.element === r.element && x.severity === 'missing' && /^(dmca|counter)\./.test(x.code)));
          }
        }
        // With every labelled place deleted too; a removal that deletes nothing is not counted, as above.
        const quotes = placesOf(places.get(label.file), r.element);
        const cutAll = quotes ? removeElement(text, r, quotes) : cut;
        if (cutAll === text) continue;
        const afterAll = cutAll === cut ? after : (elementMap(analyzeText(cutAll, platforms, now))[r.element] as { present: boolean; evidence?: string | null } | undefined);
        // As above, caught means checked and reported missing: a text no longer read as a notice does not count.
        const caughtAll = afterAll?.present === false;
        add((f.removedEveryPlace[key] ??= ratio()), caughtAll);
        add(f.removedWithPlaces, !!quotes);
        if (!caughtAll && cutAll !== cut) miss(`removed ${key} (every labelled place) ${afterAll ? 'still read' : 'not checked: the text is no longer read as a notice'}: ${JSON.stringify((afterAll?.evidence ?? '').slice(0, 160))}`);
      }
    }
  }
  return f;
}

export const rate = (r: Ratio): number => (r.n === 0 ? 1 : r.ok / r.n);
/**
 * The listed URLs, de-duplicated. Labels copy URLs verbatim, so a URL that a mail
 * program broke across lines is labelled by its first-line fragment: that
 * fragment names the same listing as the joined URL the parser reads.
 */
function listedKeys(a: Analysis): { key: string; fragment: string | null }[] {
  const seen = new Set<string>();
  const out: { key: string; fragment: string | null }[] = [];
  for (const l of a.complaint.kind === 'notice' ? a.complaint.listings : []) {
    const key = urlKey(l.url);
    if (seen.has(key)) continue;
    seen.add(key);
    const raw = l.evidence?.text ?? '';
    out.push({ key, fragment: raw.includes('\n') ? urlKey(raw.slice(0, raw.indexOf('\n'))) : null });
  }
  return out;
}

export const precision = (f: Figures): number => (f.urls.tp + f.urls.fp === 0 ? 1 : f.urls.tp / (f.urls.tp + f.urls.fp));
export const recall = (f: Figures): number => (f.urls.tp + f.urls.fn === 0 ? 1 : f.urls.tp / (f.urls.tp + f.urls.fn));

export function removedAll(f: Figures, which: 'removed' | 'removedAutomatic' | 'removedEveryPlace' = 'removed'): Ratio {
  const r = ratio();
  for (const x of Object.values(f[which])) { r.ok += x.ok; r.n += x.n; }
  return r;
}

/** The headline figures that the committed baseline holds (higher is better except wrongDeficiency and nonNoticeAnswered). */
export function headline(f: Figures): Record<string, number> {
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    kind: round(rate(f.kind)),
    elements: round(rate(f.elements)),
    wrongDeficiency: round(f.wrongDeficiency.n ? f.wrongDeficiency.ok / f.wrongDeficiency.n : 0),
    wrongDeficiencyPolicy: round(f.wrongDeficiencyPolicy.n ? f.wrongDeficiencyPolicy.ok / f.wrongDeficiencyPolicy.n : 0),
    nonNoticeAnswered: round(f.nonNoticeAnswered.n ? f.nonNoticeAnswered.ok / f.nonNoticeAnswered.n : 0),
    agent: round(rate(f.agent)),
    owner: round(rate(f.owner)),
    urlPrecision: round(precision(f)),
    urlRecall: round(recall(f)),
    removedCaught: round(rate(removedAll(f))),
    // Over every removal, not only the caught ones: catching more removals as reviewer questions must not read as a fall.
    ...(f.removedWithPlaces.ok > 0 ? { removedCaughtEveryPlace: round(rate(removedAll(f, 'removedEveryPlace'))) } : {}),
    removedAnsweredAutomatically: round(removedAll(f).n === 0 ? 0 : removedAll(f, 'removedAutomatic').ok / removedAll(f).n),
  };
}

export const LOWER_IS_BETTER = new Set(['wrongDeficiency', 'wrongDeficiencyPolicy', 'nonNoticeAnswered']);
