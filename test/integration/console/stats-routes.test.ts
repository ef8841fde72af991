import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { rejectCase } from '../../../src/domain/cases/reject-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { computeStats } from '../../../src/domain/stats/complainant-stats.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('stats and exports', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
    const ctx = makeCtx(h.base, REVIEWER);
    const phone = { name: 'Jane Doe', organisation: null, email: 'jane@acme.example', phone: '+1 555 010 0199', address: '1 Main St' };
    const a = await seedCase(ctx, { complaint: { complainant: phone, workDescription: 'Call me at +1 555 010 0199 or jane@acme.example' } });
    const b = await seedCase(ctx, { complaint: { complainant: phone } });
    await acceptCase(ctx, { caseNumber: a.number });
    await rejectCase(ctx, { caseNumber: b.number, reason: 'false_information' });
  });
  afterAll(() => h.close());

  it('happy: computes success rate, 24 h share and eligibility per complainant', async () => {
    const s = await computeStats(makeCtx(h.base, REVIEWER));
    const jane = s.complainants.find((g) => g.complainant === 'jane@acme.example')!;
    expect(jane).toMatchObject({ requests: 2, decided: 2, successes: 1, successRate: 0.5, falseInformation: true, goodFaithEligible: false });
    expect(s.share24h).toBe(1);
    const page = await h.request('/stats', { headers: { cookie: session.cookie } });
    expect(await page.text()).toContain('jane@acme.example');
  });

  it('happy: exports every case as CSV, with a byte-order mark so spreadsheets read it as UTF-8', async () => {
    const bytes = new Uint8Array(await (await h.request('/exports/cases.csv', { headers: { cookie: session.cookie } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).toMatch(/^number,status,kind/);
    expect(csv).toContain(',accepted,');
  });

  it('security: cells a spreadsheet would run as a formula are neutralised in the CSV', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const hostile = await seedCase(ctx, { complaint: { rightsOwner: '=HYPERLINK("https://evil.example","x")', complainant: { name: null, organisation: null, email: '@evil.example', phone: null, address: null } } });
    const csv = await (await h.request('/exports/cases.csv', { headers: { cookie: session.cookie } })).text();
    const row = csv.split('\r\n').find((l) => l.startsWith(hostile.number))!;
    expect(row).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(row.split(',').some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it('security: the published export carries no personal contact data', async () => {
    const out = await (await h.request('/exports/decided-notices.jsonl', { headers: { cookie: session.cookie } })).text();
    expect(out).toContain('"decision":"accepted"');
    expect(out).not.toMatch(/jane@acme\.example|555 010 0199|Jane Doe|1 Main St/);
    expect(out).toContain('[phone redacted]');
  });

  it('security: a rights owner who is the person writing, and their name or address in the text, are not published', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const person = { name: 'Liu Wenjing', organisation: null, email: 'liu@mail.example', phone: null, address: '88 Harbour Road, Wan Chai' };
    const c = await seedCase(ctx, { complaint: { complainant: person, rightsOwner: 'Liu Wenjing', signature: 'Liu Wenjing', workDescription: 'My photographs, taken by Liu Wenjing at 88 Harbour Road, Wan Chai.' } });
    await acceptCase(ctx, { caseNumber: c.number });
    const out = await (await h.request('/exports/decided-notices.jsonl', { headers: { cookie: session.cookie } })).text();
    const line = out.split('\n').find((l) => l.includes(c.number))!;
    expect(line).toContain('My photographs');
    expect(line).not.toMatch(/Liu Wenjing|Harbour Road/i);
  });

  it('security: parts of a private person\'s name and address in the description are not published either', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const person = { name: 'Wenjing Liu', organisation: null, email: 'wliu@mail.example', phone: '+852 5555 0101', address: '12 Kennedy Road\nMid-Levels, Hong Kong' };
    const c = await seedCase(ctx, { complaint: { complainant: person, rightsOwner: 'Kestrel Photo Ltd', signature: '/s/ Wenjing Liu', workDescription: 'Photos by LIU Wenjing, printed at 12  Kennedy Road. Ask Liu at WLIU@mail.example or +852-5555-0101.' } });
    await acceptCase(ctx, { caseNumber: c.number });
    const out = await (await h.request('/exports/decided-notices.jsonl', { headers: { cookie: session.cookie } })).text();
    const line = out.split('\n').find((l) => l.includes(c.number))!;
    expect(line).toContain('Photos by');
    expect(line).not.toMatch(/Wenjing|\bLiu\b|Kennedy|wliu|5555/i);
  });

  it('security: a complainant address with markup in it is shown as text in the complainants table', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    await seedCase(ctx, { complaint: { complainant: { name: null, organisation: null, email: '"<img src=x onerror=alert(1)>"@evil.example', phone: null, address: null } } });
    const page = await (await h.request('/stats', { headers: { cookie: session.cookie } })).text();
    expect(page).toContain('<td>&quot;&lt;img src=x onerror=alert(1)&gt;&quot;@evil.example</td>');
    expect(page).not.toContain('<img src=x');
  });

  it('security: exports need a login', async () => {
    expect((await h.request('/exports/cases.csv')).status).toBe(303);
  });
});
