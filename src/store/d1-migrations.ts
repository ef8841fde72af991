import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { migrationProvider } from './migrations/index.js';

export interface SqlMigration {
  name: string;
  sql: string;
}

/**
 * The migration list as SQL files for `wrangler d1 migrations apply`: each
 * migration's `up` runs against a Kysely that speaks SQLite (as D1 does) and
 * records the statements instead of running them. The schema is written once,
 * in the migrations; this only replays it.
 */
export async function compileD1Migrations(): Promise<SqlMigration[]> {
  const migrations = await migrationProvider.getMigrations();
  const out: SqlMigration[] = [];
  for (const name of Object.keys(migrations).sort()) {
    const statements: string[] = [];
    const db = recordingKysely(statements);
    await migrations[name]!.up(db);
    await db.destroy();
    out.push({ name, sql: `-- ${name} (compiled from src/store/migrations)\n${statements.map((s) => `${s};\n`).join('')}` });
  }
  return out;
}

function recordingKysely(statements: string[]): Kysely<unknown> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      // Schema statements inline their values; a parameter would mean a data migration that needs a real database.
      if (query.parameters.length > 0) throw new Error(`a migration statement has parameters and cannot be replayed as SQL: ${query.sql}`);
      statements.push(query.sql);
      return { rows: [] };
    },
    streamQuery() {
      throw new Error('migrations compiled for D1 cannot stream');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return new Kysely<unknown>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db) => new SqliteIntrospector(db),
    },
  });
}
