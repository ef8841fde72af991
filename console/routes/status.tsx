import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { confirmHeldChange } from '../../src/domain/complainant/held-changes.js';
import { readStatus, type StatusView } from '../../src/domain/complainant/read-status.js';
import { checkStatusToken } from '../../src/domain/complainant/status-link.js';
import { rejectCounterNotice } from '../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../src/domain/counter-notices/withdraw-complaint.js';
import { DomainError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/domain/schemas/index.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { toErrorBody } from '../http/errors.js';
import { Alert, Page } from '../views/layout.js';
import { StatusPage } from '../views/status-view.js';
import { STATUS_PAGE_WORDS } from '../views/status-words.js';

/** The status page's own CSRF token: a cookie the form repeats (there is no session here). */
const STATUS_CSRF_COOKIE = 'nd_status_csrf';

function complainant(caseNumber: string): Actor {
  return { type: 'complainant', id: caseNumber, name: 'Complainant, via the status page' };
}

/** A link that opens no case cannot tell the sender's language: it says why in both. */
const LINK_PROBLEM = {
  410: {
    en: 'This status link has expired. Write to us quoting your case number, and we will send you a new one.',
    zh: '此状态链接已过期。请写信给我们并注明案件编号，我们会向您发送新的链接。',
  },
  404: {
    en: 'This status link is not valid. Check that you copied the whole link from our email.',
    zh: '此状态链接无效。请检查是否从我们的邮件中完整复制了链接。',
  },
} as const;

function linkProblem(c: Context<ConsoleEnv>, status: 404 | 410) {
  const message = LINK_PROBLEM[status];
  return c.html(
    <Page title={status === 410 ? 'Link expired · 链接已过期' : 'Link not valid · 链接无效'} user={null} csrf={null}>
      <Alert kind="error">{message.en}</Alert>
      <p lang="zh">{message.zh}</p>
    </Page>,
    status,
  );
}

function csrfOf(c: Context<ConsoleEnv>, deps: ConsoleDeps): string {
  const existing = getCookie(c, STATUS_CSRF_COOKIE);
  if (existing && /^[\w-]{32}$/.test(existing)) return existing;
  const fresh = randomBytes(24).toString('base64url');
  setCookie(c, STATUS_CSRF_COOKIE, fresh, { httpOnly: true, secure: deps.secureCookies, sameSite: 'Strict', path: '/status/' });
  return fresh;
}

function csrfMatches(c: Context<ConsoleEnv>, submitted: unknown): boolean {
  const expected = getCookie(c, STATUS_CSRF_COOKIE);
  if (!expected || typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

/**
 * The complainant's status page: no sign-in, the signed token in the path is
 * the only key, and it opens exactly one case. Its buttons run the same
 * verbs as a reviewer's console or an email would, recorded as done by the
 * complainant through this page.
 */
export function statusRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  async function render(c: Context<ConsoleEnv>, token: string, view: StatusView, notice: { kind: 'ok' | 'error'; text: string } | null, status: ContentfulStatusCode = 200) {
    return c.html(<StatusPage view={view} token={token} csrf={csrfOf(c, deps)} notice={notice} />, status);
  }

  /** Checks the token, then loads the one case it names; a bad or old token ends here. */
  async function open(c: Context<ConsoleEnv>) {
    const token = c.req.param('token') ?? '';
    const ctx = deps.ctx({ type: 'system', id: 'status-page', name: null }, c.get('requestId'));
    const check = checkStatusToken(ctx, token);
    if (!check.ok) return { problem: linkProblem(c, check.reason === 'expired' ? 410 : 404) } as const;
    try {
      return { token, caseId: check.claims.caseId, view: await readStatus(ctx, check.claims.caseId) } as const;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return { problem: linkProblem(c, 404) } as const;
      throw error;
    }
  }

  app.get('/status/:token', async (c) => {
    const opened = await open(c);
    if ('problem' in opened) return opened.problem;
    const done = STATUS_PAGE_WORDS[opened.view.language].done[c.req.query('done') ?? ''];
    return render(c, opened.token, opened.view, done ? { kind: 'ok', text: done } : null);
  });

  const act = (name: string, run: (ctx: ReturnType<ConsoleDeps['ctx']>, view: StatusView, form: Record<string, unknown>) => Promise<unknown>, done: string) =>
    app.post(`/status/:token/${name}`, async (c) => {
      const opened = await open(c);
      if ('problem' in opened) return opened.problem;
      const form = await readForm(c);
      if (!csrfMatches(c, form._csrf)) {
        return render(c, opened.token, opened.view, { kind: 'error', text: STATUS_PAGE_WORDS[opened.view.language].stale }, 403);
      }
      const ctx = deps.ctx(complainant(opened.view.caseNumber), c.get('requestId'));
      try {
        await run(ctx, opened.view, form);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const { status } = toErrorBody(error, c.get('requestId'));
        return render(c, opened.token, await readStatus(ctx, opened.caseId), { kind: 'error', text: STATUS_PAGE_WORDS[opened.view.language].refused(error.message) }, status);
      }
      return c.redirect(`/status/${opened.token}?done=${done}`, 303);
    });

  act('withdraw', (ctx, view) => withdrawComplaint(ctx, { caseNumber: view.caseNumber, version: view.version }), 'withdrawn');
  act(
    'answer',
    (ctx, view, form) =>
      rejectCounterNotice(ctx, {
        caseNumber: view.caseNumber,
        version: view.version,
        // The platform's procedure says how a complainant answers, not the form.
        answer: view.counterNotice?.complainantMay === 'report_court_action' ? 'court_action' : 'reject',
        note: typeof form.note === 'string' && form.note.trim() ? form.note : undefined,
      }),
    'answered',
  );
  act('confirm', (ctx, view, form) => confirmHeldChange(ctx, { caseNumber: view.caseNumber, holdId: typeof form.holdId === 'string' ? form.holdId : '' }), 'confirmed');

  return app;
}
