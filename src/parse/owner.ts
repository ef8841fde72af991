import type { Span } from '../domain/schemas/complaint.js';
import { SUFFIX } from './names.js';
import { legalNames, ownerFromCandidates } from './owner-candidates.js';
import { expandAlias, NOT_A_NAME, type OwnerCandidate } from './owner-sentences.js';
import { signOffCandidates } from './owner-sign-off.js';
import type { SourceText } from './span.js';

/**
 * The rights owner, chosen among candidates rather than by the first pattern that fires.
 * Candidates come from the sentence generators (`owner-sentences.ts`), the sender's own
 * organisation when the sender writes as the owner, and the organisations the letter names
 * most (`owner-candidates.ts`). A name's score is the strength of its best generator plus a
 * bonus for each other generator that names it too; the lead over the next name and the
 * strength give the confidence. Hand weights, held to the corpus figures (`npm run eval`).
 */

export interface OwnerDecision {
  name: string | null;
  confidence: number;
  evidence: Span | null;
  generator: string | null;
}

export interface OwnerInputs {
  src: SourceText;
  kind: string;
  sentences: readonly OwnerCandidate[];
  isAgent: boolean | null;
  /** The sender's own organisation (sign-off company line, the name heading the contact address). */
  ownOrg: string | null;
  ownOrgEvidence: Span | null;
  /** The sender says the work is its own ("our code", "we are the owner"), or names its company in the work. */
  claimsOwnWork: boolean;
}

const AGREEMENT = 1;
const STAFF_OF_AGENT = 0.3;
const key = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
// A site's address standing for its company: "Pluralsight.com" is "Pluralsight" (and its legal name, where the letter gives it).
const HOST_NAME = /^([\p{L}\p{N}-]{2,})\.(?:com|net|org|io|co|app|dev|de|fr|uk|jp|cn|in)\b(?![.\/\p{L}])/u;
const CONNECTED = /^ (?:of|and|for|de|du|der)\b/;
const HAS_SUFFIX = new RegExp(String.raw`(?:^|[\s,])${SUFFIX}$`, 'u');

interface Hit { name: string; weight: number; at: number; evidence: Span | null; generator: string }
interface Scored { top: Hit; score: number }

/** "Sulake" when the letter also names "Sulake Corporation Ltd": the legal name the letter gives is the owner's full name. */
function fullName(raw: string, text: string): string {
  // "Pluralsight.com, Digitaltutors.com and Codeschool.com": a list of sites names its first one's company.
  const host = HAS_SUFFIX.test(raw) ? null : HOST_NAME.exec(raw);
  const name = host ? host[1]! : raw;
  const asWritten = host ? host[0]! : raw;
  const k = key(name);
  if (HAS_SUFFIX.test(name) || k.length < 3) return asWritten;
  let best: string | null = null;
  for (const n of legalNames(text)) {
    const nk = key(n);
    // "Nintendo of America Inc." is another company than "Nintendo": a name that goes on with a connector is not its legal form.
    if (nk.startsWith(`${k} `) && !CONNECTED.test(nk.slice(k.length)) && nk.split(' ').length <= k.split(' ').length + 3 && n.length > (best ?? name).length) best = n;
  }
  return best ?? asWritten;
}

export function decideOwner(inp: OwnerInputs): OwnerDecision {
  const byKey = new Map<string, Hit[]>();
  const add = (h: Hit): void => {
    const k = key(h.name);
    // The platform's own address block ("GitHub, Inc" over its street) is where the notice goes, not whose work it is.
    if (k && !NOT_A_NAME.test(h.name)) byKey.set(k, [...(byKey.get(k) ?? []), h]);
  };
  // An agent's own title ("Legal Representative of Acme Brand Services") names its firm, not the owner.
  for (const c of inp.sentences) add(inp.isAgent === true && c.generator === 'owner.staff_of' ? { ...c, weight: c.weight * STAFF_OF_AGENT } : c);
  // The owner writing for itself signs with its company: that company is the owner.
  // Only when the sender also claims the work: a representative signing with a company name may sign with its own firm.
  if (inp.ownOrg && inp.kind !== 'counter_notice' && inp.isAgent === false && (inp.claimsOwnWork || inp.kind === 'retraction')) {
    add({ name: inp.ownOrg, weight: 4.5, at: Number.MAX_SAFE_INTEGER, evidence: inp.ownOrgEvidence, generator: 'owner.own_org' });
  }
  // The organisation line of the sign-off block names the sender's own organisation: an agent's is its firm.
  if (inp.isAgent !== true && (inp.kind === 'notice' || inp.kind === 'retraction')) {
    for (const c of signOffCandidates(inp.src)) add({ name: c.name, weight: c.weight, at: c.at, evidence: c.evidence, generator: 'owner.sign_off' });
  }
  if (byKey.size === 0 && inp.kind === 'notice') {
    const named = ownerFromCandidates(inp.src, inp.isAgent);
    if (named) add({ name: named.name, weight: 1.5, at: named.evidence.start, evidence: named.evidence, generator: 'owner.named_most' });
  }
  // "Amazon" and "Amazon.com, Inc." are one candidate: the shorter name's hits join the longer one's.
  const keys = [...byKey.keys()].sort((a, b) => a.length - b.length);
  for (const [i, short] of keys.entries()) {
    const long = keys.slice(i + 1).find((k) => k.startsWith(`${short} `));
    if (long) {
      byKey.set(long, [...byKey.get(long)!, ...byKey.get(short)!.map((h) => ({ ...h, name: byKey.get(long)![0]!.name }))]);
      byKey.delete(short);
    }
  }
  const ranked: Scored[] = [...byKey.values()].map((hits) => {
    const top = [...hits].sort((a, b) => b.weight - a.weight || a.at - b.at)[0]!;
    return { top, score: top.weight + AGREEMENT * (new Set(hits.map((h) => h.generator)).size - 1) };
  }).sort((a, b) => b.score - a.score || a.top.at - b.top.at);
  const best = ranked[0];
  if (!best) return { name: null, confidence: 0.5, evidence: null, generator: null };
  const lead = best.score - (ranked[1]?.score ?? 0);
  const confidence = Math.min(0.99, Math.round((0.3 + best.score / 20 + Math.min(lead, 4) / 10) * 100) / 100);
  return { name: expandAlias(inp.src.text, fullName(best.top.name, inp.src.text)), confidence, evidence: best.top.evidence, generator: best.top.generator };
}
