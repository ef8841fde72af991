import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { readCounterNoticeForm, type CounterNoticeFormView, type FormFieldProblem } from '../../src/domain/counter-notices/counter-notice-form.js';
import { fileCounterNotice, type CounterNoticeReceipt } from '../../src/domain/counter-notices/file-counter-notice.js';
import { DomainError } from '../../src/domain/errors.js';
import { checkCounterNoticeToken } from '../../src/domain/links/counter-notice-link.js';
import { SYSTEM } from '../../src/domain/schemas/index.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { putFlash, readFlash, type Flash } from '../http/flash.js';
import { clientKey, RateLimiter, remoteAddress, trustedProxyList } from '../http/rate-limit.js';
import { Alert, Page } from '../views/layout.js';
import { reportLinkFor } from '../views/report-words.js';
import { CounterNoticePage, LinkProblemPage, NoReceiptPage, ReceiptPage, wordsFor } from '../views/counter-notice-view.js';

/** The form's own CSRF token: a cookie the form repeats (no session here), sent only to these pages. */
const CSRF_COOKIE = 'nd_counter_csrf';
const RECEIPT: Flash = { name: 'nd_counter_receipt', path: '/counter-notice/received', maxAgeSeconds: 3600 };

function csrfOf(c: Context<ConsoleEnv>, deps: ConsoleDeps): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[\w-]{32}$/.test(existing)) return existing;
  const fresh = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, fresh, { httpOnly: true, secure: deps.secureCookies, sameSite: 'Strict', path: '/counter-notice/' });
  return fresh;
}

function csrfMatches(c: Context<ConsoleEnv>, submitted: unknown): boolean {
  const expected = getCookie(c, CSRF_COOKIE);
  if (!expected || typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

/** The text fields as posted, to show them again on a refused post. */
function valuesOf(form: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/**
 * The merchant's counter-notice form: no sign-in, the signed token in the
 * path is the only key and names exactly one case; the page shows that
 * case's number and the listings removed under it, nothing of any other.
 * A filing goes through the same pipeline as an emailed counter-notice.
 */
export function counterNoticeRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const limiter = new RateLimiter(deps.reportRateLimit ?? 10, 3600_000);
  const proxies = trustedProxyList(deps.trustedProxies ?? []);

  // Before `/:token`: a token always holds a dot, so it can never be "received".
  app.get(RECEIPT.path, (c) => {
    const r = readFlash(c, RECEIPT, deps.secureCookies) as CounterNoticeReceipt | undefined;
    if (!r || typeof r !== 'object' || (r.language !== 'en' && r.language !== 'zh') || !Array.isArray(r.missing)) return c.html(<NoReceiptPage />, 404);
    return c.html(<ReceiptPage receipt={r} />);
  });

  /** Checks the token, then reads the one case it names; a forged, foreign or old token ends here. */
  async function open(c: Context<ConsoleEnv>) {
    const token = c.req.param('token') ?? '';
    const ctx = deps.ctx({ ...SYSTEM, id: 'counter-notice-form' }, c.get('requestId'));
    const check = checkCounterNoticeToken(ctx, token);
    if (!check.ok) return { problem: c.html(<LinkProblemPage status={check.reason === 'expired' ? 410 : 404} />, check.reason === 'expired' ? 410 : 404) } as const;
    try {
      return { token, ctx, view: await readCounterNoticeForm(ctx, check.claims.caseId) } as const;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return { problem: c.html(<LinkProblemPage status={404} />, 404) } as const;
      throw error;
    }
  }

  const form = (c: Context<ConsoleEnv>, view: CounterNoticeFormView, token: string, values: Record<string, string | string[]>, problems: Record<string, FormFieldProblem>, status: 200 | 403 | 409 | 422 | 429 = 200) =>
    c.html(<CounterNoticePage view={view} token={token} csrf={csrfOf(c, deps)} values={values} problems={problems} />, status);

  app.get('/counter-notice/:token', async (c) => {
    const opened = await open(c);
    if ('problem' in opened) return opened.problem;
    return form(c, opened.view, opened.token, {}, {});
  });

  app.post('/counter-notice/:token', async (c) => {
    const opened = await open(c);
    if ('problem' in opened) return opened.problem;
    const { view, token } = opened;
    const w = wordsFor(view.language);
    const body = await readForm(c, { all: true });
    const values = valuesOf(body);
    const refuse = (text: string, status: 403 | 409 | 429) =>
      c.html(<Page title={w.refusedTitle} user={null} csrf={null} lang={view.language} reportLink={reportLinkFor(view.language)}><Alert kind="error"><span id="refused">{text}</span></Alert></Page>, status);
    if (!csrfMatches(c, [body._csrf].flat()[0])) {
      return refuse(view.language === 'zh' ? '此表单已过期，未提交任何内容。请重新打开链接后再试。' : 'This form was out of date. Nothing was filed; open the link again and resend it.', 403);
    }
    if (!limiter.hit(clientKey(c.req.raw.headers, remoteAddress(c.env), proxies))) {
      return refuse(view.language === 'zh' ? '来自您地址的提交过多，请一小时后再试。' : 'Too many submissions from your address. Try again in an hour.', 429);
    }
    try {
      const receipt = await fileCounterNotice(opened.ctx, view.caseId, values, `form:${c.get('requestId')}`);
      // Post, redirect, get: reloading the receipt shows it again and files nothing twice.
      putFlash(c, RECEIPT, receipt, deps.secureCookies);
      return c.redirect(RECEIPT.path, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invalid_input') return form(c, view, token, values, (error.details.fields ?? {}) as Record<string, FormFieldProblem>, 422);
      if (error.code === 'conflict') return refuse(w.nothing(view.caseNumber), 409);
      throw error;
    }
  });

  return app;
}
