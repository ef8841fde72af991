import { z } from 'zod';
import type { Ctx } from '../context.js';
import { CaseStatus, IprType, NEEDS_ACTION, NoticeKind, type CaseSummary } from '../schemas/index.js';
import { UNASSIGNED, countByStatus, countNeedingActionFor, countPastSla, firstCreatedFrom, listPlatformsInUse, nextSlaDeadline, queryQueue, type QueueQuery } from '../../store/repos/case-queue.js';
import { keptRead } from '../../store/read-cache.js';
import { DomainError } from '../errors.js';
import { parseInput } from './review-support.js';

export { NEEDS_ACTION };

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const QueueFilter = z.object({
  /** A status, `open` (needs action, the default) or `all`. */
  status: z.preprocess(emptyToUndefined, z.union([CaseStatus, z.enum(['open', 'all'])]).default('open')),
  platform: z.preprocess(emptyToUndefined, z.string().max(60).optional()),
  kind: z.preprocess(emptyToUndefined, NoticeKind.optional()),
  iprType: z.preprocess(emptyToUndefined, IprType.optional()),
  findings: z.preprocess(emptyToUndefined, z.enum(['yes', 'no']).optional()),
  age: z.preprocess(emptyToUndefined, z.enum(['today', 'over_24h', 'over_3d', 'over_7d']).optional()),
  sla: z.preprocess(emptyToUndefined, z.enum(['breached']).optional()),
  /** `me` (the signed-in reviewer), `unassigned`, or an account's email. */
  assignee: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  /** `received` (oldest first, the default) or `sla` (soonest due first). */
  sort: z.preprocess(emptyToUndefined, z.enum(['received', 'sla']).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(200).default(50)),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

export interface QueuePage {
  filter: QueueFilter;
  cases: CaseSummary[];
  total: number;
  pages: number;
  counts: Record<string, number>;
  slaBreached: number;
  /** Cases needing action held by the reader, and by nobody. */
  mine: number;
  unassigned: number;
  platforms: string[];
}

function hoursAgo(now: Date, hours: number): string {
  return new Date(now.getTime() - hours * 3600 * 1000).toISOString();
}

/** The repository query a filter stands for at `now`, from `offset`, at most `limit` rows. */
function toQuery(ctx: Ctx, filter: QueueFilter, limit: number, offset: number, now = ctx.now()): QueueQuery {
  const statuses = filter.sla === 'breached' || filter.status === 'open' ? NEEDS_ACTION : filter.status === 'all' ? null : [filter.status];
  const ageBefore = { over_24h: 24, over_3d: 72, over_7d: 168 } as const;
  const createdBefore = filter.age && filter.age !== 'today' ? hoursAgo(now, ageBefore[filter.age]) : null;
  const caseNumber = filter.q && /^ND-\d{4}-\d{6,}$/i.test(filter.q) ? filter.q.toUpperCase() : null;
  return {
    statuses,
    platform: filter.platform ?? null,
    kind: filter.kind ?? null,
    iprType: filter.iprType ?? null,
    hasFindings: filter.findings === undefined ? null : filter.findings === 'yes',
    createdBefore,
    createdAfter: filter.age === 'today' ? hoursAgo(now, 24) : null,
    // Past the SLA clock each case's timer shows (business hours and holidays of its platform), not 24 h since receipt.
    slaDueBefore: filter.sla === 'breached' ? now.toISOString() : null,
    assignee: filter.assignee === 'me' ? ctx.actor.id : (filter.assignee ?? null),
    search: { caseNumber, text: caseNumber ? null : (filter.q ?? null) },
    sort: filter.sort ?? 'received',
    limit,
    offset,
  };
}

/**
 * Until when (epoch ms) the cases a query matches stay the same if nothing is
 * written: the next instant a case crosses one of its clock-bound limits
 * (its SLA deadline, or an age the filter names).
 */
async function matchesHoldUntil(ctx: Ctx, q: QueueQuery, now: Date): Promise<number> {
  let until = Infinity;
  if (q.slaDueBefore) {
    // Only cases that need action have an SLA filter; for any other set, the next deadline is not looked for.
    if (!q.statuses || q.statuses !== NEEDS_ACTION) return 0;
    const next = await nextSlaDeadline(ctx.db, q.slaDueBefore);
    if (next) until = Date.parse(next);
  }
  // "Older than H": the first younger case joins H after it was created; "today": the oldest one leaves 24 h after.
  for (const bound of [q.createdBefore, q.createdAfter]) {
    if (!bound) continue;
    const first = await firstCreatedFrom(ctx.db, bound);
    if (first) until = Math.min(until, Date.parse(first) + (now.getTime() - Date.parse(bound)));
  }
  return until;
}

/** The review queue: filters, search, pagination and the counts the console shows beside them. */
export async function listQueue(ctx: Ctx, raw: unknown): Promise<QueuePage> {
  const filter = parseInput(QueueFilter, raw);
  const now = ctx.now();
  const at = now.getTime();
  const db = ctx.db;
  const query = toQuery(ctx, filter, filter.pageSize, (filter.page - 1) * filter.pageSize, now);
  // Each figure is kept until the next write (see keptRead); clock-bound ones also until the clock changes them.
  // The page is kept under its filter, not the instants the filter stands for now.
  const pageKey = JSON.stringify({ ...query, createdBefore: filter.age ?? null, createdAfter: null, slaDueBefore: filter.sla ?? null });
  const [{ cases, total }, counts, slaBreached, mine, unassigned, platforms] = await Promise.all([
    keptRead(db, `queue:${pageKey}`, at, () => queryQueue(db, query), () => matchesHoldUntil(ctx, query, now)),
    keptRead(db, 'queue:counts', at, () => countByStatus(db)),
    keptRead(db, 'queue:past-sla', at, () => countPastSla(db, now.toISOString()), async () => {
      const next = await nextSlaDeadline(db, now.toISOString());
      return next ? Date.parse(next) : Infinity;
    }),
    keptRead(db, `queue:needing-action:${ctx.actor.id}`, at, () => countNeedingActionFor(db, ctx.actor.id)),
    keptRead(db, 'queue:unassigned', at, () => countNeedingActionFor(db, UNASSIGNED)),
    ctx.platforms.length ? ctx.platforms.map((p) => p.id) : keptRead(db, 'queue:platforms', at, () => listPlatformsInUse(db)),
  ]);
  return { filter, cases, total, pages: Math.max(1, Math.ceil(total / filter.pageSize)), counts, slaBreached, mine, unassigned, platforms };
}

/**
 * Every case a filter matches (all pages), for "select all matching". More
 * than `limit` is refused rather than cut short, so no case is left out unseen.
 */
export async function listMatchingCases(ctx: Ctx, raw: unknown, limit: number): Promise<Array<{ caseNumber: string; version: number }>> {
  const filter = parseInput(QueueFilter, raw);
  const { cases, total } = await queryQueue(ctx.db, toQuery(ctx, filter, limit, 0));
  if (total > limit) throw new DomainError('invalid_input', `The filter matches ${total} cases; one action takes at most ${limit}. Narrow the filter.`, { fields: { matching: 'too many cases' } });
  return cases.map((c) => ({ caseNumber: c.number, version: c.version }));
}
