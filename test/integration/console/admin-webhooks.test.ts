import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCase } from '../../../src/domain/cases/close-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { deliverDueWebhooks } from '../../../src/domain/webhooks/deliver.js';
import { listCaseDeliveries } from '../../../src/store/repos/webhooks.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { ADMIN_LOGIN, openConsole } from './harness.js';

const SECRET = 'platform-webhook-secret-0123456789';

describe('/admin/webhooks', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole();
  });
  afterAll(() => h.close());

  it('lists a delivery that failed with its error, and "retry now" sends it again at once with the same id', async () => {
    let failing = true;
    const receiver = await startWebhookReceiver(() => (failing ? 500 : 200));
    try {
      const endpoints = [{ url: receiver.url, secret: SECRET }];
      const ctx = makeCtx({ ...h.base, webhooks: { endpoints } }, REVIEWER);
      const c = await seedCase(makeCtx(h.base, REVIEWER));
      await closeCase(ctx, { caseNumber: c.number, note: 'Spam.' });
      const options = { db: h.db, endpoints, now: () => new Date(), retryBaseMs: 3_600_000, retryForMs: 24 * 3_600_000, timeoutMs: 2_000 };
      expect(await deliverDueWebhooks(options)).toEqual({ delivered: 0, failed: 1 });

      const admin = await h.signIn(ADMIN_LOGIN);
      const page = await (await h.request('/admin/webhooks', { headers: { cookie: admin.cookie } })).text();
      expect(page).toContain('case.closed');
      expect(page).toContain(c.number);
      expect(page).toContain('HTTP 500');
      expect(page).toContain('Retry now');
      const reviewer = await h.signIn();
      const casePage = await (await h.request(`/cases/${c.number}`, { headers: { cookie: reviewer.cookie } })).text();
      expect(casePage).toContain('Platform webhooks not delivered');
      expect(casePage).toContain('HTTP 500');
      expect((await h.request('/admin/webhooks', { headers: { cookie: reviewer.cookie } })).status).toBe(403);

      // Not due for an hour: nothing is sent until an admin asks.
      failing = false;
      expect(await deliverDueWebhooks(options)).toEqual({ delivered: 0, failed: 0 });
      const [row] = await listCaseDeliveries(h.db, c.id);
      expect((await h.post(`/admin/webhooks/${row!.id}/retry`, admin, { back: '/admin/webhooks' })).status).toBe(303);
      expect(await deliverDueWebhooks(options)).toEqual({ delivered: 1, failed: 0 });
      expect(receiver.received.map((r) => r.event.id)).toEqual([row!.event_id, row!.event_id]);
      expect((await h.post(`/admin/webhooks/${row!.id}/retry`, admin, {})).status).toBe(409);
      expect(await (await h.request('/admin/webhooks', { headers: { cookie: admin.cookie } })).text()).toContain('No failed deliveries.');
      expect(await (await h.request(`/cases/${c.number}`, { headers: { cookie: reviewer.cookie } })).text()).not.toContain('Platform webhooks not delivered');
    } finally {
      await receiver.close();
    }
  });
});
