import { listCases } from '../store/repos/cases.js';
import type { Db } from '../store/open.js';
import { isBlocking, type Case, type CaseStatus } from '../domain/schemas/index.js';

/** The line `noticedesk cases --json` prints per case; other tools read these names. */
export function caseLine(c: Case) {
  return {
    number: c.number,
    status: c.status,
    kind: c.kind,
    platform: c.platform,
    complainant_email: c.complainantEmail,
    rights_owner: c.rightsOwner,
    listing_count: c.complaint.listings.length,
    findings: c.findings.map((f) => f.code),
    created_at: c.createdAt,
  };
}

export async function printCases(db: Db, options: { status?: CaseStatus; json: boolean }, out: (line: string) => void): Promise<number> {
  const cases = await listCases(db, { status: options.status });
  if (options.json) {
    for (const c of cases) out(JSON.stringify(caseLine(c)));
    return cases.length;
  }
  if (cases.length === 0) out('No cases.');
  for (const c of cases) {
    const blocking = c.findings.filter(isBlocking).map((f) => f.code);
    const warnings = c.findings.filter((f) => !isBlocking(f)).map((f) => f.code);
    const findings = `${blocking.length ? `  missing/invalid: ${blocking.join(', ')}` : ''}${warnings.length ? `  warnings: ${warnings.join(', ')}` : ''}`;
    out(`${c.number}  ${c.status.padEnd(20)} ${c.kind.padEnd(14)} ${(c.complainantEmail ?? '-').padEnd(32)} ${c.complaint.listings.length} listing(s)${findings}`);
  }
  return cases.length;
}
