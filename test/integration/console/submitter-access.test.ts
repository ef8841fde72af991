import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/domain/users/password.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { ADMIN_LOGIN, openConsole } from './harness.js';

const VENDOR = { email: 'vera@brandguard.example', password: 'vendor pass phrase' };

describe('submitter accounts (agents and vendors on the API)', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let vendorId: number;
  beforeAll(async () => {
    h = await openConsole();
    const vendor = await upsertUser(h.db, { email: VENDOR.email, name: 'Vera Vendor', passwordHash: await hashPassword(VENDOR.password), role: 'submitter', at: new Date().toISOString() });
    vendorId = vendor.id;
  });
  afterAll(() => h.close());

  it('security: cannot sign in to the console', async () => {
    const res = await h.request('/login', { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams(VENDOR) });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('cannot sign in to the console');
  });

  it('happy: uses the API with a token an admin made for it', async () => {
    const admin = await h.signIn(ADMIN_LOGIN);
    const page = await (await h.follow(await h.post('/admin/tokens', admin, { userId: String(vendorId), label: 'vendor' }), admin)).text();
    const token = /id="new-token">(nd_[\w-]+)</.exec(page)?.[1];
    expect(token).toBeTruthy();
    const res = await h.request('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        platform: 'aliexpress',
        iprType: 'trademark',
        reason: 'counterfeit',
        listingUrls: ['https://www.aliexpress.com/item/1005001234.html'],
        description: 'Counterfeit lanterns under our registered mark.',
        role: 'agent',
        rightsOwner: 'Blue Lantern Toys Ltd',
        name: 'Vera Vendor',
        email: VENDOR.email,
        goodFaith: true,
        accuracy: true,
        signature: 'Vera Vendor',
        attachments: [{ filename: 'authorization.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }],
      }),
    });
    expect(res.status).toBe(201);
  });
});
