import type { Db } from '../store/open.js';
import { listStatements } from '../store/repos/statements.js';
import { toTransparencyStatement } from '../domain/dsa/transparency-statement.js';

export class SinceError extends Error {}

/** `--since` takes a day (`2026-03-01`, from its start in UTC) or an ISO time. */
export function parseSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const at = new Date(day);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw new SinceError(`--since: "${value}" is not a date (use YYYY-MM-DD or an ISO time)`);
  return at.toISOString();
}

/**
 * Prints stored statements of reasons in the Transparency Database's shape:
 * one request body `{"statements":[...]}` ready for `POST /api/v1/statements`,
 * or with `json` one statement per line (JSON Lines).
 */
export async function printDsaStatements(db: Db, options: { since?: string; json: boolean }, out: (line: string) => void): Promise<number> {
  const stored = await listStatements(db, { since: parseSince(options.since) });
  const statements = stored.map((s) => toTransparencyStatement(s.statement));
  if (options.json) for (const s of statements) out(JSON.stringify(s));
  else out(JSON.stringify({ statements }, null, 2));
  return statements.length;
}
