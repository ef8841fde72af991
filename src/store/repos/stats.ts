import { sql, type Kysely, type Transaction } from 'kysely';
import type { Case } from '../../domain/schemas/index.js';
import { isPostgres } from '../migrations/column-types.js';
import type { Database } from '../tables.js';
import { toCase } from './cases.js';

type Q = Kysely<Database> | Transaction<Database>;

/** One complainant's notices and what became of them, added up by the database. */
export interface ComplainantTotals {
  complainant: string | null;
  requests: number;
  requestsSince: number;
  decided: number;
  decidedWithin24h: number;
  successes: number;
  successfulCounterNotices: number;
  falseInformation: boolean;
}

const DECISIONS = sql.join(['accepted', 'partially_accepted', 'rejected'].map((t) => sql.lit(t)));
const TAKEDOWNS = sql.join(['accepted', 'partially_accepted'].map((t) => sql.lit(t)));
const OUTCOME_EVENTS = sql.join(['accepted', 'partially_accepted', 'rejected', 'reinstated', 'dispute_decided', 'withdrawn'].map((t) => sql.lit(t)));

/**
 * Per complainant: notices, notices since `since`, and of the decided ones
 * (a first accept or reject): those decided within 24 hours of arrival, those
 * taken down, those undone by a counter-notice (reinstated for want of an
 * answer, or a dispute decided for the merchant), and whether any was rejected
 * as false information. One pass over the notices and their outcome events.
 */
export async function complainantTotals(db: Q, since: string): Promise<ComplainantTotals[]> {
  const seconds = isPostgres(db as Kysely<unknown>)
    ? sql`extract(epoch from (d.first_at::timestamptz - c.created_at::timestamptz))`
    : sql`(julianday(d.first_at) - julianday(c.created_at)) * 86400`;
  const { rows } = await sql<Record<string, unknown>>`
    with d as (
      select case_id,
        min(case when type in (${DECISIONS}) then at end) as first_at,
        max(case when type in (${TAKEDOWNS}) then 1 else 0 end) as took_down,
        max(case when type = 'rejected' and data like '%"reason":"false_information"%' then 1 else 0 end) as false_info,
        max(case when (type = 'reinstated' and data like '%"reason":"no_answer_in_time"%') or (type = 'dispute_decided' and data like '%"outcome":"reinstate"%') then 1 else 0 end) as undone
      from case_events where type in (${OUTCOME_EVENTS}) group by case_id
    )
    select c.complainant_email as complainant,
      count(*) as requests,
      sum(case when c.created_at >= ${since} then 1 else 0 end) as requests_since,
      sum(case when d.first_at is not null then 1 else 0 end) as decided,
      sum(case when d.first_at is not null and ${seconds} <= 86400 then 1 else 0 end) as within_24h,
      sum(case when d.first_at is not null and d.took_down = 1 then 1 else 0 end) as successes,
      sum(case when d.first_at is not null and d.took_down = 1 and d.undone = 1 then 1 else 0 end) as successful_counter_notices,
      max(case when d.first_at is not null and d.false_info = 1 then 1 else 0 end) as false_info
    from cases c left join d on d.case_id = c.id
    where c.kind = 'notice'
    group by c.complainant_email`.execute(db);
  return rows.map((r) => ({
    complainant: (r.complainant as string | null) ?? null,
    requests: Number(r.requests),
    requestsSince: Number(r.requests_since),
    decided: Number(r.decided),
    decidedWithin24h: Number(r.within_24h),
    successes: Number(r.successes),
    successfulCounterNotices: Number(r.successful_counter_notices),
    falseInformation: Number(r.false_info) === 1,
  }));
}

export async function countNoticesByStatus(db: Q): Promise<Record<string, number>> {
  const rows = await db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('kind', '=', 'notice').groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Cases in pages, oldest first, for exports that must not hold everything in memory at once. */
export async function listCasesPage(db: Q, afterId: number, limit: number, statuses: readonly string[] | null = null): Promise<Case[]> {
  let query = db.selectFrom('cases').selectAll().where('id', '>', afterId).orderBy('id').limit(limit);
  if (statuses) query = query.where('status', 'in', [...statuses]);
  return (await query.execute()).map(toCase);
}
