import type { Db } from '../../store/open.js';
import { listUnsubmitted, markFailed, markSubmitted, type StoredStatement } from '../../store/repos/statements.js';
import { toTransparencyStatement, type TransparencyStatement } from './transparency-statement.js';

/** The Transparency Database's answer to one `POST /api/v1/statements`. */
export interface TransparencyAnswer {
  status: number;
  body: unknown;
}

/** The port the submitter talks through; the HTTP client lives outside the domain. */
export interface TransparencyApi {
  postStatements(statements: TransparencyStatement[]): Promise<TransparencyAnswer>;
}

/** The API takes at most this many statements per request. */
export const BATCH_SIZE = 100;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;

export interface SubmitSummary {
  submitted: string[];
  alreadyThere: string[];
  failed: Array<{ puid: string; error: string }>;
}

/** Delay before the next try: 30 s doubling per failed attempt, at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempts, 20));
}

/** Whether a 422 says only that these puids are already in the database (so they are done). */
function duplicatePuidErrors(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('errors' in body)) return false;
  const errors = (body as { errors: unknown }).errors;
  if (!errors || typeof errors !== 'object') return false;
  const keys = Object.keys(errors);
  return keys.length > 0 && keys.every((k) => k === 'puid' || k.endsWith('.puid'));
}

function describe(answer: TransparencyAnswer): string {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return `HTTP ${answer.status}: ${(text ?? '').slice(0, 300)}`;
}

/**
 * Sends every statement not yet accepted, in batches of up to 100. A 2xx
 * marks the batch done. A 422 on a batch is retried one statement at a time,
 * so the statements the database already holds (a 422 on their puid: sent
 * before, and the answer lost) count as done and the others still go. Network
 * errors and other answers leave the statements for a later try with backoff.
 */
export async function submitStatements(db: Db, api: TransparencyApi, now: () => Date): Promise<SubmitSummary> {
  const summary: SubmitSummary = { submitted: [], alreadyThere: [], failed: [] };
  const tried = new Set<string>();
  for (;;) {
    const due = (await listUnsubmitted(db, now().toISOString(), BATCH_SIZE + tried.size)).filter((s) => !tried.has(s.statement.puid)).slice(0, BATCH_SIZE);
    if (due.length === 0) return summary;
    for (const s of due) tried.add(s.statement.puid);
    await sendBatch(db, api, now, due, summary);
  }
}

async function sendBatch(db: Db, api: TransparencyApi, now: () => Date, due: StoredStatement[], summary: SubmitSummary): Promise<void> {
  const puids = due.map((s) => s.statement.puid);
  const answer = await post(api, due.map((s) => toTransparencyStatement(s.statement)));
  if (answer.status >= 200 && answer.status < 300) {
    await markSubmitted(db, puids, now().toISOString());
    summary.submitted.push(...puids);
    return;
  }
  if (answer.status === 422 && due.length > 1) {
    for (const s of due) await sendBatch(db, api, now, [s], summary);
    return;
  }
  if (answer.status === 422 && duplicatePuidErrors(answer.body)) {
    await markSubmitted(db, puids, now().toISOString());
    summary.alreadyThere.push(...puids);
    return;
  }
  const error = describe(answer);
  for (const s of due) {
    await markFailed(db, s.statement.puid, error, new Date(now().getTime() + retryDelayMs(s.attempts)).toISOString());
    summary.failed.push({ puid: s.statement.puid, error });
  }
}

async function post(api: TransparencyApi, statements: TransparencyStatement[]): Promise<TransparencyAnswer> {
  try {
    return await api.postStatements(statements);
  } catch (error) {
    return { status: 0, body: `request failed: ${(error as Error).message}` };
  }
}
