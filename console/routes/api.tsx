import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { readCase } from '../../src/domain/cases/read-case.js';
import { DomainError, NotFoundError } from '../../src/domain/errors.js';
import { authenticateApiToken } from '../../src/domain/users/api-tokens.js';
import { confirmListing } from '../../src/domain/webhooks/confirm-listing.js';
import { caseOpenedFrom } from '../../src/store/repos/case-links.js';
import { findCaseByNumber } from '../../src/store/repos/cases.js';
import type { User } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { fieldErrors, listingUrls, toSubmission } from '../http/complaint-input.js';
import { HttpError } from '../http/errors.js';
import { RateLimiter } from '../http/rate-limit.js';
import { checkUpload } from '../http/uploads.js';
import { decideByApi } from './api-decisions.js';
import { ApiDocs, type OpenApiDocument } from './api-docs.js';
import { API_INFO, type ApiComplaint, confirmListingRoute, decideCase, readCaseEvents, readCaseStatus, submitComplaint } from './api-spec.js';
import { Page } from '../views/layout.js';

type ApiEnv = ConsoleEnv & { Variables: { apiUser: User } };

async function caseOf(c: Context<ApiEnv>, deps: ConsoleDeps, caseNumber: string) {
  const user = c.get('apiUser');
  const found = await findCaseByNumber(deps.db, caseNumber);
  // Someone else's case answers exactly like a missing one, so numbers cannot be probed; a case
  // another account opened stays theirs even after this account's submission joined it.
  if (!found || !(await caseOpenedFrom(deps.db, found.id, `api:user:${user.id}`))) throw new NotFoundError('No such case among the ones you submitted.');
  return readCase(deps.ctx(actorOf(user), c.get('requestId')), found.number);
}

async function submit(c: Context<ApiEnv>, deps: ConsoleDeps, input: z.infer<typeof ApiComplaint>) {
  const ctx = deps.ctx(actorOf(c.get('apiUser')), c.get('requestId'));
  const platform = ctx.platforms.find((p) => p.id === input.platform);
  const urls = listingUrls(input.listingUrls.join('\n'), null, platform);
  const fields: Record<string, string> = {};
  if (!platform) fields.platform = 'Unknown platform.';
  if (urls.error) fields.listingUrls = urls.error;
  const files = [];
  for (const a of input.attachments) {
    const checked = await checkUpload(new File([Buffer.from(a.contentBase64, 'base64')], a.filename));
    if (typeof checked === 'string') fields.attachments ??= checked;
    else files.push({ filename: checked.filename, contentType: checked.contentType, contentBase64: a.contentBase64 });
  }
  if (Object.keys(fields).length || !deps.intake) throw new DomainError('invalid_input', 'Some fields are not valid.', { fields });
  // The account is part of what is stored, so the same complaint from two accounts is two submissions, never merged.
  const submission = { ...toSubmission({ ...input, listingUrls: urls.urls.join('\n') }, urls.urls, files), account: `api:user:${c.get('apiUser').id}` };
  const raw = new TextEncoder().encode(JSON.stringify(submission));
  const result = await deps.intake(ctx, raw, 'api', `api:user:${c.get('apiUser').id}:${c.get('requestId')}`);
  if (!result.caseNumber) throw new Error(`submission not processed: ${result.status}`);
  // Filed, but not everything was read: say so rather than answer as if it had been.
  const unread = result.unread?.length ? { unread: result.unread } : {};
  return { caseNumber: result.caseNumber, status: result.status, ...unread, links: { self: `/api/v1/cases/${result.caseNumber}` } };
}

/** The JSON API under /api/v1: routes declared by their schemas (./api-spec.ts), which also write its OpenAPI document. */
export function apiRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const v1 = new OpenAPIHono<ApiEnv>({
    // Every validation failure answers in the one error shape, a message per field.
    defaultHook: (result) => {
      if (!result.success) throw new DomainError('invalid_input', 'Some fields are not valid.', { fields: fieldErrors(result.error) });
    },
  });
  v1.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const document = () => v1.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO, servers: [{ url: '/api/v1' }] });
  const limiter = new RateLimiter(120, 60_000);

  const authed = createMiddleware<ApiEnv>(async (c, next) => {
    const user = await authenticateApiToken(deps.db, /^Bearer\s+(\S+)$/.exec(c.req.header('authorization') ?? '')?.[1]);
    if (!user) throw new HttpError(401, 'unauthorized', 'Send a valid API token: Authorization: Bearer <token>.');
    if (!limiter.hit(`token:${user.id}`)) throw new DomainError('rate_limited', 'Too many requests; slow down.');
    c.set('apiUser', user);
    await next();
  });
  // Every route needs a token but the API's own description: a route added later is closed by default.
  const PUBLIC = new Set(['/api/v1/openapi.json', '/api/v1/docs']);
  v1.use('*', (c, next) => (PUBLIC.has(c.req.path) ? next() : authed(c, next)));

  v1.openapi(submitComplaint, async (c) => c.json(await submit(c, deps, c.req.valid('json')), 201));
  v1.openapi(readCaseStatus, async (c) => {
    const file = await caseOf(c, deps, c.req.valid('param').caseNumber);
    const x = file.case;
    const decided = new Map(file.decisions.map((d) => [d.url, d.decision]));
    return c.json(
      {
        caseNumber: x.number,
        status: x.status,
        findings: x.findings.map(({ code, severity, message }) => ({ code, severity, message })),
        listings: x.complaint.listings.map((l) => ({ url: l.url, decision: decided.get(l.url) ?? null })),
        dueAt: x.dueAt,
        createdAt: x.createdAt,
        updatedAt: x.updatedAt,
      },
      200,
    );
  });
  v1.openapi(readCaseEvents, async (c) => {
    const file = await caseOf(c, deps, c.req.valid('param').caseNumber);
    return c.json({ events: file.events.map((e) => ({ at: e.at, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus })) }, 200);
  });
  v1.openapi(decideCase, async (c) => c.json(await decideByApi(c, deps, c.req.valid('param').caseNumber, c.req.valid('json')), 200));
  v1.openapi(confirmListingRoute, async (c) => {
    const user = c.get('apiUser');
    // Reviewers decide; the platform carries out.
    if (user.role !== 'platform' && user.role !== 'admin') throw new DomainError('forbidden', 'Only platform and admin tokens can confirm listings.');
    return c.json(await confirmListing(deps.ctx(actorOf(user), c.get('requestId')), c.req.valid('json')), 200);
  });

  v1.get('/openapi.json', (c) => c.json(document()));
  v1.get('/docs', (c) => c.html(<Page title="API" user={c.get('user')} csrf={c.get('csrfToken')} active="api"><ApiDocs document={document() as unknown as OpenApiDocument} /></Page>));

  const app = new OpenAPIHono<ApiEnv>();
  app.route('/api/v1', v1);
  return app as unknown as Hono<ConsoleEnv>;
}
