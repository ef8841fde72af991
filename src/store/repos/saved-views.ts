import type { Kysely, Transaction } from 'kysely';
import { keptRead } from '../read-cache.js';
import type { Database } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface SavedView {
  id: number;
  name: string;
  owner: string;
  shared: boolean;
  /** The queue's query string, without the leading `?`. */
  query: string;
}

export async function insertSavedView(db: Q, view: Omit<SavedView, 'id'> & { at: string }): Promise<SavedView> {
  const row = await db
    .insertInto('saved_views')
    .values({ name: view.name, owner: view.owner, shared: view.shared ? 1 : 0, query: view.query, created_at: view.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), name: view.name, owner: view.owner, shared: view.shared, query: view.query };
}

/** The reader's own views and every shared one, by name. */
export function listSavedViews(db: Q, reader: string): Promise<SavedView[]> {
  return keptRead(db, `saved-views:${reader}`, Date.now(), () => readSavedViews(db, reader));
}

async function readSavedViews(db: Q, reader: string): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('saved_views')
    .selectAll()
    .where((eb) => eb.or([eb('owner', '=', reader), eb('shared', '=', 1)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, owner: r.owner, shared: Number(r.shared) === 1, query: r.query }));
}

/** Deletes the view when `owner` saved it; false when there is no such view of theirs. */
export async function deleteSavedView(db: Q, id: number, owner: string): Promise<boolean> {
  const result = await db.deleteFrom('saved_views').where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
