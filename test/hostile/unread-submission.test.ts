import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, openConsole } from '../integration/console/harness.js';
import { API_COMPLAINT } from '../support/api-complaint.js';

// A submission is filed even when a file's text cannot be read, and the answer says which file.

const complaint = API_COMPLAINT;

describe('API submission with a file whose text cannot be read', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let token: string;
  beforeAll(async () => {
    h = await openConsole();
    const admin = await h.signIn(ADMIN_LOGIN);
    token = /id="new-token">(nd_[\w-]+)</.exec(await (await h.follow(await h.post('/admin/tokens', admin, { userId: '1', label: 'test' }), admin)).text())?.[1] ?? '';
  });
  afterAll(() => h.close());

  it('answers 201 with the case and names the unread file', async () => {
    const broken = { filename: 'authorization.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') };
    const res = await h.request('/api/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ...complaint, attachments: [broken] }) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { caseNumber: string; unread?: string[] };
    expect(body.caseNumber).toMatch(/^ND-/);
    expect(body.unread).toEqual([expect.stringMatching(/^authorization\.pdf: PDF text could not be read/)]);
  });

  it('says nothing of the kind when every file was read', async () => {
    const text = { filename: 'evidence.txt', contentBase64: Buffer.from('Our registration certificate number is 123456.').toString('base64') };
    const res = await h.request('/api/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ...complaint, listingUrls: ['https://www.aliexpress.com/item/1005010.html'], attachments: [text] }) });
    expect(res.status).toBe(201);
    expect(await res.json()).not.toHaveProperty('unread');
  });
});
