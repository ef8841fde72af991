import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { ADMIN_LOGIN, openConsole, REVIEWER_LOGIN } from './harness.js';

describe('queue and case pages', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
  });
  afterAll(() => h.close());
  const seed = (opts: Parameters<typeof seedCase>[1] = {}) => seedCase(makeCtx(h.base, REVIEWER), opts);

  describe('happy', () => {
    it('lists cases that need action with counts, and finds one by number, sender or URL', async () => {
      const c = await seed({ complaint: { rightsOwner: 'Blue Lantern Toys Ltd' } });
      const page = await (await h.request('/', { headers: { cookie: session.cookie } })).text();
      expect(page).toContain(c.number);
      expect(page).toMatch(/Needs action<span class="n">\d+/);
      for (const q of [c.number, 'Blue Lantern', 'item/2.html']) {
        const found = await (await h.request(`/?status=all&q=${encodeURIComponent(q)}`, { headers: { cookie: session.cookie } })).text();
        expect(found).toContain(c.number);
      }
    });

    it('shows the case page with listings, findings, record and decision forms', async () => {
      const c = await seed();
      const res = await h.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const text of ['Listings', 'Findings', 'Case record', 'Related cases', 'Accept and send', 'https://www.aliexpress.com/item/3.html']) expect(html).toContain(text);
    });

    it('credits the desk with its own steps and shows no move from a status to itself', async () => {
      const ctx = makeCtx(h.base, { type: 'sender', id: 'sam@orbit-labs.example', name: 'Sam Okafor' });
      const c = await seedCase(ctx);
      const html = await (await h.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
      const timeline = html.slice(html.indexOf('class="timeline"'));
      expect(timeline).toMatch(/<b>checked<\/b>[^]*?Noticedesk \(automatic\)/);
      expect(timeline).not.toMatch(/<b>received<\/b> → /);
    });

    it('lists on each page only the statements of its own kind', async () => {
      const notice = await seed();
      const noticePage = await (await h.request(`/cases/${notice.number}`, { headers: { cookie: session.cookie } })).text();
      expect(noticePage).toContain('<dt>good faith</dt>');
      expect(noticePage).not.toContain('<dt>jurisdiction consent</dt>');
      const counter = await seed({ complaint: { kind: 'counter_notice' } });
      const counterPage = await (await h.request(`/cases/${counter.number}`, { headers: { cookie: session.cookie } })).text();
      expect(counterPage).toContain('<dt>jurisdiction consent</dt>');
      expect(counterPage).toContain('<dt>mistake</dt>');
      expect(counterPage).not.toContain('<dt>good faith</dt>');
      expect(counterPage).not.toContain('<dt>perjury</dt>');
    });

    it('accepts two of three listings; the reply is written from the decision unless the reviewer words it', async () => {
      const c = await seed();
      const urls = c.complaint.listings.map((l) => l.url);
      const res = await h.post(`/cases/${c.number}/accept`, session, { version: String(c.version), listings: urls.slice(0, 2), reply_subject: '', reply_text: '' });
      expect(res.status).toBe(303);
      expect((await findCaseById(h.db, c.id))?.status).toBe('partially_accepted');
      const outbox = await h.db.selectFrom('outbox').selectAll().where('case_id', '=', c.id).execute();
      expect(outbox[0]).toMatchObject({ template: 'partially-accepted', subject: null, text_body: null });
      expect(JSON.parse(outbox[0]!.vars)).toMatchObject({ removed: urls.slice(0, 2), kept: [urls[2]], byReviewer: true });
    });

    it('refuses own wording that drops a decided listing and says which', async () => {
      const c = await seed();
      const urls = c.complaint.listings.map((l) => l.url);
      const res = await h.post(`/cases/${c.number}/accept`, session, { version: String(c.version), listings: urls.slice(0, 2), reply_subject: 'Two removed', reply_text: 'Edited text' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(urls[0]);
      expect((await findCaseById(h.db, c.id))?.status).toBe(c.status);
    });
  });

  describe('error', () => {
    it('gives the second reviewer a conflict message and keeps the first decision', async () => {
      const c = await seed();
      await h.post(`/cases/${c.number}/reject`, session, { version: String(c.version), reason: 'no_authorization' });
      const late = await h.post(`/cases/${c.number}/accept`, session, { version: String(c.version), listings: [c.complaint.listings[0]!.url] });
      expect(late.status).toBe(409);
      expect(await late.text()).toContain('changed by someone else');
      expect((await findCaseById(h.db, c.id))?.status).toBe('rejected');
    });

    it('answers 404 for an unknown case and 422 for an invalid decision', async () => {
      expect((await h.request('/cases/ND-2026-999999', { headers: { cookie: session.cookie } })).status).toBe(404);
      const c = await seed();
      const res = await h.post(`/cases/${c.number}/reject`, session, { reason: 'other' });
      expect(res.status).toBe(422);
    });
  });

  describe('security', () => {
    it('sends anonymous visitors to the login page and refuses anonymous posts', async () => {
      const res = await h.request('/');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/login/);
      const c = await seed();
      const post = await h.request(`/cases/${c.number}/accept`, { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams({}) });
      expect(post.status).toBe(401);
    });

    it('refuses a decision without the CSRF token or from another site', async () => {
      const c = await seed();
      const noToken = await h.post(`/cases/${c.number}/close`, { ...session, csrf: 'x'.repeat(session.csrf.length) }, { note: 'x' });
      expect(noToken.status).toBe(403);
      const crossSite = await h.request(`/cases/${c.number}/close`, { method: 'POST', headers: { cookie: session.cookie, origin: 'https://evil.example' }, body: new URLSearchParams({ _csrf: session.csrf, note: 'x' }) });
      expect(crossSite.status).toBe(403);
      expect((await findCaseById(h.db, c.id))?.status).toBe('in_review');
    });

    it('sets a strict CSP and security headers, and a HttpOnly Secure session cookie', async () => {
      const res = await h.request('/login');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const login = await h.request('/login', { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams({ email: 'rita@desk.test', password: 'correct horse battery' }) });
      expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      expect(login.headers.get('set-cookie')).toMatch(/Secure/i);
      expect(login.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    });

    it('refuses a wrong password and an off-site redirect after login', async () => {
      const bad = await h.request('/login', { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams({ email: 'rita@desk.test', password: 'nope' }) });
      expect(bad.status).toBe(401);
      const ok = await h.request('/login', { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams({ email: 'rita@desk.test', password: 'correct horse battery', next: '//evil.example/x' }) });
      expect(ok.headers.get('location')).toBe('/');
      for (const next of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '/%09/x']) {
        const res = await h.request('/login', { method: 'POST', headers: { origin: h.origin }, body: new URLSearchParams({ ...REVIEWER_LOGIN, next }) });
        const target = new URL(res.headers.get('location') ?? '', 'https://desk.test/');
        expect(target.origin, next).toBe('https://desk.test');
      }
      const signedIn = await h.request('/login?next=%2F%09%2Fevil.example', { headers: { cookie: session.cookie } });
      expect(new URL(signedIn.headers.get('location') ?? '', 'https://desk.test/').origin).toBe('https://desk.test');
    });

    it('limits failed sign-ins per account, whatever address the client claims', async () => {
      const attempt = (password: string, i: number) =>
        h.request('/login', { method: 'POST', headers: { origin: h.origin, 'cf-connecting-ip': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` }, body: new URLSearchParams({ email: ADMIN_LOGIN.email, password }) });
      for (let i = 0; i < 10; i++) expect((await attempt('guess', i)).status).toBe(401);
      expect((await attempt(ADMIN_LOGIN.password, 99)).status).toBe(429);
    });

    it('ends the old session when someone signs in again in the same browser', async () => {
      const first = await h.signIn();
      const again = await h.request('/login', { method: 'POST', headers: { origin: h.origin, cookie: first.cookie }, body: new URLSearchParams(REVIEWER_LOGIN) });
      expect(again.status).toBe(303);
      const fresh = (again.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect(fresh).not.toBe(first.cookie);
      expect((await h.request('/', { headers: { cookie: first.cookie } })).status).toBe(303);
      expect((await h.request('/', { headers: { cookie: fresh } })).status).toBe(200);
    });

    it('renders hostile HTML in a message only sanitised, inside a sandboxed frame', async () => {
      const { sanitizeHtml } = await import('../../../console/views/sanitize-html.js');
      const out = sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">l</a><iframe src="https://e"></iframe><svg onload=alert(1)></svg></p>');
      expect(out).toBe('<p>Hi<a>l</a></p>');
    });
  });
});
