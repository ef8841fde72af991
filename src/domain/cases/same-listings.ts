import type { Ctx } from '../context.js';
import type { Case, CaseStatus } from '../schemas/index.js';
import { findCasesWithListing } from '../../store/repos/case-queue.js';

export type SeenBefore = Record<string, Array<{ number: string; status: CaseStatus }>>;

/** Per listing URL of the case, the other cases (open or decided) that name the same listing. */
export async function findSameListings(ctx: Ctx, c: Case): Promise<SeenBefore> {
  const urls = [...new Set(c.complaint.listings.map((l) => l.url))].slice(0, 200);
  const found = await Promise.all(urls.map(async (url) => [url, await findCasesWithListing(ctx.db, url, c.id)] as const));
  return Object.fromEntries(found.filter(([, cases]) => cases.length > 0));
}
