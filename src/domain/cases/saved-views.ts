import { z } from 'zod';
import type { Ctx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { deleteSavedView, insertSavedView, listSavedViews, type SavedView } from '../../store/repos/saved-views.js';
import { QueueFilter } from './list-queue.js';
import { parseInput, requireReviewer } from './review-support.js';

export type { SavedView };

export const SaveViewInput = z.object({
  name: z.string().trim().min(1, 'Name the view.').max(80),
  shared: z.boolean().default(false),
  /** The queue's query string as the reviewer sees it. */
  query: z.string().max(2000),
});
export type SaveViewInput = z.input<typeof SaveViewInput>;

/**
 * Keeps only what the queue understands, in a fixed order, without the page:
 * a view opens on its first page, and a stray parameter is not stored.
 */
export function normaliseQuery(query: string): string {
  const raw = Object.fromEntries(new URLSearchParams(query.replace(/^\?/, '')));
  const filter = parseInput(QueueFilter, raw);
  const out = new URLSearchParams();
  for (const key of Object.keys(QueueFilter.shape) as Array<keyof QueueFilter>) {
    const value = filter[key];
    if (value === undefined || key === 'page' || (key === 'pageSize' && value === 50)) continue;
    out.set(key, String(value));
  }
  return out.toString();
}

/** Saves the current queue filter under a name, for the reviewer alone or for everyone. */
export async function saveView(ctx: Ctx, raw: SaveViewInput): Promise<SavedView> {
  const input = parseInput(SaveViewInput, raw);
  requireReviewer(ctx);
  return insertSavedView(ctx.db, { name: input.name, owner: ctx.actor.id, shared: input.shared, query: normaliseQuery(input.query), at: ctx.now().toISOString() });
}

export function listViews(ctx: Ctx): Promise<SavedView[]> {
  return listSavedViews(ctx.db, ctx.actor.id);
}

/** Only the reviewer who saved a view deletes it. */
export async function deleteView(ctx: Ctx, id: number): Promise<void> {
  requireReviewer(ctx);
  if (!(await deleteSavedView(ctx.db, id, ctx.actor.id))) throw new NotFoundError('There is no such view of yours.');
}
