import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseByNumber } from '../../../src/store/repos/cases.js';
import { openConsole } from './harness.js';
import { makeReportForm, SAMPLE_PDF } from '../../support/report-form.js';

const PDF = SAMPLE_PDF;
const form = makeReportForm;

describe('public form /report', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole({ reportRateLimit: 6 });
  });
  afterAll(() => h.close());
  const submit = (data: FormData, headers: Record<string, string> = {}) => h.request('/report', { method: 'POST', headers: { origin: h.origin, ...headers }, body: data });

  it('happy: shows the form without a login', async () => {
    const res = await h.request('/report');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Listing URLs, one per line');
  });

  it('happy: a valid submission goes through the pipeline and shows the case number', async () => {
    const posted = await submit(form());
    expect(posted.status).toBe(303);
    const res = await h.follow(posted);
    expect(res.status).toBe(200);
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())?.[1];
    expect(number).toBeTruthy();
    const c = await findCaseByNumber(h.db, number!);
    expect(c?.complaint.listings.map((l) => l.url)).toContain('https://www.aliexpress.com/item/1005001.html');
    expect(c?.rightsOwner).toBe('Blue Lantern Toys Ltd');
    const mail = await h.db.selectFrom('outbox').selectAll().where('case_id', '=', c!.id).execute();
    expect(mail[0]?.to_address).toBe('jane@bluelantern.example');
  });

  it('security: a URL the description gives as the original work is not made a listing to remove', async () => {
    const description = 'These listings copy our toy. Our original work is published at https://www.bluelantern-toys.example/catalogue/tiger and in our shop.';
    // From a client of its own, so the file's other submissions stay within the form's limit of 6.
    const posted = await submit(form({ description }), { 'cf-connecting-ip': '203.0.113.77' });
    expect(posted.status).toBe(303);
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await (await h.follow(posted)).text())?.[1];
    const c = await findCaseByNumber(h.db, number!);
    const listed = c?.complaint.listings.map((l) => l.url) ?? [];
    expect(listed).toContain('https://www.aliexpress.com/item/1005001.html');
    expect(listed.filter((url) => url.includes('bluelantern-toys'))).toEqual([]);
  });

  it('error: puts an error next to each wrong field and keeps what was typed', async () => {
    const res = await submit(form({ email: 'not-an-email', goodFaith: null, listingUrls: 'not a url', role: 'agent' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const id of ['email-error', 'goodFaith-error', 'listingUrls-error', 'authorization-error']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Blue Lantern Toys Ltd');
  });

  it('security: refuses a file whose content does not match its extension, and one over 5 MB', async () => {
    const fake = await submit(form({ evidence: new File(['<script>alert(1)</script>'], 'photo.png', { type: 'image/png' }) }));
    expect(fake.status).toBe(422);
    expect(await fake.text()).toMatch(/photo\.png does not contain what a \.png file should/);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await submit(form({ evidence: new File([big], 'big.pdf') }));
    expect(await tooBig.text()).toMatch(/limit is 5 MB/);
  });

  it('security: takes at most ten evidence files', async () => {
    const data = form({ evidence: null });
    for (let i = 0; i < 11; i++) data.append('evidence', new File([PDF], `e${i}.pdf`));
    const res = await submit(data);
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/at most 10 evidence files/);
  });

  it('security: an uploaded file downloads only for reviewers, as an attachment that cannot render', async () => {
    const res = await h.follow(await submit(form({ evidence: new File([PDF], 'x".html\u202e.pdf', { type: 'text/html' }) })));
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())![1]!;
    const sha = createHash('sha256').update(PDF).digest('hex');
    const path = `/cases/${number}/attachments/${sha}`;
    expect((await h.request(path)).status).toBe(303);
    const reviewer = await h.signIn();
    const download = await h.request(path, { headers: { cookie: reviewer.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.\- ]+"$/);
    expect(download.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect((await h.request(`/cases/${number}/attachments/${sha.toUpperCase()}`, { headers: { cookie: reviewer.cookie } })).status).toBe(404);
    expect((await h.request(`/cases/${number}/attachments/${'0'.repeat(64)}`, { headers: { cookie: reviewer.cookie } })).status).toBe(404);
  });

  it('security: rate-limits submissions per client', async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await submit(form({ email: '' }), { 'cf-connecting-ip': '203.0.113.9' })).status;
    expect(last).toBe(422);
    expect((await submit(form(), { 'cf-connecting-ip': '203.0.113.9' })).status).toBe(429);
  });

  it('security: under Node the limit counts the socket address, not a header the client sets', async () => {
    const node = { incoming: { socket: { remoteAddress: '198.51.100.7' } } };
    const spoofed = (i: number, data: FormData) =>
      h.app.request(`${h.origin}/report`, { method: 'POST', headers: { origin: h.origin, 'cf-connecting-ip': `203.0.113.${i}`, 'x-real-ip': `192.0.2.${i}` }, body: data }, node);
    for (let i = 0; i < 6; i++) expect((await spoofed(i, form({ email: '' }))).status).toBe(422);
    expect((await spoofed(50, form())).status).toBe(429);
  });
});
