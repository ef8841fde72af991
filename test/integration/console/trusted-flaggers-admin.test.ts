import { describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { insertMeasure } from '../../../src/store/repos/complainant-measures.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { ADMIN_LOGIN, openConsole } from './harness.js';

describe('trusted flaggers on /admin, misuse measures on /stats', () => {
  it('an admin marks a sender domain, sees it listed, and its new cases show the badge; /stats lists warnings and suspensions', async () => {
    const desk = await openConsole();
    try {
      const admin = await desk.signIn(ADMIN_LOGIN);
      const res = await desk.post('/admin/trusted-flaggers', admin, { kind: 'domain', value: 'BrandWatch.example', note: 'designated' });
      expect(res.status).toBe(303);
      const page = await (await desk.request('/admin', { headers: { cookie: admin.cookie } })).text();
      expect(page).toContain('brandwatch.example');
      expect((await desk.post('/admin/trusted-flaggers', admin, { kind: 'domain', value: 'brandwatch.example' })).status).toBe(409);
      expect((await desk.post('/admin/trusted-flaggers', admin, { kind: 'account', value: 'not an address' })).status).toBe(422);

      const ctx = makeCtx(desk.base, REVIEWER);
      const c = await seedCase(ctx, { complaint: { complainant: { name: 'Ana', organisation: null, email: 'ana@brandwatch.example', phone: null, address: null } } });
      const other = await seedCase(ctx);
      const queue = await (await desk.request('/', { headers: { cookie: admin.cookie } })).text();
      expect(queue.indexOf(c.number)).toBeGreaterThan(-1);
      expect(queue.indexOf(c.number)).toBeLessThan(queue.indexOf(other.number));
      expect(queue).toContain('trusted flagger');
      const casePage = await (await desk.request(`/cases/${c.number}`, { headers: { cookie: admin.cookie } })).text();
      expect(casePage).toContain('badge trusted-flagger');

      await insertMeasure(desk.db, { complainantKey: 'address:max@claims.example', kind: 'suspension', caseId: other.id, notices: 4, unfounded: 4, at: new Date().toISOString(), until: '2030-01-01T00:00:00.000Z' });
      const stats = await (await desk.request('/stats', { headers: { cookie: admin.cookie } })).text();
      expect(stats).toContain('Misuse measures');
      expect(stats).toContain('max@claims.example');
      expect(stats).toContain('4 of 4');
    } finally {
      await desk.close();
    }
  });
});
