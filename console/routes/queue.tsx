import { Hono } from 'hono';
import { listQueue, type QueuePage } from '../../src/domain/cases/list-queue.js';
import { CaseStatus, IprType, NoticeKind } from '../../src/domain/schemas/index.js';
import { listReviewers, type User } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { BulkBar } from '../views/bulk-bar.js';
import { queueRows } from '../views/queue-rows.js';
import { slaPolicyFor } from '../../src/domain/cases/sla-deadline.js';
import type { SlaPolicy } from '../../src/rules/sla.js';
import { SavedViews } from '../views/saved-views.js';
import { listViews, type SavedView } from '../../src/domain/cases/saved-views.js';
import { Page } from '../views/layout.js';

function href(filter: QueuePage['filter'], change: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...change })) {
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 50) && !(k === 'status' && v === 'open')) params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/?${s}` : '/';
}

function Select(props: { name: string; value: string | undefined; options: readonly string[]; label: string; any?: string }) {
  return (
    <div>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.any ?? 'Any'}</option>
        {props.options.map((o) => <option value={o} selected={props.value === o}>{o.replace(/_/g, ' ')}</option>)}
      </select>
    </div>
  );
}

function QueueView(props: { page: QueuePage; now: Date; reviewers: User[]; csrf: string | null; query: string; views: SavedView[]; me: string; policy: (platform: string | null) => SlaPolicy }) {
  const { page, now } = props;
  const names = new Map(props.reviewers.map((u) => [u.email, u.name ?? u.email]));
  const f = page.filter;
  const open = ['in_review', 'received', 'counter_noticed', 'disputed'].reduce((n, s) => n + (page.counts[s] ?? 0), 0);
  const tabs: Array<[string, string, number]> = [
    ['open', 'Needs action', open],
    ...CaseStatus.options.filter((s) => page.counts[s]).map((s): [string, string, number] => [s, s.replace(/_/g, ' '), page.counts[s] ?? 0]),
    ['all', 'All', Object.values(page.counts).reduce((a, b) => a + b, 0)],
  ];
  return (
    <>
      <div class="bar spread">
        <h1>Review queue</h1>
        <span class="muted small">Press <kbd>?</kbd> for keyboard shortcuts</span>
      </div>
      <nav class="tabs" aria-label="Status">
        {tabs.map(([value, label, n]) => <a href={href(f, { status: value, page: 1 })} aria-current={f.status === value && !f.sla ? 'true' : undefined}>{label}<span class="n">{n}</span></a>)}
        <a href={href(f, { sla: 'breached', page: 1 })} aria-current={f.sla ? 'true' : undefined}>Past SLA<span class="n">{page.slaBreached}</span></a>
      </nav>
      <nav class="tabs" aria-label="Assignee">
        <a href={href(f, { assignee: undefined, page: 1 })} aria-current={!f.assignee ? 'true' : undefined}>Everyone's</a>
        <a href={href(f, { assignee: 'me', status: 'open', page: 1 })} aria-current={f.assignee === 'me' ? 'true' : undefined}>Mine<span class="n">{page.mine}</span></a>
        <a href={href(f, { assignee: 'unassigned', status: 'open', page: 1 })} aria-current={f.assignee === 'unassigned' ? 'true' : undefined}>Unassigned<span class="n">{page.unassigned}</span></a>
      </nav>
      <form class="panel filters" method="get" action="/" role="search">
        <input type="hidden" name="status" value={f.status} />
        {f.assignee ? <input type="hidden" name="assignee" value={f.assignee} /> : null}
        <div><label for="q">Search</label><input id="q" type="search" name="q" value={f.q ?? ''} placeholder="Case number, sender, rights owner, URL" /></div>
        <Select name="platform" label="Platform" value={f.platform} options={page.platforms} />
        <Select name="kind" label="Kind" value={f.kind} options={NoticeKind.options} />
        <Select name="iprType" label="IPR type" value={f.iprType} options={IprType.options} />
        <Select name="findings" label="Findings" value={f.findings} options={['yes', 'no']} />
        <Select name="age" label="Age" value={f.age} options={['today', 'over_24h', 'over_3d', 'over_7d']} />
        <Select name="sla" label="SLA" value={f.sla} options={['breached']} />
        <button type="submit">Filter</button>
        <a class="button secondary" href="/">Reset</a>
      </form>
      <SavedViews views={props.views} me={props.me} query={props.query} csrf={props.csrf} />
      <BulkBar csrf={props.csrf} filter={props.query} total={page.total} reviewers={props.reviewers} />
      <div class="panel flush">
        <table aria-label="Cases" class="queue">
          <thead><tr><th><input type="checkbox" id="pick-all" aria-label="Select every row on this page" /></th><th>Case</th><th>Status / kind</th><th>Subject</th><th>IPR type</th><th>Platform</th><th>Rights owner / sender</th><th>Listings</th><th>Findings</th><th>Age</th><th><a href={href(f, { sort: f.sort === 'sla' ? undefined : 'sla', page: 1 })} title="Sort by time left to the SLA target">SLA {f.sort === 'sla' ? '↑' : '↕'}</a></th><th>Assignee</th></tr></thead>
          <tbody>{queueRows(page.cases, now, names, props.policy)}</tbody>
        </table>
      </div>
      <div class="pager">
        <span class="muted">{page.total} cases · page {f.page} of {page.pages}</span>
        {f.page > 1 ? <a class="button secondary" rel="prev" href={href(f, { page: f.page - 1 })}>← Previous</a> : null}
        {f.page < page.pages ? <a class="button secondary" rel="next" href={href(f, { page: f.page + 1 })}>Next →</a> : null}
      </div>
    </>
  );
}

export function queueRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.get('/', async (c) => {
    const user = c.get('user')!;
    const ctx = deps.ctx(actorOf(user), c.get('requestId'));
    const [page, reviewers, views] = await Promise.all([listQueue(ctx, c.req.query()), listReviewers(deps.db), listViews(ctx)]);
    return c.html(<Page title="Queue" user={user} csrf={c.get('csrfToken')} active="queue"><QueueView page={page} now={ctx.now()} reviewers={reviewers} csrf={c.get('csrfToken')} query={new URL(c.req.url).search} views={views} me={user.email} policy={(p) => slaPolicyFor(ctx, p)} /></Page>);
  });
  return app;
}
