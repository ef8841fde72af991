import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { readCase } from '../../src/domain/cases/read-case.js';
import { DomainError, NotFoundError } from '../../src/domain/errors.js';
import { authenticateApiToken } from '../../src/domain/users/api-tokens.js';
import { caseOpenedFrom } from '../../src/store/repos/case-links.js';
import { findCaseByNumber } from '../../src/store/repos/cases.js';
import type { User } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { ComplaintInput, fieldErrors, listingUrls, toSubmission } from '../http/complaint-input.js';
import { HttpError } from '../http/errors.js';
import { RateLimiter } from '../http/rate-limit.js';
import { checkUpload } from '../http/uploads.js';
import { Page } from '../views/layout.js';
import { OPENAPI } from './openapi.js';
import { confirmListingByApi } from './api-listings.js';
import { decideByApi } from './api-decisions.js';

const ApiComplaint = ComplaintInput.extend({
  listingUrls: z.array(z.string().trim().min(1)).min(1, 'Give at least one listing URL.').max(800),
  attachments: z.array(z.object({ filename: z.string().min(1).max(200), contentBase64: z.string().max(7_000_000) })).max(10).default([]),
});

type ApiEnv = ConsoleEnv & { Variables: { apiUser: User } };

async function caseOf(c: Context<ApiEnv>, deps: ConsoleDeps) {
  const user = c.get('apiUser');
  const found = await findCaseByNumber(deps.db, c.req.param('number') ?? '');
  // Someone else's case answers exactly like a missing one, so numbers cannot be probed; a case
  // another account opened stays theirs even after this account's submission joined it.
  if (!found || !(await caseOpenedFrom(deps.db, found.id, `api:user:${user.id}`))) throw new NotFoundError('No such case among the ones you submitted.');
  return readCase(deps.ctx(actorOf(user), c.get('requestId')), found.number);
}

export function apiRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ApiEnv>();
  const limiter = new RateLimiter(120, 60_000);
  app.get('/api/v1/openapi.json', (c) => c.json(OPENAPI));
  app.get('/api/v1/docs', (c) => c.html(<Page title="API" user={c.get('user')} csrf={c.get('csrfToken')} active="api"><ApiDocs /></Page>));

  const authed = createMiddleware<ApiEnv>(async (c, next) => {
    const user = await authenticateApiToken(deps.db, /^Bearer\s+(\S+)$/.exec(c.req.header('authorization') ?? '')?.[1]);
    if (!user) throw new HttpError(401, 'unauthorized', 'Send a valid API token: Authorization: Bearer <token>.');
    if (!limiter.hit(`token:${user.id}`)) throw new DomainError('rate_limited', 'Too many requests; slow down.');
    c.set('apiUser', user);
    await next();
  });
  app.use('/api/v1/complaints', authed);
  app.use('/api/v1/cases/*', authed);
  app.use('/api/v1/listings/*', authed);

  app.post('/api/v1/complaints', async (c) => {
    const parsed = ApiComplaint.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw new DomainError('invalid_input', 'Some fields are not valid.', { fields: fieldErrors(parsed.error) });
    const ctx = deps.ctx(actorOf(c.get('apiUser')), c.get('requestId'));
    const platform = ctx.platforms.find((p) => p.id === parsed.data.platform);
    const urls = listingUrls(parsed.data.listingUrls.join('\n'), null, platform);
    const fields: Record<string, string> = {};
    if (!platform) fields.platform = 'Unknown platform.';
    if (urls.error) fields.listingUrls = urls.error;
    const files = [];
    for (const a of parsed.data.attachments) {
      const checked = await checkUpload(new File([Buffer.from(a.contentBase64, 'base64')], a.filename));
      if (typeof checked === 'string') fields.attachments ??= checked;
      else files.push({ filename: checked.filename, contentType: checked.contentType, contentBase64: a.contentBase64 });
    }
    if (Object.keys(fields).length || !deps.intake) throw new DomainError('invalid_input', 'Some fields are not valid.', { fields });
    // The account is part of what is stored, so the same complaint from two accounts is two submissions, never merged.
    const submission = { ...toSubmission({ ...parsed.data, listingUrls: urls.urls.join('\n') }, urls.urls, files), account: `api:user:${c.get('apiUser').id}` };
    const raw = new TextEncoder().encode(JSON.stringify(submission));
    const result = await deps.intake(ctx, raw, 'api', `api:user:${c.get('apiUser').id}:${c.get('requestId')}`);
    if (!result.caseNumber) throw new Error(`submission not processed: ${result.status}`);
    // Filed, but not everything was read: say so rather than answer as if it had been.
    const unread = result.unread?.length ? { unread: result.unread } : {};
    return c.json({ caseNumber: result.caseNumber, status: result.status, ...unread, links: { self: `/api/v1/cases/${result.caseNumber}` } }, 201);
  });

  app.get('/api/v1/cases/:number', async (c) => {
    const file = await caseOf(c, deps);
    const x = file.case;
    const decided = new Map(file.decisions.map((d) => [d.url, d.decision]));
    return c.json({ caseNumber: x.number, status: x.status, findings: x.findings.map(({ code, severity, message }) => ({ code, severity, message })), listings: x.complaint.listings.map((l) => ({ url: l.url, decision: decided.get(l.url) ?? null })), dueAt: x.dueAt, createdAt: x.createdAt, updatedAt: x.updatedAt });
  });
  app.post('/api/v1/cases/:number/decision', (c) => decideByApi(c, deps));
  app.post('/api/v1/listings/confirm', (c) => confirmListingByApi(c, deps));
  app.get('/api/v1/cases/:number/events', async (c) => {
    const file = await caseOf(c, deps);
    return c.json({ events: file.events.map((e) => ({ at: e.at, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus })) });
  });
  return app as unknown as Hono<ConsoleEnv>;
}

function ApiDocs() {
  const schemas = OPENAPI.components.schemas;
  return (
    <>
      <h1>{OPENAPI.info.title}</h1>
      <p>{OPENAPI.info.description}</p>
      <p><a href="/api/v1/openapi.json">OpenAPI document (JSON)</a></p>
      {Object.entries(OPENAPI.paths).map(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => (
          <div class="panel">
            <h2><span class="badge">{method.toUpperCase()}</span> /api/v1{path}</h2>
            <p><b>{op.summary}</b>{'description' in op ? ` — ${op.description}` : ''}</p>
            <p class="small muted">Responses: {Object.entries(op.responses as Record<string, { description: string }>).map(([code, r]) => `${code} ${r.description}`).join(' · ')}</p>
          </div>
        )),
      )}
      <div class="panel">
        <h2>Complaint fields</h2>
        <table><thead><tr><th>Field</th><th>Type</th><th>Notes</th></tr></thead><tbody>
          {Object.entries(schemas.Complaint.properties).map(([name, s]) => (
            <tr><td><code>{name}</code>{(schemas.Complaint.required as readonly string[]).includes(name) ? ' *' : ''}</td><td class="small">{'enum' in s ? s.enum.join(' | ') : 'type' in s ? String(s.type) : 'const' in s ? 'true' : ''}</td><td class="small">{'description' in s ? s.description : ''}</td></tr>
          ))}
        </tbody></table>
      </div>
      <div class="panel"><h2>Errors</h2><p>Every error has one shape: <code>{'{ "error": { "code", "message", "requestId", "details" } }'}</code>. Quote the request id when you contact us.</p></div>
    </>
  );
}
