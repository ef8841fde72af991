import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseByNumber } from '../../../src/store/repos/cases.js';
import { makeReportForm, SAMPLE_PDF } from '../../support/report-form.js';
import { openConsole } from './harness.js';

const pdf = (name: string) => new File([SAMPLE_PDF], name, { type: 'application/pdf' });

describe('the public form says what happens next', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole({ reportRateLimit: 20 });
  });
  afterAll(() => h.close());
  const submit = async (data: FormData) => {
    const posted = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: data });
    expect(posted.status).toBe(303);
    const res = await h.follow(posted);
    const html = await res.text();
    return { res, html, number: /id="case-number">(ND-\d{4}-\d{6})</.exec(html)?.[1] ?? '' };
  };

  it('can be complete: with proof of identity and of the right uploaded, the case goes to review and the page says so', async () => {
    const { res, html, number } = await submit(makeReportForm({ identity: pdf('business-licence.pdf'), iprProof: pdf('registration.pdf') }));
    expect(res.status).toBe(200);
    expect(html).toContain('id="next-step"');
    expect(html).not.toContain('id="still-missing"');
    const c = await findCaseByNumber(h.db, number);
    expect(c?.status).toBe('in_review');
    expect(c?.complaint.documents.map((d) => d.kind).sort()).toEqual(['identity', 'ipr_certificate']);
  });

  it('lists what is missing instead of a plain thank-you when the proof is not there', async () => {
    const { res, html, number } = await submit(makeReportForm());
    expect(res.status).toBe(200);
    expect(html).toContain('id="still-missing"');
    expect(html).toMatch(/proof of identity/i);
    expect(html).not.toContain('Thank you');
    expect((await findCaseByNumber(h.db, number))?.status).toBe('deficient');
  });
});

describe('the public form is posted once', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole({ reportRateLimit: 20 });
  });
  afterAll(() => h.close());

  it('redirects after the post; reloading the result page shows the same case and files nothing again', async () => {
    const count = async () => Number((await h.db.selectFrom('cases').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const posted = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm() });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/report/received');
    const first = await (await h.follow(posted)).text();
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(first)?.[1];
    expect(number).toMatch(/^ND-/);
    expect(first).toMatch(/proof of identity/i);
    expect(await count()).toBe(1);
    const reload = await (await h.follow(posted)).text();
    expect(/id="case-number">(ND-\d{4}-\d{6})</.exec(reload)?.[1]).toBe(number);
    expect(await count()).toBe(1);
  });

  it('the result page without a post from this browser says so instead of inventing a case', async () => {
    const res = await h.request('/report/received');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('id="no-result"');
    expect(html).not.toContain('id="case-number"');
  });
});
