import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/domain/users/password.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { clientKey, trustedProxyList } from '../../../console/http/rate-limit.js';
import { makeReportForm, SAMPLE_PDF } from '../../support/report-form.js';
import { zipBomb } from '../../support/zip-bomb.js';
import { ADMIN_LOGIN, openConsole, REVIEWER_LOGIN } from './harness.js';


describe('hostile HTTP input', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole({ trustedProxies: ['10.0.0.0/8'] });
  });
  afterAll(() => h.close());

  const multipart = (body: string, type: string) => h.request('/report', { method: 'POST', headers: { origin: h.origin, 'content-type': type }, body });

  it('answers 403 to an Origin that is not a URL', async () => {
    const res = await h.request('/login', { method: 'POST', headers: { origin: 'garbage' }, body: new URLSearchParams(REVIEWER_LOGIN) });
    expect(res.status).toBe(403);
  });

  it('answers 400 with a message to a form that cannot be read', async () => {
    const cases: Array<[string, string]> = [
      ['multipart/form-data', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'],
      ['multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nunterminated'],
      ['multipart/form-data; boundary=x', '--x\r\n\r\nno headers\r\n--x--\r\n'],
      ['multipart/form-data; boundary=x', '\u0000\u0001garbage\u00ff'],
    ];
    for (const [type, body] of cases) {
      const res = await multipart(body, type);
      expect(res.status, `${type} ${JSON.stringify(body).slice(0, 40)}`).toBe(400);
      expect(await res.text()).toMatch(/The form could not be read/);
    }
  });

  it('refuses a NUL or CRLF in an uploaded file name without failing', async () => {
    const body = [
      '--x', 'content-disposition: form-data; name="platform"', '', 'aliexpress',
      '--x', 'content-disposition: form-data; name="evidence"; filename="a\u0000b\r\nX-Injected: 1.pdf"', 'content-type: application/pdf', '', '%PDF-1.4 x',
      '--x--', '',
    ].join('\r\n');
    const res = await multipart(body, 'multipart/form-data; boundary=x');
    expect(res.status).toBeLessThan(500);
  });

  it('refuses a zip bomb and a PDF that is also a web page, saying why', async () => {
    const bomb = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([zipBomb(900 * 1024 * 1024)], 'photos.zip') }) });
    expect(bomb.status).toBe(422);
    expect(await bomb.text()).toMatch(/photos\.zip was refused: it unpacks to 900 MB/);
    const polyglot = new TextEncoder().encode('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n');
    const res = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([polyglot], 'proof.pdf') }) });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/proof\.pdf was refused: it also contains web page markup/);
    const fine = await h.request('/report', { method: 'POST', headers: { origin: h.origin }, body: makeReportForm({ evidence: new File([SAMPLE_PDF], 'certificate.pdf') }) });
    expect(fine.status).toBe(303);
  });

  it('refuses a large sign-in body before reading it, declared or streamed', async () => {
    const big = new URLSearchParams({ ...REVIEWER_LOGIN, pad: 'x'.repeat(100_000) }).toString();
    const declared = await h.request('/login', { method: 'POST', headers: { origin: h.origin, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) }, body: big });
    expect(declared.status).toBe(413);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 10_000) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
    });
    const streamed = await h.request('/login', { method: 'POST', headers: { origin: h.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(100);
  });

  it('reads the client from X-Forwarded-For only when the peer is a trusted proxy', () => {
    const proxies = trustedProxyList(['10.0.0.0/8', '2001:db8::1']);
    const headers = new Headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.3' });
    expect(clientKey(headers, '10.1.2.3', proxies)).toBe('198.51.100.7');
    expect(clientKey(headers, '2001:db8::1', proxies)).toBe('198.51.100.7');
    expect(clientKey(headers, '203.0.113.5', proxies)).toBe('203.0.113.5');
    expect(clientKey(headers, '10.1.2.3', trustedProxyList([]))).toBe('10.1.2.3');
  });

  it('slows a guesser without locking out the owner', async () => {
    const login = (password: string, client: string) =>
      h.request('/login', { method: 'POST', headers: { origin: h.origin, 'cf-connecting-ip': client }, body: new URLSearchParams({ email: ADMIN_LOGIN.email, password }) });
    expect((await login(ADMIN_LOGIN.password, '192.0.2.1')).status).toBe(303);
    for (let i = 0; i < 5; i++) expect((await login('guess', '203.0.113.9')).status).toBe(401);
    // From here that client waits, doubling each time, even with the right password.
    expect((await login(ADMIN_LOGIN.password, '203.0.113.9')).status).toBe(429);
    for (let i = 0; i < 12; i++) await login('guess', `198.51.100.${i}`);
    expect((await login(ADMIN_LOGIN.password, '192.0.2.1')).status).toBe(303);
    expect((await login(ADMIN_LOGIN.password, '192.0.2.77')).status).toBe(429);
  });

  it('ends every session of an account when its password is reset', async () => {
    const session = await h.signIn(REVIEWER_LOGIN);
    expect((await h.request('/', { headers: { cookie: session.cookie } })).status).toBe(200);
    await upsertUser(h.db, { email: REVIEWER_LOGIN.email, name: null, passwordHash: await hashPassword('a new pass phrase'), role: 'reviewer', at: new Date().toISOString() });
    expect((await h.request('/', { headers: { cookie: session.cookie } })).status).toBe(303);
  });
});
