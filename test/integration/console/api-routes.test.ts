import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, openConsole } from './harness.js';
import { API_COMPLAINT } from '../../support/api-complaint.js';

const complaint = {
  ...API_COMPLAINT,
  attachments: [{ filename: 'authorization.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }],
};

describe('JSON API /api/v1', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let token: string;
  let otherToken: string;
  beforeAll(async () => {
    h = await openConsole();
    const admin = await h.signIn(ADMIN_LOGIN);
    const make = async (userId: string) => /id="new-token">(nd_[\w-]+)</.exec(await (await h.follow(await h.post('/admin/tokens', admin, { userId, label: 'test' }), admin)).text())?.[1] ?? '';
    token = await make('1');
    otherToken = await make('2');
  });
  afterAll(() => h.close());
  const api = (path: string, t: string | null, init: RequestInit = {}) =>
    h.request(path, { ...init, headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) } });

  it('happy: submits a complaint and reads its status and record', async () => {
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify(complaint) });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const status = (await (await api(`/api/v1/cases/${caseNumber}`, token)).json()) as { status: string; listings: unknown[] };
    expect(status.listings).toEqual([{ url: 'https://www.aliexpress.com/item/1005009.html', decision: null }]);
    const events = (await (await api(`/api/v1/cases/${caseNumber}/events`, token)).json()) as { events: Array<{ type: string }> };
    expect(events.events[0]?.type).toBe('received');
  });

  it('takes the structured registration number and office as given, instead of asking for them', async () => {
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify({ ...complaint, listingUrls: ['https://www.aliexpress.com/item/1005077.html'], registrationNumber: '5123456', jurisdiction: 'us' }) });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const status = (await (await api(`/api/v1/cases/${caseNumber}`, token)).json()) as { findings: Array<{ code: string }> };
    expect(status.findings.map((f) => f.code)).not.toContain('ipr.record.missing');
    const stored = await h.db.selectFrom('cases').select('complaint').where('number', '=', caseNumber).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.complaint).iprs).toEqual([expect.objectContaining({ registrationNumber: '5123456', jurisdiction: 'US', type: 'trademark' })]);
  });

  it('happy: publishes the OpenAPI document and a readable page', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/complaints');
    expect(await (await h.request('/api/v1/docs')).text()).toContain('Submit a complaint');
  });

  it('describes and validates from one schema: what the document says a field takes is what a request is checked against', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[]; maxLength?: number }>; required: string[] }> };
    };
    expect(Object.keys(doc.paths).sort()).toEqual(['/cases/{caseNumber}', '/cases/{caseNumber}/decision', '/cases/{caseNumber}/events', '/complaints', '/listings/confirm']);
    const fields = doc.components.schemas.Complaint!;
    expect(fields.required).toContain('signature');
    const enumValues = fields.properties.iprType!.enum!;
    expect(enumValues).toContain('trademark');
    // A value outside the documented enum and a string over the documented length are both refused, field by field.
    const over = 'x'.repeat(fields.properties.signature!.maxLength! + 1);
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify({ ...complaint, iprType: 'trade secret', signature: over }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: { fields: Record<string, string> } } };
    expect(Object.keys(body.error.details.fields).sort()).toEqual(['iprType', 'signature']);
    expect(await (await h.request('/api/v1/docs')).text()).toContain('Confirm a removal or restoration');
  });

  it('happy: the documented example complaint is accepted as it stands', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as { components: { schemas: { Complaint: { examples: object[] } } } };
    const [example] = doc.components.schemas.Complaint.examples;
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify(example) });
    expect(res.status).toBe(201);
  });

  it('security: every route the document lists refuses a request without a token', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const res = await api(`/api/v1${path.replace('{caseNumber}', 'ND-2026-000001')}`, null, { method: method.toUpperCase(), ...(method === 'get' ? {} : { body: '{}' }) });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    expect((await api('/api/v1/not-yet-a-route', null)).status).toBe(401);
  });

  it('error: a body that is not JSON is refused with 400 in the one error shape', async () => {
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: '{"platform": ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.requestId).toBeTruthy();
  });

  it('error: answers invalid input with the one error shape and per-field messages', async () => {
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify({ ...complaint, email: 'x', listingUrls: [] }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; requestId: string; details: { fields: Record<string, string> } } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.requestId).toBeTruthy();
    expect(Object.keys(body.error.details.fields)).toEqual(expect.arrayContaining(['email', 'listingUrls']));
  });

  it('security: the same complaint from two accounts opens two cases; from one account, one', async () => {
    const body = JSON.stringify({ ...complaint, listingUrls: ['https://www.aliexpress.com/item/1005077.html'] });
    const first = (await (await api('/api/v1/complaints', token, { method: 'POST', body })).json()) as { caseNumber: string };
    const again = (await (await api('/api/v1/complaints', token, { method: 'POST', body })).json()) as { caseNumber: string };
    const other = (await (await api('/api/v1/complaints', otherToken, { method: 'POST', body })).json()) as { caseNumber: string };
    expect(again.caseNumber).toBe(first.caseNumber);
    expect(other.caseNumber).not.toBe(first.caseNumber);
    expect((await api(`/api/v1/cases/${other.caseNumber}`, otherToken)).status).toBe(200);
  });

  it('security: refuses a missing or revoked token and hides other accounts’ cases', async () => {
    expect((await api('/api/v1/complaints', null, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await api('/api/v1/complaints', 'nd_' + 'x'.repeat(30), { method: 'POST', body: '{}' })).status).toBe(401);
    const res = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify(complaint) });
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const peek = await api(`/api/v1/cases/${caseNumber}`, otherToken);
    expect(peek.status).toBe(404);
    const fake = await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify({ ...complaint, attachments: [{ filename: 'x.pdf', contentBase64: Buffer.from('MZ\x90\x00').toString('base64') }] }) });
    expect(fake.status).toBe(422);
    const admin = await h.signIn(ADMIN_LOGIN);
    const revoked = /id="new-token">(nd_[\w-]+)</.exec(await (await h.follow(await h.post('/admin/tokens', admin, { userId: '1', label: 'to revoke' }), admin)).text())![1]!;
    expect((await api(`/api/v1/cases/${caseNumber}`, revoked)).status).toBe(200);
    const id = /action="\/admin\/tokens\/(\d+)\/revoke"/.exec(await (await h.request('/admin', { headers: { cookie: admin.cookie } })).text())![1]!;
    expect((await h.post(`/admin/tokens/${id}/revoke`, admin, {})).status).toBe(303);
    expect((await api(`/api/v1/cases/${caseNumber}`, revoked)).status).toBe(401);
    expect((await api(`/api/v1/cases/${caseNumber}`, token)).status).toBe(200);
  });

  it('security: a submission quoting another account’s case number does not open that case to its token', async () => {
    const mine = (await (await api('/api/v1/complaints', token, { method: 'POST', body: JSON.stringify(complaint) })).json()) as { caseNumber: string };
    const quoting = { ...complaint, description: `Further to ${mine.caseNumber}, these listings sell counterfeit toys.` };
    expect((await api('/api/v1/complaints', otherToken, { method: 'POST', body: JSON.stringify(quoting) })).status).toBe(201);
    expect((await api(`/api/v1/cases/${mine.caseNumber}`, otherToken)).status).toBe(404);
    expect((await api(`/api/v1/cases/${mine.caseNumber}/events`, otherToken)).status).toBe(404);
    expect((await api(`/api/v1/cases/${mine.caseNumber}`, token)).status).toBe(200);
  });

  it('security: only administrators reach the token page', async () => {
    const reviewer = await h.signIn();
    expect((await h.request('/admin', { headers: { cookie: reviewer.cookie } })).status).toBe(403);
  });
});
