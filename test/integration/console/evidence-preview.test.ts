import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportForm } from '../../support/report-form.js';
import { openConsole } from './harness.js';

// The smallest valid PNG: 1x1 pixel.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

describe('evidence preview on the case page', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole();
  });
  afterAll(() => h.close());

  it('shows an attached image inline from a sandboxed preview, and the whole message without a scroll box', async () => {
    const res = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([PNG], 'comparison.png', { type: 'image/png' }) }) });
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())![1]!;
    const sha = createHash('sha256').update(PNG).digest('hex');
    const reviewer = await h.signIn();
    const page = await (await h.request(`/cases/${number}`, { headers: { cookie: reviewer.cookie } })).text();
    expect(page).toContain(`<img class="preview" src="/cases/${number}/attachments/${sha}/preview" alt="comparison.png"`);
    expect(page).toContain('class="message whole"');

    const preview = await h.request(`/cases/${number}/attachments/${sha}/preview`, { headers: { cookie: reviewer.cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/png');
    expect(preview.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(PNG);
    expect((await h.request(`/cases/${number}/attachments/${sha}/preview`)).status).toBe(303);
  });

  it('refuses to show inline what is not a PNG, JPEG or GIF by its bytes', async () => {
    const res = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm() });
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())![1]!;
    const reviewer = await h.signIn();
    const page = await (await h.request(`/cases/${number}`, { headers: { cookie: reviewer.cookie } })).text();
    const sha = /attachments\/([0-9a-f]{64})"/.exec(page)![1]!;
    expect(page).not.toContain(`${sha}/preview`);
    const preview = await h.request(`/cases/${number}/attachments/${sha}/preview`, { headers: { cookie: reviewer.cookie } });
    expect(preview.status).toBe(415);
  });
});
