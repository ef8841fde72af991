import { Hono } from 'hono';
import { runBulkAction, BULK_LIMIT, type BulkActionInput } from '../../src/domain/cases/bulk-action.js';
import { listMatchingCases } from '../../src/domain/cases/list-queue.js';
import { DomainError } from '../../src/domain/errors.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { checkCsrf } from '../http/session.js';
import { BulkResults } from '../views/bulk-bar.js';
import { Alert, Page } from '../views/layout.js';

type Body = Record<string, string | File | (string | File)[]>;
const first = (b: Body, k: string): string => {
  const v = b[k];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
};
const every = (b: Body, k: string): string[] => {
  const v = b[k];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};

/** Form fields -> the bulk verb's action; the verb validates. */
function actionOf(b: Body): BulkActionInput['action'] {
  const note = first(b, 'note') || undefined;
  const type = first(b, 'action');
  if (type === 'assign') return { type, assignee: first(b, 'assignee') || null };
  if (type === 'request_info') return { type, requested: first(b, 'requested').split(/\r?\n/).map((l) => l.trim()).filter(Boolean), note };
  if (type === 'reject') return { type, reason: first(b, 'reason') as never, note };
  if (type === 'duplicate') return { type, duplicateOf: first(b, 'duplicateOf').toUpperCase() };
  if (type === 'close') return { type, note: note ?? '' };
  return { type: type as 'accept', note };
}

/** A ticked row is `NUMBER@VERSION`: the version the reviewer saw, so a case changed since then conflicts. */
function picked(b: Body): Array<{ caseNumber: string; version?: number }> {
  return every(b, 'case').map((v) => {
    const [caseNumber = '', version] = v.split('@');
    return { caseNumber, version: version && /^\d+$/.test(version) ? Number(version) : undefined };
  });
}

export function bulkRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.post('/bulk', async (c) => {
    const body = (await readForm(c, { all: true })) as Body;
    if (!checkCsrf(c, first(body, '_csrf'))) return c.text('The form expired or came from elsewhere; reload the page and try again.', 403);
    const user = c.get('user')!;
    const ctx = deps.ctx(actorOf(user), c.get('requestId'));
    const filter = first(body, 'filter').replace(/^\?/, '');
    const back = filter ? `/?${filter}` : '/';
    const action = actionOf(body);
    const page = (status: 200 | 422, content: unknown) =>
      c.html(<Page title="Bulk action" user={user} csrf={c.get('csrfToken')} active="queue">{content as never}</Page>, status);
    try {
      const cases = first(body, 'matching') === '1' ? await listMatchingCases(ctx, Object.fromEntries(new URLSearchParams(filter)), BULK_LIMIT) : picked(body);
      const outcomes = await runBulkAction(ctx, { cases, action });
      return page(200, <BulkResults action={action.type} outcomes={outcomes} back={back} />);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error;
      const fields = error.details.fields as Record<string, string> | undefined;
      const detail = fields ? ` (${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
      return page(422, <><Alert kind="error">Nothing was changed: {error.message}{detail}</Alert><p><a href={back}>← Back to the queue</a></p></>);
    }
  });
  return app;
}
