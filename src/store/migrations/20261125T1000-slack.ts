import type { Kysely } from 'kysely';

/**
 * Slack: where each case was posted (its thread receives the later events),
 * how far the poller has read the case records, and which deliveries were
 * already handled (Slack retries a delivery it thinks was lost).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('slack_posts')
    .addColumn('case_id', 'integer', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('ts', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('slack_checkpoints')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('slack_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('slack_deliveries').execute();
  await db.schema.dropTable('slack_checkpoints').execute();
  await db.schema.dropTable('slack_posts').execute();
}
