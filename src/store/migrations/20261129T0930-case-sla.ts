import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-types.js';

/**
 * `sla_due_at`: when a case that needs action is due for a reviewer (its
 * platform's target), or, while it waits for the sender, when the sender's
 * answer is due and the case comes back to reviewers. Indexed after
 * `queue_rank` so "Needs action, soonest due first" reads the index in order.
 * Cases that need action when this runs get the default target, 24 hours
 * from their receipt; the others get one the next time they change.
 */
const NEEDS_ACTION_AT_MIGRATION = ['in_review', 'received', 'counter_noticed', 'disputed'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('sla_due_at', 'text').execute();
  const list = sql.join(NEEDS_ACTION_AT_MIGRATION.map((s) => sql.lit(s)));
  const plus24h = isPostgres(db)
    ? sql`to_char((created_at::timestamptz + interval '24 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+24 hours')`;
  await sql`update cases set sla_due_at = ${plus24h} where status in (${list})`.execute(db);
  await db.schema.createIndex('cases_sla_queue').on('cases').columns(['queue_rank', 'sla_due_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_sla_queue').execute();
  await db.schema.alterTable('cases').dropColumn('sla_due_at').execute();
}
