import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Q = Kysely<Database> | Transaction<Database>;

export interface Macro {
  id: number;
  name: string;
  language: string;
  body: string;
  updatedBy: string;
  updatedAt: string;
}

const toMacro = (r: { id: number; name: string; language: string; body: string; updated_by: string; updated_at: string }): Macro => ({
  id: Number(r.id),
  name: r.name,
  language: r.language,
  body: r.body,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

/** Every macro, or those of one language, by name. */
export async function listMacros(db: Q, language?: string): Promise<Macro[]> {
  let query = db.selectFrom('macros').selectAll();
  if (language) query = query.where('language', '=', language);
  return (await query.orderBy('name').orderBy('language').execute()).map(toMacro);
}

export async function findMacro(db: Q, id: number): Promise<Macro | null> {
  const row = await db.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMacro(row) : null;
}

/** Creates the macro, or replaces the text of the one with the same name and language. */
export async function upsertMacro(db: Q, m: { name: string; language: string; body: string; by: string; at: string }): Promise<Macro> {
  const row = await db
    .insertInto('macros')
    .values({ name: m.name, language: m.language, body: m.body, updated_by: m.by, updated_at: m.at })
    .onConflict((oc) => oc.columns(['name', 'language']).doUpdateSet({ body: m.body, updated_by: m.by, updated_at: m.at }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMacro(row);
}

export async function deleteMacro(db: Q, id: number): Promise<boolean> {
  const result = await db.deleteFrom('macros').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
