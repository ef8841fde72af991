import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { trackDataVersion } from './read-cache.js';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;

/**
 * Opens the store named by `NOTICEDESK_DB`: a file path (SQLite, the default)
 * or a `postgres://` URL for teams that run several instances.
 */
export function openDatabase(location: string): Db {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location, max: 10 }) }) });
    // Two equal snapshots see the same rows: the text moves whenever a transaction that wrote commits, on any instance.
    trackDataVersion(db, async () => (await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db)).rows[0]!.v);
    return db;
  }
  const file = location.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  // data_version moves when another connection (a page worker's, the reply sender's, another process) commits;
  // total_changes() with every row this connection writes. Read directly: Kysely runs one query at a time on
  // this connection, so no read of rows can fall between a transaction's writes and its commit.
  const version = sqlite.prepare('select (select data_version from pragma_data_version) as d, total_changes() as t');
  trackDataVersion(db, () => {
    const row = version.get() as { d: number; t: number };
    return `${row.d}.${row.t}`;
  });
  return db;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; better-sqlite3 can reuse a prepared
 * statement for the same SQL text. Queries run one at a time on this single
 * connection, so a cached statement is never used by two queries at once.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      // Another connection writes too (the reply sender's thread). A deferred transaction that has read
      // cannot take the write lock once that connection has committed (SQLITE_BUSY_SNAPSHOT, which no busy
      // timeout retries), so every transaction takes the lock at its start and waits for it there.
      if (sql === 'begin') sql = 'begin immediate';
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
