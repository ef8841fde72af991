import { Hono, type Context } from 'hono';
import { findCaseById } from '../../src/store/repos/cases.js';
import { listTroubledDeliveries, retryDeliveryNow } from '../../src/store/repos/webhooks.js';
import type { WebhookDeliveryRow } from '../../src/store/tables.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { readForm } from '../http/body.js';
import { checkCsrf, requireUser } from '../http/session.js';
import { Csrf, formatTime, Page } from '../views/layout.js';

/** One row of the webhook table: what was sent where, how often, the last error, and "retry now". */
export function WebhookRows(props: { rows: WebhookDeliveryRow[]; csrf: string; caseNumbers?: Map<number, string>; back: string; canRetry?: boolean }) {
  return (
    <table><thead><tr><th>Event</th><th>Case</th><th>Endpoint</th><th>State</th><th>Attempts</th><th>Last error</th><th>Next attempt</th><th></th></tr></thead><tbody>
      {props.rows.map((r) => (
        <tr>
          <td><code>{r.type}</code><br /><span class="muted small">{r.event_id}</span></td>
          <td>{r.case_id == null ? '–' : props.caseNumbers?.get(Number(r.case_id)) ?? String(r.case_id)}</td>
          <td>{r.endpoint}</td>
          <td>{r.status === 'failed' ? 'gave up' : r.status === 'pending' && r.last_error ? 'retrying' : r.status}</td>
          <td>{String(r.attempts)}</td>
          <td>{r.last_error ?? '–'}</td>
          <td>{r.status === 'pending' ? formatTime(r.next_attempt_at) : '–'}</td>
          <td>{r.status === 'delivered' || props.canRetry === false ? null : (
            <form method="post" action={`/admin/webhooks/${r.id}/retry`}><Csrf token={props.csrf} /><input type="hidden" name="back" value={props.back} /><button class="secondary" type="submit">Retry now</button></form>
          )}</td>
        </tr>
      ))}
    </tbody></table>
  );
}

/** Administrators see webhook deliveries that failed and send them again. */
export function adminWebhookRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('/admin/webhooks', requireUser('admin'));
  app.use('/admin/webhooks/*', requireUser('admin'));

  app.get('/admin/webhooks', async (c: Context<ConsoleEnv>) => {
    const rows = await listTroubledDeliveries(deps.db, 200);
    const numbers = new Map<number, string>();
    for (const id of new Set(rows.map((r) => r.case_id).filter((id): id is number => id != null))) {
      const found = await findCaseById(deps.db, Number(id));
      if (found) numbers.set(Number(id), found.number);
    }
    const csrf = c.get('csrfToken');
    return c.html(
      <Page title="Webhooks" user={c.get('user')} csrf={csrf} active="admin">
        <h1>Webhook deliveries that failed</h1>
        {rows.length === 0 ? <p>No failed deliveries.</p> : <div class="panel flush"><WebhookRows rows={rows} csrf={csrf ?? ''} caseNumbers={numbers} back="/admin/webhooks" /></div>}
        <p class="muted small">Failed deliveries are retried with growing delays; "gave up" rows are sent again only when you retry them.</p>
      </Page>,
    );
  });

  app.post('/admin/webhooks/:id{\\d+}/retry', async (c) => {
    const body = await readForm(c);
    if (!checkCsrf(c, body._csrf)) return c.text('The form expired; reload the page.', 403);
    const queued = await retryDeliveryNow(deps.db, Number(c.req.param('id')), new Date().toISOString());
    if (!queued) return c.text('This delivery is not waiting for a retry (already delivered, or unknown).', 409);
    const back = typeof body.back === 'string' && /^\/(admin\/webhooks|cases\/[\w-]+)$/.test(body.back) ? body.back : '/admin/webhooks';
    return c.redirect(back, 303);
  });
  return app;
}
