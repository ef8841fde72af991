import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Complaint } from '../domain/schemas/complaint.js';
import { readMessage } from '../intake/mime/read-message.js';
import type { NoticeInputLike } from '../parse/input.js';
import { parseNotice } from '../parse/parse-notice.js';
import { checkComplaint } from '../rules/check-complaint.js';
import type { CheckResult } from '../rules/check-result.js';
import { loadPlatforms } from '../rules/load-platforms.js';
import type { PlatformProfile } from '../rules/platform-profile.js';

export interface ParseArgs {
  files: string[];
  json: boolean;
  /** Platform id to assume when the notice does not say (like a mailbox per platform). */
  platform: string | null;
  platformsDir: string;
}

async function readInput(file: string, platform: string | null): Promise<NoticeInputLike> {
  const ext = extname(file).toLowerCase();
  if (ext === '.eml') {
    const msg = await readMessage(await readFile(file));
    return { ...msg, platformHint: platform };
  }
  const raw = await readFile(file, 'utf8');
  if (ext === '.html' || ext === '.htm') return { text: '', html: raw, platformHint: platform };
  return { text: raw, platformHint: platform };
}

function record(file: string, c: Complaint, check: CheckResult): Record<string, unknown> {
  return {
    file,
    kind: c.kind,
    elements: check.elements,
    counter_elements: check.counterElements,
    infringing_urls: c.kind === 'notice' ? c.listings.map((l) => l.url) : [],
    complainant_is_agent: c.isAgent,
    rights_owner: c.rightsOwner,
    findings: check.findings,
    complaint: c,
  };
}

function summary(file: string, c: Complaint, check: CheckResult): string[] {
  const lines = [`${file}: ${c.kind}${c.platform ? ` on ${c.platform}` : ''}${c.referencedCase ? ` (case ${c.referencedCase})` : ''}`];
  lines.push(`  rights owner: ${c.rightsOwner ?? '-'}; agent: ${c.isAgent === null ? 'unclear' : c.isAgent ? 'yes' : 'no'}; ipr: ${c.iprType ?? '-'}`);
  const elements = check.elements ?? check.counterElements;
  if (elements) {
    const marks = Object.entries(elements).map(([k, v]) => `${v.present ? '+' : '-'}${k}`);
    lines.push(`  elements: ${marks.join(' ')}`);
  }
  if (c.listings.length) lines.push(`  urls (${c.listings.length}): ${c.listings.slice(0, 5).map((l) => `${l.url} [${l.kind}]`).join(', ')}${c.listings.length > 5 ? ', ...' : ''}`);
  for (const f of check.findings) lines.push(`  ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
  if (!check.findings.length) lines.push('  no findings');
  return lines;
}

/**
 * Parses and checks each file and writes one result per file (a JSON line, or
 * a short summary). A file that cannot be read is reported and skipped.
 * Returns the exit code: 0 when every file was parsed, 1 otherwise.
 */
export async function runParse(args: ParseArgs, out: (line: string) => void): Promise<number> {
  let platforms: PlatformProfile[];
  try {
    platforms = await loadPlatforms(args.platformsDir);
  } catch (err) {
    out(args.json ? JSON.stringify({ error: `cannot load platform profiles: ${(err as Error).message}` }) : `cannot load platform profiles: ${(err as Error).message}`);
    return 2;
  }
  let failed = 0;
  for (const file of args.files) {
    try {
      const complaint = parseNotice(await readInput(file, args.platform), { platforms });
      const check = checkComplaint(complaint, { platforms, now: new Date() });
      if (args.json) out(JSON.stringify(record(file, complaint, check)));
      else for (const line of summary(file, complaint, check)) out(line);
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      out(args.json ? JSON.stringify({ file, error: message }) : `${file}: error: ${message}`);
    }
  }
  return failed ? 1 : 0;
}
