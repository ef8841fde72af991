import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportForm } from '../../support/report-form.js';
import { makePdf } from '../../support/evidence-files.js';
import { CONTENT_SECURITY_POLICY } from '../../../console/http/security.js';
import { SYSTEM } from '../../../src/domain/schemas/index.js';
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
    const res = await h.follow(await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([PNG], 'comparison.png', { type: 'image/png' }) }) }));
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

  it('shows an attached PDF in a frame only our own page may hold, sandboxed by its own policy', async () => {
    const pdf = makePdf(['Certificate of registration', 'Mark: BLUE LANTERN']);
    const res = await h.follow(await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([pdf], 'tm certificate.pdf', { type: 'application/pdf' }) }) }));
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())![1]!;
    const sha = createHash('sha256').update(pdf).digest('hex');
    const reviewer = await h.signIn();
    const casePage = await h.request(`/cases/${number}`, { headers: { cookie: reviewer.cookie } });
    const page = await casePage.text();
    expect(page).toContain(`<iframe class="preview pdf" src="/cases/${number}/attachments/${sha}/preview/tm%20certificate.pdf" title="PDF: tm certificate.pdf"`);
    // The case page itself keeps its policy: framed by nobody, frames from our origin only.
    expect(casePage.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(casePage.headers.get('x-frame-options')).toBe('DENY');

    const preview = await h.request(`/cases/${number}/attachments/${sha}/preview/tm%20certificate.pdf`, { headers: { cookie: reviewer.cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(preview.headers.get('content-disposition')).toBe('inline; filename="tm certificate.pdf"');
    expect(preview.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(pdf);
    // The download stays a download.
    const download = await h.request(`/cases/${number}/attachments/${sha}`, { headers: { cookie: reviewer.cookie } });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-frame-options')).toBe('DENY');
  });

  it('security: an HTML or SVG attachment is never shown inline, whatever type it was sent as', async () => {
    const files = [
      { filename: 'invoice.html', contentType: 'text/html', text: '<html><script>alert(1)</script></html>' },
      { filename: 'logo.svg', contentType: 'image/svg+xml', text: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
      { filename: 'scan.pdf', contentType: 'application/pdf', text: '<html><body onload="alert(1)">not a pdf</body></html>' },
      { filename: 'photo.png', contentType: 'image/png', text: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' },
    ];
    const submission = {
      subject: 'Counterfeit listings',
      text: 'Infringing listings:\nhttps://www.aliexpress.com/item/1005009.html\n\nThese sell fakes of our mark.',
      from: { name: 'Jane Doe', address: 'jane@bluelantern.example' },
      platform: 'aliexpress',
      attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, contentBase64: Buffer.from(f.text).toString('base64') })),
    };
    const ctx = h.deps.ctx({ ...SYSTEM, id: 'test' }, 'preview-test');
    const result = await h.deps.intake!(ctx, new TextEncoder().encode(JSON.stringify(submission)), 'api', 'test:hostile-previews');
    const number = result.caseNumber!;
    const reviewer = await h.signIn();
    const page = await (await h.request(`/cases/${number}`, { headers: { cookie: reviewer.cookie } })).text();
    for (const f of files) {
      const sha = createHash('sha256').update(f.text).digest('hex');
      expect(page).toContain(`/cases/${number}/attachments/${sha}"`);
      if (f.contentType === 'text/html' || f.contentType === 'image/svg+xml') expect(page).not.toContain(`${sha}/preview`);
      const preview = await h.request(`/cases/${number}/attachments/${sha}/preview`, { headers: { cookie: reviewer.cookie } });
      expect(preview.status, f.filename).toBe(415);
      expect(preview.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(preview.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('refuses to show inline what is not a PNG, JPEG, GIF or PDF by its bytes', async () => {
    const notPdf = new TextEncoder().encode(' %PDF-1.4 with a byte before it');
    const res = await h.follow(await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([notPdf], 'notes.txt', { type: 'text/plain' }) }) }));
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(await res.text())![1]!;
    const reviewer = await h.signIn();
    const page = await (await h.request(`/cases/${number}`, { headers: { cookie: reviewer.cookie } })).text();
    const sha = createHash('sha256').update(notPdf).digest('hex');
    expect(page).not.toContain(`${sha}/preview`);
    const preview = await h.request(`/cases/${number}/attachments/${sha}/preview`, { headers: { cookie: reviewer.cookie } });
    expect(preview.status).toBe(415);
  });
});
