/**
 * The SQL pieces of the kept /stats figures (migration 20261129T1500), for
 * SQLite/D1 and PostgreSQL. The definitions match the full computation in
 * `repos/stats-recount.ts`; a change to either needs a new migration that
 * rebuilds the figures, so this file stays as that migration wrote them.
 */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** A notice's first decision. */
export const DECISION_EVENTS = list(['accepted', 'partially_accepted', 'rejected']);
/** Events that change a notice's row: its first decision and its outcome flags. */
const FIGURE_EVENTS = list(['accepted', 'partially_accepted', 'rejected', 'reinstated', 'dispute_decided']);
/** Events counted as counter-notice outcomes. */
const COUNTER_EVENTS = list(['reinstated', 'withdrawn', 'counter_notice_rejected', 'dispute_decided']);
const DAY_MS = 86_400_000;

export function keptStatsSql(pg: boolean) {
  const differs = pg ? 'is distinct from' : 'is not';
  /** The Monday (UTC) of the week an ISO timestamp falls in, YYYY-MM-DD. */
  const week = (at: string) => (pg ? `to_char(date_trunc('week', (${at})::timestamptz at time zone 'UTC'), 'YYYY-MM-DD')` : `date(${at}, '-6 days', 'weekday 1')`);
  /** Whole milliseconds from one ISO timestamp to another (exact: julianday's rounding error is far below a millisecond). */
  const millisBetween = (from: string, to: string) =>
    pg ? `(round(extract(epoch from ((${to})::timestamptz - (${from})::timestamptz)) * 1000)::bigint)` : `cast(round((julianday(${to}) - julianday(${from})) * ${DAY_MS}) as integer)`;
  const complainantKey = (email: string) => `coalesce('@' || ${email}, '')`;
  const platformKey = (platform: string) => `coalesce(${platform}, '')`;
  const counterOutcome = (e: string) =>
    `(case when ${e}.type = 'reinstated' then 'reinstated_no_answer' when ${e}.type = 'withdrawn' then 'withdrawn' when ${e}.type = 'counter_notice_rejected' then 'dispute_opened' when ${e}.data like '%"outcome":"reinstate"%' then 'dispute_reinstated' else 'dispute_upheld' end)`;

  /** SET assignments that recount one notice's row from its events. */
  const recountAssignments = (id: string) => {
    const first = `(select min(e.at) from case_events e where e.case_id = ${id} and e.type in (${DECISION_EVENTS}))`;
    const any = (cond: string) => `(case when exists (select 1 from case_events e where e.case_id = ${id} and (${cond})) then 1 else 0 end)`;
    return [
      `decided_at = ${first}`,
      `reviewer = (select min(coalesce(e.actor_name, e.actor_id)) from case_events e where e.case_id = ${id} and e.type in (${DECISION_EVENTS}) and e.at = ${first})`,
      `decision_ms = ${millisBetween('received_at', first)}`,
      `took_down = ${any(`e.type in ('accepted', 'partially_accepted')`)}`,
      `false_info = ${any(`e.type = 'rejected' and e.data like '%"reason":"false_information"%'`)}`,
      `undone = ${any(`(e.type = 'reinstated' and e.data like '%"reason":"no_answer_in_time"%') or (e.type = 'dispute_decided' and e.data like '%"outcome":"reinstate"%')`)}`,
    ].join(', ');
  };

  /** What one notice row adds to the sums, each 0 or 1. */
  const contributions = (r: string) => {
    const decided = `${r}.decided_at is not null`;
    const one = (cond: string) => `(case when ${cond} then 1 else 0 end)`;
    return {
      decided: one(decided),
      within: one(`${decided} and ${r}.decision_ms <= ${DAY_MS}`),
      success: one(`${decided} and ${r}.took_down = 1`),
      undone: one(`${decided} and ${r}.took_down = 1 and ${r}.undone = 1`),
      falseInfo: one(`${decided} and ${r}.false_info = 1`),
    };
  };

  const figuresAdd = (r: string) => {
    const c = contributions(r);
    return [
      `insert into complainant_figures (complainant_key, complainant, requests, decided, within_24h, successes, undone, false_info)
        values (${complainantKey(`${r}.complainant`)}, ${r}.complainant, 1, ${c.decided}, ${c.within}, ${c.success}, ${c.undone}, ${c.falseInfo})
        on conflict (complainant_key) do update set requests = complainant_figures.requests + 1, decided = complainant_figures.decided + excluded.decided,
          within_24h = complainant_figures.within_24h + excluded.within_24h, successes = complainant_figures.successes + excluded.successes,
          undone = complainant_figures.undone + excluded.undone, false_info = complainant_figures.false_info + excluded.false_info`,
      `insert into notice_weeks (week, received, decided, within_24h) values (${week(`${r}.received_at`)}, 1, 0, 0)
        on conflict (week) do update set received = notice_weeks.received + 1`,
      `insert into notice_weeks (week, received, decided, within_24h) select ${week(`${r}.decided_at`)}, 0, 1, ${c.within} where ${r}.decided_at is not null
        on conflict (week) do update set decided = notice_weeks.decided + 1, within_24h = notice_weeks.within_24h + excluded.within_24h`,
      ...[['platform', platformKey(`${r}.platform`)], ['reviewer', `${r}.reviewer`]].map(
        ([dimension, key]) => `insert into decision_weeks (dimension, week, key, decided, within_24h) select '${dimension}', ${week(`${r}.decided_at`)}, ${key}, 1, ${c.within} where ${r}.decided_at is not null
          on conflict (dimension, week, key) do update set decided = decision_weeks.decided + 1, within_24h = decision_weeks.within_24h + excluded.within_24h`,
      ),
    ];
  };

  const figuresRemove = (r: string) => {
    const c = contributions(r);
    return [
      `update complainant_figures set requests = requests - 1, decided = decided - ${c.decided}, within_24h = within_24h - ${c.within},
        successes = successes - ${c.success}, undone = undone - ${c.undone}, false_info = false_info - ${c.falseInfo}
        where complainant_key = ${complainantKey(`${r}.complainant`)}`,
      `update notice_weeks set received = received - 1 where week = ${week(`${r}.received_at`)}`,
      `update notice_weeks set decided = decided - 1, within_24h = within_24h - ${c.within} where ${r}.decided_at is not null and week = ${week(`${r}.decided_at`)}`,
      ...[['platform', platformKey(`${r}.platform`)], ['reviewer', `${r}.reviewer`]].map(
        ([dimension, key]) => `update decision_weeks set decided = decided - 1, within_24h = within_24h - ${c.within}
          where ${r}.decided_at is not null and dimension = '${dimension}' and week = ${week(`${r}.decided_at`)} and key = ${key}`,
      ),
    ];
  };

  /** A row change that moves a sum. */
  const figuresMoved = ['complainant', 'platform', 'reviewer', 'received_at', 'decided_at', 'decision_ms', 'took_down', 'undone', 'false_info'].map((col) => `old.${col} ${differs} new.${col}`).join(' or ');

  const isNotice = (caseId: string) => `exists (select 1 from cases c where c.id = ${caseId} and c.kind = 'notice')`;
  /** One event's counter-notice outcome, added or taken away. */
  const counterOutcomeChange = (r: string, sign: '+' | '-') =>
    sign === '+'
      ? `insert into counter_outcome_weeks (week, outcome, n) select ${week(`${r}.at`)}, ${counterOutcome(r)}, 1 where ${r}.type in (${COUNTER_EVENTS}) and ${isNotice(`${r}.case_id`)}
          on conflict (week, outcome) do update set n = counter_outcome_weeks.n + 1`
      : `update counter_outcome_weeks set n = n - 1 where ${r}.type in (${COUNTER_EVENTS}) and week = ${week(`${r}.at`)} and outcome = ${counterOutcome(r)} and ${isNotice(`${r}.case_id`)}`;
  /** Every counter-notice outcome of one case, added or taken away (when a case stops or starts being a notice). */
  const counterOutcomesOfCase = (id: string, sign: '+' | '-') => {
    const of = `from case_events e where e.case_id = ${id} and e.type in (${COUNTER_EVENTS})`;
    return sign === '+'
      ? [
          `insert into counter_outcome_weeks (week, outcome, n) select ${week('e.at')}, ${counterOutcome('e')}, count(*) ${of} group by ${week('e.at')}, ${counterOutcome('e')}
            on conflict (week, outcome) do update set n = counter_outcome_weeks.n + excluded.n`,
        ]
      : [`update counter_outcome_weeks set n = n - (select count(*) ${of} and ${week('e.at')} = counter_outcome_weeks.week and ${counterOutcome('e')} = counter_outcome_weeks.outcome)`];
  };

  return {
    FIGURE_EVENTS,
    COUNTER_EVENTS,
    week,
    millisBetween,
    complainantKey,
    platformKey,
    counterOutcome,
    recountAssignments,
    contributions,
    figuresAdd,
    figuresRemove,
    figuresMoved,
    counterOutcomeChange,
    counterOutcomesOfCase,
    statusAdd: (status: string) => `insert into notice_status_counts (status, n) values (${status}, 1) on conflict (status) do update set n = notice_status_counts.n + 1`,
    statusRemove: (status: string) => `update notice_status_counts set n = n - 1 where status = ${status}`,
  };
}

export type KeptStatsSql = ReturnType<typeof keptStatsSql>;
