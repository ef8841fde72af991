import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { computeStats, GOOD_FAITH } from '../../src/domain/stats/complainant-stats.js';
import { computeTrends, TREND_WEEKS } from '../../src/domain/stats/trends.js';
import { exportCasesCsv, exportRedactedNotices } from '../../src/domain/stats/export-cases.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { Page, StatusBadge } from '../views/layout.js';
import { Trends } from '../views/stats-trends.js';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

export function statsRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.get('/stats', async (c) => {
    const user = c.get('user')!;
    const ctx = deps.ctx(actorOf(user), c.get('requestId'));
    const asked = Number(c.req.query('weeks'));
    const weeks = Number.isInteger(asked) && asked >= 1 && asked <= TREND_WEEKS.max ? asked : TREND_WEEKS.default;
    const [s, trends] = await Promise.all([computeStats(ctx), computeTrends(ctx, weeks)]);
    const max = Math.max(1, ...Object.values(s.byStatus));
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
          <table aria-label="Complainants">
            <thead><tr><th>Complainant</th><th>Requests</th><th>Last 3 months</th><th>Decided</th><th>Success rate</th><th>Successful counter-notices</th><th>False information</th><th>Good Faith</th></tr></thead>
            <tbody>{s.complainants.map((g) => (
              <tr><td>{g.complainant}</td><td>{g.requests}</td><td>{g.requests3m}</td><td>{g.decided}</td><td>{pct(g.successRate)}</td><td>{pct(g.counterNoticeRate)}</td><td>{g.falseInformation ? 'yes' : 'no'}</td><td>{g.goodFaithEligible ? <span class="badge accepted">eligible</span> : <span class="muted small">no</span>}</td></tr>
            ))}</tbody>
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
