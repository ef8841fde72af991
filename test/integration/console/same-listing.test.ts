import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { listing, REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('same listing seen before', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
  });
  afterAll(() => h.close());

  it('flags a listing another case names, with a link to it, and not one that only shares a prefix', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const earlier = await seedCase(ctx, { complaint: { listings: [listing('https://www.aliexpress.com/item/777001.html')] }, status: 'rejected' });
    await seedCase(ctx, { complaint: { listings: [listing('https://www.aliexpress.com/item/7770022.html')] } });
    const now = await seedCase(ctx, { complaint: { listings: [listing('https://www.aliexpress.com/item/777001.html'), listing('https://www.aliexpress.com/item/777002.html')] } });
    const html = await (await h.request(`/cases/${now.number}`, { headers: { cookie: session.cookie } })).text();
    expect(html).toContain(`Seen before in <a href="/cases/${earlier.number}">${earlier.number}</a> (rejected)`);
    expect(html.match(/Seen before in/g)).toHaveLength(1);
  });
});
