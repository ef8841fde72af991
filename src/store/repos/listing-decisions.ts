import type { Kysely, Transaction } from 'kysely';
import { ListingDecision } from '../../domain/cases/listing-decision.js';
import type { Database } from '../tables.js';

/** Per-listing decisions live in their own table, added by the 20261124 migration. */
export interface ListingDecisionsTable {
  case_id: number;
  url: string;
  decision: string;
  reason: string | null;
  decided_at: string;
  decided_by: string;
}

type Q = Kysely<Database> | Transaction<Database>;

function table(db: Q) {
  return db.withTables<{ listing_decisions: ListingDecisionsTable }>();
}

/** Writes the decision for each listing, replacing an earlier one for the same URL. */
export async function saveListingDecisions(db: Q, caseId: number, decisions: ListingDecision[], at: string, by: string): Promise<void> {
  for (const d of decisions) {
    await table(db)
      .insertInto('listing_decisions')
      .values({ case_id: caseId, url: d.url, decision: d.decision, reason: d.reason, decided_at: at, decided_by: by })
      .onConflict((oc) => oc.columns(['case_id', 'url']).doUpdateSet({ decision: d.decision, reason: d.reason, decided_at: at, decided_by: by }))
      .execute();
  }
}

export async function listListingDecisions(db: Q, caseId: number): Promise<Array<ListingDecision & { decidedAt: string; decidedBy: string }>> {
  const rows = await table(db).selectFrom('listing_decisions').selectAll().where('case_id', '=', caseId).orderBy('url').execute();
  return rows.map((r) => ({ ...ListingDecision.parse({ url: r.url, decision: r.decision, reason: r.reason }), decidedAt: r.decided_at, decidedBy: r.decided_by }));
}

/** Listings taken down on a case are put back (withdrawal, counter-notice upheld). */
export async function reinstateListings(db: Q, caseId: number, at: string, by: string): Promise<string[]> {
  const removed = await table(db).selectFrom('listing_decisions').select('url').where('case_id', '=', caseId).where('decision', '=', 'removed').execute();
  if (removed.length === 0) return [];
  await table(db)
    .updateTable('listing_decisions')
    .set({ decision: 'reinstated', decided_at: at, decided_by: by })
    .where('case_id', '=', caseId)
    .where('decision', '=', 'removed')
    .execute();
  return removed.map((r) => r.url);
}
