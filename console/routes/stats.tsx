import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { computeStats, GOOD_FAITH } from '../../src/domain/stats/complainant-stats.js';
import { computeTrends, TREND_WEEKS } from '../../src/domain/stats/trends.js';
import { exportCasesCsv, exportRedactedNotices } from '../../src/domain/stats/export-cases.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { formatTime, Page, StatusBadge } from '../views/layout.js';
import { listMeasures } from '../../src/store/repos/complainant-measures.js';
import { complainantRows, pct } from '../views/stats-complainants.js';
import { Trends } from '../views/stats-trends.js';

export function statsRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.get('/stats', async (c) => {
    const user = c.get('user')!;
    const ctx = deps.ctx(actorOf(user), c.get('requestId'));
    const asked = Number(c.req.query('weeks'));
    const weeks = Number.isInteger(asked) && asked >= 1 && asked <= TREND_WEEKS.max ? asked : TREND_WEEKS.default;
    const [s, trends] = await Promise.all([computeStats(ctx), computeTrends(ctx, weeks)]);
    const max = Math.max(1, ...Object.values(s.byStatus));
    const measures = await listMeasures(deps.db, { limit: 50 });
    return c.html(
      <Page title="Stats" user={user} csrf={c.get('csrfToken')} active="stats">
        <div class="bar spread"><h1>Stats</h1><span><a class="button secondary" href="/exports/cases.csv">Cases CSV</a> <a class="button secondary" href="/exports/decided-notices.jsonl">Redacted decided notices</a></span></div>
        <div class="kpis">
          <div class="kpi"><span class="muted">Decided notices</span><b>{s.decided}</b></div>
          <div class="kpi"><span class="muted">Decided within 24 h</span><b>{pct(s.share24h)}</b><meter min={0} max={1} low={0.8} optimum={1} value={s.share24h ?? 0}></meter></div>
          <div class="kpi"><span class="muted">Complainants</span><b>{s.complainants.length}</b></div>
          <div class="kpi"><span class="muted">Good Faith eligible</span><b>{s.complainants.filter((g) => g.goodFaithEligible).length}</b></div>
        </div>
        <Trends trends={trends} weeks={weeks} />
        <div class="panel">
          <h2>Notices by status</h2>
          <table><tbody>{Object.entries(s.byStatus).sort((a, b) => b[1] - a[1]).map(([status, n]) => <tr><td><StatusBadge status={status} /></td><td><meter min={0} max={max} value={n}></meter></td><td>{n}</td></tr>)}</tbody></table>
        </div>
        <div class="panel flush">
          <h2>Complainants</h2>
          <table aria-label="Complainants">
            <thead><tr><th>Complainant</th><th>Requests</th><th>Last 3 months</th><th>Decided</th><th>Success rate</th><th>Successful counter-notices</th><th>False information</th><th>Good Faith</th></tr></thead>
            <tbody>{complainantRows(s.complainants)}</tbody>
          </table>
        </div>
        <div class="panel flush">
          <h2>Misuse measures (DSA Art. 23)</h2>
          <table aria-label="Misuse measures">
            <thead><tr><th>Complainant</th><th>Measure</th><th>Given</th><th>Until</th><th>Case</th><th>Manifestly unfounded</th></tr></thead>
            <tbody>
              {measures.map((m) => (
                <tr><td>{m.complainantKey.replace(/^(account|address):/, '')}</td><td>{m.kind}</td><td>{formatTime(m.createdAt)}</td><td>{m.until ? formatTime(m.until) : '–'}</td><td>{m.caseNumber ? <a href={`/cases/${m.caseNumber}`}>{m.caseNumber}</a> : '–'}</td><td>{m.unfounded} of {m.notices}</td></tr>
              ))}
              {measures.length === 0 ? <tr><td colspan={6} class="muted">No warnings or suspensions.</td></tr> : null}
            </tbody>
          </table>
        </div>
        <p class="muted small">Good Faith: at least {GOOD_FAITH.minRequests3m} requests in the last 3 months, success rate ≥ {GOOD_FAITH.minSuccessRate * 100}%, successful counter-notices ≤ {GOOD_FAITH.maxCounterNoticeRate * 100}%, no false information.</p>
      </Page>,
    );
  });
  app.get('/exports/cases.csv', (c) => {
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="cases.csv"');
    return stream(c, async (s) => {
      // A byte-order mark first: without it Excel reads UTF-8 as the local code page and garbles Chinese names.
      await s.write('\uFEFF');
      for await (const chunk of exportCasesCsv(ctx)) await s.write(chunk);
    });
  });
  app.get('/exports/decided-notices.jsonl', (c) => {
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="decided-notices.jsonl"');
    return stream(c, async (s) => {
      for await (const chunk of exportRedactedNotices(ctx)) await s.write(chunk);
    });
  });
  return app;
}
