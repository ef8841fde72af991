import type { Ctx } from '../context.js';
import type { Case, Complaint } from '../schemas/index.js';
import { listCasesPage } from '../../store/repos/stats.js';

const PAGE = 1000;
const DECIDED = ['accepted', 'partially_accepted', 'rejected', 'reinstated', 'withdrawn'];

function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every case as CSV rows, streamed page by page. */
export async function* exportCasesCsv(ctx: Ctx): AsyncGenerator<string> {
  yield 'number,status,kind,platform,rights_owner,complainant_email,ipr_type,reason,listings,blocking_findings,assignee,created_at,updated_at\r\n';
  for (let after = 0; ; ) {
    const page = await listCasesPage(ctx.db, after, PAGE);
    if (page.length === 0) return;
    for (const c of page) {
      const row = [c.number, c.status, c.kind, c.platform, c.rightsOwner, c.complainantEmail, c.complaint.iprType, c.complaint.reason, c.complaint.listings.length, c.findings.filter((f) => f.severity !== 'warning').length, c.assignee, c.createdAt, c.updatedAt];
      yield row.map(csvCell).join(',') + '\r\n';
    }
    after = page.at(-1)!.id;
  }
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
const INDIVIDUAL = '[individual, redacted]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The complainant's own details, as the free text may repeat them, each with what replaces it. */
function personalValues(k: Complaint): Array<[string, string]> {
  const { name, email, phone, address } = k.complainant;
  const values: Array<[string | null, string]> = [[email, '[email redacted]'], [phone, '[phone redacted]'], [name, '[name redacted]'], [k.signature, '[name redacted]'], [address, '[address redacted]']];
  // The text may give the parts apart: a surname alone, the names the other way round, one line of the address.
  const parts: Array<[string, string]> = [];
  for (const n of [name, k.signature]) for (const word of (n ?? '').replace(/^\/s\/\s*/, '').split(/[\s,]+/)) if (word.length >= 3 && /^\p{Lu}/u.test(word)) parts.push([word, '[name redacted]']);
  for (const line of (address ?? '').split(/\r?\n|,/)) if (line.trim().length >= 4) parts.push([line.trim(), '[address redacted]']);
  const whole = values.flatMap(([v, label]) => (v && v.trim().length >= 3 ? [[v.trim(), label] as [string, string]] : []));
  return [...whole, ...parts];
}

function scrub(text: string | null, k: Complaint): string | null {
  if (!text) return text;
  let out = text;
  for (const [value, label] of personalValues(k)) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), label);
  return out.replace(EMAIL, '[email redacted]').replace(PHONE, '[phone redacted]');
}

/** A rights owner who is the person writing (no organisation, their own name or signature) is an individual. */
function publishedOwner(c: Case): string | null {
  const k = c.complaint;
  const owner = c.rightsOwner?.trim().toLowerCase();
  if (!owner) return null;
  const whole = [k.complainant.name, k.signature, k.complainant.email].filter((v): v is string => !!v).map((v) => v.trim().toLowerCase());
  const isPerson = !k.complainant.organisation && whole.includes(owner);
  return isPerson ? INDIVIDUAL : scrub(c.rightsOwner, k);
}

/** A decided notice fit for publication: who the rights owner is and what was claimed, never a person's name or contact details. */
export function redactNotice(c: Case) {
  const k = c.complaint;
  return {
    caseNumber: c.number,
    decision: c.status,
    platform: c.platform,
    dateReceived: c.createdAt.slice(0, 10),
    dateDecided: c.updatedAt.slice(0, 10),
    rightsOwner: publishedOwner(c),
    sender: k.isAgent ? (k.complainant.organisation ?? '[agent]') : (k.complainant.organisation ?? INDIVIDUAL),
    iprType: k.iprType,
    reason: k.reason,
    rights: k.iprs.map((i) => ({ type: i.type, registrationNumber: i.registrationNumber, jurisdiction: i.jurisdiction })),
    workDescription: scrub(k.workDescription, k),
    listings: k.listings.map((l) => l.url),
  };
}

/** Decided notices, redacted, as JSON Lines. */
export async function* exportRedactedNotices(ctx: Ctx): AsyncGenerator<string> {
  for (let after = 0; ; ) {
    const page = await listCasesPage(ctx.db, after, PAGE, DECIDED);
    if (page.length === 0) return;
    for (const c of page) if (c.kind === 'notice') yield JSON.stringify(redactNotice(c)) + '\n';
    after = page.at(-1)!.id;
  }
}
