import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { closeCase } from '../../../src/domain/cases/close-case.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { verifyLink } from '../../../src/domain/links/signed-link.js';
import { deliverDueWebhooks, retryDelayMs, type DeliveryOptions } from '../../../src/domain/webhooks/deliver.js';
import { verifyWebhookSignature } from '../../../src/domain/webhooks/signature.js';
import type { Db } from '../../../src/store/open.js';
import { listCaseDeliveries } from '../../../src/store/repos/webhooks.js';
import { openTestDb, TEST_LINK_SECRET, testCtx } from '../../support/store.js';
import { LINK_DAYS_DEFAULT } from '../../../src/config.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';
import { REVIEWER, seedCase } from '../domain/seed.js';

const SECRET = 'platform-webhook-secret-0123456789';

describe('webhook outbox and delivery', () => {
  let db: Db;
  let clock = new Date('2026-03-04T10:00:00Z');
  const now = () => clock;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.destroy());

  function ctxFor(url: string): Ctx {
    const base = testCtx(db, { now });
    return makeCtx({ ...base, webhooks: { endpoints: [{ url, secret: SECRET }] } }, REVIEWER);
  }
  const delivery = (url: string): DeliveryOptions => ({ db, endpoints: [{ url, secret: SECRET }], now, retryBaseMs: 1_000, retryForMs: 24 * 3_600_000, timeoutMs: 2_000, random: () => 0.5 });

  it('an accepted case sends case.decided and one signed listing.remove per removed listing', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const ctx = ctxFor(receiver.url);
      const c = await seedCase(ctx);
      const urls = c.complaint.listings.map((l) => l.url);
      await acceptCase(ctx, { caseNumber: c.number, listings: urls.slice(0, 2), keptReason: 'Genuine goods.' });
      expect(await deliverDueWebhooks(delivery(receiver.url))).toEqual({ delivered: 4, failed: 0 });
      expect(receiver.received.map((r) => r.event.type)).toEqual(['case.opened', 'case.decided', 'listing.remove', 'listing.remove']);
      for (const hook of receiver.received) {
        expect(hook.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        expect(verifyWebhookSignature(SECRET, hook.body, hook.signature!, clock)).toBe(true);
        expect(verifyWebhookSignature('another-secret-0123456789abcdef', hook.body, hook.signature!, clock)).toBe(false);
        expect(verifyWebhookSignature(SECRET, hook.body.replace('}', ' }'), hook.signature!, clock)).toBe(false);
        expect(hook.event).toMatchObject({ created_at: clock.toISOString(), case: { number: c.number } });
        expect(hook.event.id).toMatch(/^evt_/);
      }
      expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(4);
      const decided = receiver.received[1]!.event.data as { listings: { url: string; outcome: string }[] };
      expect(decided.listings.map((l) => l.outcome)).toEqual(['removed', 'removed', 'kept']);
      const removals = receiver.received.slice(2).map((r) => r.event.data as { listing: { url: string; platform: string | null; case_number: string }; statement_of_reasons: { puid: string; listingUrl: string } | null; counter_notice: { url: string; deadline: string } });
      expect(removals.map((r) => r.listing.url)).toEqual(urls.slice(0, 2));
      expect(removals[0]!.listing.case_number).toBe(c.number);
      expect(removals[0]!.statement_of_reasons).toMatchObject({ listingUrl: removals[0]!.listing.url, puid: expect.stringMatching(/-L\d+$/) });
      // The one link period of the desk (NOTICEDESK_LINK_DAYS), the same as the status page's.
      expect(removals[0]!.counter_notice.deadline).toBe(new Date(clock.getTime() + LINK_DAYS_DEFAULT * 86_400_000).toISOString());
      const token = removals[0]!.counter_notice.url.split('/counter-notice/')[1]!;
      const check = verifyLink(TEST_LINK_SECRET, token, 'counter_notice', clock);
      expect(check.ok && check.claims.caseId).toBe(c.id);
      // Delivered rows are not sent again.
      expect(await deliverDueWebhooks(delivery(receiver.url))).toEqual({ delivered: 0, failed: 0 });
    } finally {
      await receiver.close();
    }
  });

  it('a receiver failing twice gets the same event id three times, spaced by the backoff', async () => {
    const receiver = await startWebhookReceiver((n) => (n <= 2 ? 503 : 204));
    try {
      const ctx = ctxFor(receiver.url);
      // Opened before the endpoint was configured: only the close is sent.
      const c = await seedCase(makeCtx(testCtx(db, { now }), REVIEWER));
      await closeCase(ctx, { caseNumber: c.number, note: 'Spam.' });
      expect(await deliverDueWebhooks(delivery(receiver.url))).toEqual({ delivered: 0, failed: 1 });
      // Not due yet: nothing is sent before the backoff ends.
      expect(await deliverDueWebhooks(delivery(receiver.url))).toEqual({ delivered: 0, failed: 0 });
      const [row] = await listCaseDeliveries(db, c.id);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503' });
      clock = new Date(row!.next_attempt_at);
      expect(await deliverDueWebhooks(delivery(receiver.url))).toEqual({ delivered: 0, failed: 1 });
      clock = new Date((await listCaseDeliveries(db, c.id))[0]!.next_attempt_at);
      expect(await deliverDueWebhooks(delivery(receiver.url))).toEqual({ delivered: 1, failed: 0 });
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(1);
      expect(receiver.received[0]!.event.type).toBe('case.closed');
      expect(await listCaseDeliveries(db, c.id)).toMatchObject([{ status: 'delivered', attempts: 3, last_error: null }]);
    } finally {
      await receiver.close();
    }
  });

  it('a case change that rolls back leaves no event behind', async () => {
    const ctx = ctxFor('http://127.0.0.1:9/unused');
    const c = await seedCase(ctx);
    await expect(acceptCase(ctx, { caseNumber: c.number, listings: ['https://not-in-the-case.example/1'] })).rejects.toThrow(/not part of this case/);
    expect((await listCaseDeliveries(db, c.id)).map((d) => d.type)).toEqual(['case.opened']);
  });

  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, 10_000, 3_600_000, () => 1)).toBe(80_000);
    expect(retryDelayMs(30, 10_000, 3_600_000, () => 1)).toBe(3_600_000);
  });
});
