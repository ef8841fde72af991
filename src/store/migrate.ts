import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index.js';
import { backfillQueueColumns } from './repos/cases.js';

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  await backfillQueueColumns(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
