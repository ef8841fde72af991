import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import { isBlocking, type Case } from '../schemas/index.js';
import type { ListingDecision } from '../cases/listing-decision.js';
import { insertWebhookDeliveries } from '../../store/repos/webhooks.js';
import { listStatements } from '../../store/repos/statements.js';
import type { Database } from '../../store/tables.js';
import type { StatementOfReasons } from '../dsa/statement-of-reasons.js';
import { counterNoticeLink } from '../links/counter-notice-link.js';

/** Event types the desk sends to the platform's endpoints. */
export const WEBHOOK_EVENT_TYPES = ['case.opened', 'case.decided', 'listing.remove', 'listing.restore', 'counter_notice.received', 'case.closed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

export interface WebhookSettings {
  endpoints: readonly WebhookEndpoint[];
}

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  created_at: string;
  case: { number: string; status: string; kind: string; platform: string | null };
  data: Record<string, unknown>;
}

function caseSummary(c: Case): WebhookEvent['case'] {
  return { number: c.number, status: c.status, kind: c.kind, platform: c.platform };
}

/**
 * Writes events to the webhook outbox inside the caller's transaction, one
 * row per configured endpoint; when the case change rolls back, so do they.
 * Without configured endpoints nothing is written.
 */
export async function recordWebhookEvents(
  trx: Transaction<Database>,
  ctx: Ctx,
  c: Case,
  events: { type: WebhookEventType; data: Record<string, unknown> }[],
): Promise<WebhookEvent[]> {
  const endpoints = ctx.webhooks?.endpoints ?? [];
  if (endpoints.length === 0 || events.length === 0) return [];
  const at = ctx.now().toISOString();
  const built: WebhookEvent[] = events.map((e) => ({ id: `evt_${randomUUID()}`, type: e.type, created_at: at, case: caseSummary(c), data: e.data }));
  await insertWebhookDeliveries(
    trx,
    built.flatMap((event) =>
      endpoints.map((ep) => ({ eventId: event.id, type: event.type, caseId: c.id, endpoint: ep.url, body: JSON.stringify(event), at })),
    ),
  );
  return built;
}

/** `case.decided` with each listing's outcome, then one `listing.remove` per removed listing. */
export async function recordDecisionEvents(trx: Transaction<Database>, ctx: Ctx, c: Case, decisions: ListingDecision[], statements: readonly StatementOfReasons[] = []): Promise<void> {
  if (!ctx.webhooks?.endpoints.length) return;
  const link = decisions.some((d) => d.decision === 'removed') ? counterNoticeLink(ctx, c.id) : { url: null, deadline: null };
  await recordWebhookEvents(trx, ctx, c, [
    { type: 'case.decided', data: { outcome: c.status, listings: decisions.map((d) => ({ url: d.url, outcome: d.decision, reason: d.reason })) } },
    ...decisions
      .filter((d) => d.decision === 'removed')
      .map((d) => ({
        type: 'listing.remove' as const,
        data: {
          listing: { url: d.url, platform: c.platform, case_number: c.number },
          statement_of_reasons: statements.find((s) => s.listingUrl === d.url) ?? null,
          counter_notice: { url: link.url, deadline: link.deadline },
        },
      })),
  ]);
}

/** Why listings were put back, as `listing.restore` says it. */
export type RestoreReason = 'no_answer_in_time' | 'withdrawn' | 'dispute_decided';

/**
 * One `listing.restore` per listing put back, with the fields of the
 * `listing.remove` that took it down: the listing, its statement of reasons,
 * and the counter-notice block (empty: nothing is left to contest), plus why.
 */
export async function recordRestoreEvents(trx: Transaction<Database>, ctx: Ctx, c: Case, urls: string[], reason: RestoreReason): Promise<void> {
  if (!ctx.webhooks?.endpoints.length || urls.length === 0) return;
  const statements = await listStatements(trx, { caseId: c.id });
  await recordWebhookEvents(
    trx,
    ctx,
    c,
    urls.map((url) => ({
      type: 'listing.restore' as const,
      data: {
        listing: { url, platform: c.platform, case_number: c.number },
        statement_of_reasons: statements.find((s) => s.statement.listingUrl === url)?.statement ?? null,
        counter_notice: { url: null, deadline: null },
        reason,
      },
    })),
  );
}

/**
 * `counter_notice.received` on the notice a counter-notice joined, in the
 * transaction that linked them: which counter-notice case, how it came in,
 * where its check left it, and the listings it contests.
 */
export async function recordCounterNoticeEvent(trx: Transaction<Database>, ctx: Ctx, notice: Case, counter: Case, channel: string): Promise<void> {
  await recordWebhookEvents(trx, ctx, notice, [
    {
      type: 'counter_notice.received',
      data: {
        counter_notice: {
          case_number: counter.number,
          channel,
          status: counter.status,
          missing: counter.findings.filter(isBlocking).map((f) => f.code),
        },
        listings: counter.complaint.listings.map((l) => ({ url: l.url, platform: l.platform ?? notice.platform, case_number: notice.number })),
      },
    },
  ]);
}
