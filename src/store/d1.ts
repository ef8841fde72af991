import { CompiledQuery, Kysely, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from './tables.js';

/** The part of Cloudflare's `D1Database` binding this store uses. */
export interface D1Binding {
  prepare(sql: string): unknown;
  batch(statements: unknown[]): Promise<unknown>;
  exec(sql: string): Promise<unknown>;
}

export interface D1StoreOptions {
  /** Longest a transaction may hold the lease before another one may take it over. */
  leaseMs?: number;
  /** Longest a transaction waits for the lease before failing. */
  waitMs?: number;
}

const LEASE = 'transactions';

export class StoreBusyError extends Error {}

/**
 * Kysely over a D1 binding. D1 refuses BEGIN/COMMIT and has no interactive
 * transactions, while every domain verb reads, checks and writes inside
 * `db.transaction()`. So a transaction here holds a lease row while its
 * statements run one by one: transactions never interleave (two reviewers
 * deciding the same case still get a conflict, not a mixed result), but they
 * are not atomic. Verbs check before they write, and with no other
 * transaction in between those checks still hold when they write; what stays
 * behind half-done is a transaction cut off by a D1 or Worker failure.
 */
export function openD1Database(binding: D1Binding, options: D1StoreOptions = {}): Kysely<Database> {
  const inner = new D1Dialect({ database: binding as never });
  const dialect: Dialect = {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new LeasedTransactionDriver(inner.createDriver(), options.leaseMs ?? 30_000, options.waitMs ?? 10_000),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
  return new Kysely<Database>({ dialect });
}

class LeasedTransactionDriver implements Driver {
  private readonly holders = new WeakMap<DatabaseConnection, string>();

  constructor(
    private readonly inner: Driver,
    private readonly leaseMs: number,
    private readonly waitMs: number,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    return {
      // kysely-d1 also returns the field Kysely renamed, which makes Kysely warn on every write.
      executeQuery: async (query) => {
        const { numUpdatedOrDeletedRows: _old, ...result } = (await connection.executeQuery(query)) as QueryResult<never> & { numUpdatedOrDeletedRows?: bigint };
        return result;
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const holder = crypto.randomUUID();
    const deadline = Date.now() + this.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const now = new Date();
      const expires = new Date(now.getTime() + this.leaseMs);
      // One statement, so D1 runs it atomically: take the lease if it is free or expired.
      const result = await connection.executeQuery(
        CompiledQuery.raw(
          'insert into leases (name, holder, expires_at) values (?, ?, ?) on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at where leases.expires_at < ?',
          [LEASE, holder, expires.toISOString(), now.toISOString()],
        ),
      );
      if ((result.numAffectedRows ?? 0n) > 0n) {
        this.holders.set(connection, holder);
        return;
      }
      if (Date.now() + pause > deadline) throw new StoreBusyError('the database is busy; try again in a moment');
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.release(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.release(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  private async release(connection: DatabaseConnection): Promise<void> {
    const holder = this.holders.get(connection);
    this.holders.delete(connection);
    if (!holder) return;
    await connection.executeQuery(CompiledQuery.raw('delete from leases where name = ? and holder = ?', [LEASE, holder]));
  }
}
