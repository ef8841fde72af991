import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/store/open.js';
import { openTestDb, tempSqlitePath } from '../../support/store.js';

let path: string;
let db: Db;
let other: SQLite.Database;

beforeAll(async () => {
  path = tempSqlitePath();
  await (await openTestDb(path)).destroy();
  db = openDatabase(path);
  // A second writer on the same file, as the reply sender's thread is; it does not wait, so a held lock shows at once.
  other = new SQLite(path);
  other.pragma('busy_timeout = 0');
});
afterAll(async () => {
  other.close();
  await db.destroy();
});

describe('a transaction beside another connection that writes', () => {
  it('commits what it read and wrote, because it holds the write lock from its start', async () => {
    const insert = other.prepare(`insert into counters (name, value) values (?, 1)`);
    let otherWrite: string | null = null;
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('counters').selectAll().execute();
      try {
        insert.run('other-writer');
        otherWrite = 'committed';
      } catch (error) {
        otherWrite = (error as { code?: string }).code ?? 'error';
      }
      await trx.insertInto('counters').values({ name: 'in-transaction', value: 1 }).execute();
    });
    // The other connection waited its turn (busy) instead of making this transaction fail half-way.
    expect(otherWrite).toBe('SQLITE_BUSY');
    insert.run('other-writer');
    const names = (await db.selectFrom('counters').select('name').execute()).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['in-transaction', 'other-writer']));
  });
});
