import type { QueuePage } from '../../src/domain/cases/list-queue.js';
import type { SavedView } from '../../src/domain/cases/saved-views.js';
import { CaseStatus, IprType, NoticeKind } from '../../src/domain/schemas/index.js';
import type { User } from '../../src/store/repos/users.js';
import type { SlaPolicy } from '../../src/rules/sla.js';
import { bulkBarHtml } from './bulk-bar.js';
import { esc, queueRows } from './queue-rows.js';
import { savedViewsHtml } from './saved-views.js';

// The queue is the page reviewers load most: like its rows, it is written as one string with every value
// escaped here, which costs a fraction of building and walking a JSX tree of a few hundred elements.

/** The queue's address with `change` applied to the filter on screen; defaults are left out. */
export function queueHref(filter: QueuePage['filter'], change: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...change })) {
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 50) && !(k === 'status' && v === 'open')) params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/?${s}` : '/';
}

const current = (on: boolean) => (on ? ' aria-current="true"' : '');
const tab = (href: string, on: boolean, label: string, n?: number) => `<a href="${esc(href)}"${current(on)}>${esc(label)}${n === undefined ? '' : `<span class="n">${esc(n)}</span>`}</a>`;

function select(name: string, label: string, value: string | undefined, options: readonly string[]): string {
  const items = options.map((o) => `<option value="${esc(o)}"${value === o ? ' selected=""' : ''}>${esc(o.replace(/_/g, ' '))}</option>`).join('');
  return `<div><label for="f-${name}">${esc(label)}</label><select id="f-${name}" name="${name}"><option value="">Any</option>${items}</select></div>`;
}

export interface QueueViewProps {
  page: QueuePage;
  now: Date;
  reviewers: User[];
  csrf: string | null;
  /** The query string on screen, with its `?`. */
  query: string;
  views: SavedView[];
  me: string;
  policy: (platform: string | null) => SlaPolicy;
}

/** The queue page's content: status and assignee tabs, filters, saved views, bulk actions, the rows and the pager. */
export function queueViewHtml(props: QueueViewProps): string {
  const { page, now } = props;
  const names = new Map(props.reviewers.map((u) => [u.email, u.name ?? u.email]));
  const f = page.filter;
  const open = ['in_review', 'received', 'counter_noticed', 'disputed'].reduce((n, s) => n + (page.counts[s] ?? 0), 0);
  const tabs: Array<[string, string, number]> = [
    ['open', 'Needs action', open],
    ...CaseStatus.options.filter((s) => page.counts[s]).map((s): [string, string, number] => [s, s.replace(/_/g, ' '), page.counts[s] ?? 0]),
    ['all', 'All', Object.values(page.counts).reduce((a, b) => a + b, 0)],
  ];
  const sortTitle = 'Sort by time left to the SLA target';
  return (
    '<div class="bar spread"><h1>Review queue</h1><span class="muted small">Press <kbd>?</kbd> for keyboard shortcuts</span></div>' +
    '<nav class="tabs" aria-label="Status">' +
    tabs.map(([value, label, n]) => tab(queueHref(f, { status: value, page: 1 }), f.status === value && !f.sla, label, n)).join('') +
    tab(queueHref(f, { sla: 'breached', page: 1 }), !!f.sla, 'Past SLA', page.slaBreached) +
    '</nav>' +
    '<nav class="tabs" aria-label="Assignee">' +
    tab(queueHref(f, { assignee: undefined, page: 1 }), !f.assignee, "Everyone's") +
    tab(queueHref(f, { assignee: 'me', status: 'open', page: 1 }), f.assignee === 'me', 'Mine', page.mine) +
    tab(queueHref(f, { assignee: 'unassigned', status: 'open', page: 1 }), f.assignee === 'unassigned', 'Unassigned', page.unassigned) +
    '</nav>' +
    '<form class="panel filters" method="get" action="/" role="search">' +
    `<input type="hidden" name="status" value="${esc(f.status)}"/>` +
    (f.assignee ? `<input type="hidden" name="assignee" value="${esc(f.assignee)}"/>` : '') +
    `<div><label for="q">Search</label><input id="q" type="search" name="q" value="${esc(f.q ?? '')}" placeholder="Case number, sender, rights owner, URL"/></div>` +
    select('platform', 'Platform', f.platform, page.platforms) +
    select('kind', 'Kind', f.kind, NoticeKind.options) +
    select('iprType', 'IPR type', f.iprType, IprType.options) +
    select('findings', 'Findings', f.findings, ['yes', 'no']) +
    select('age', 'Age', f.age, ['today', 'over_24h', 'over_3d', 'over_7d']) +
    select('sla', 'SLA', f.sla, ['breached']) +
    '<button type="submit">Filter</button><a class="button secondary" href="/">Reset</a>' +
    '</form>' +
    savedViewsHtml({ views: props.views, me: props.me, query: props.query, csrf: props.csrf }) +
    bulkBarHtml({ csrf: props.csrf, filter: props.query, total: page.total, reviewers: props.reviewers }) +
    '<div class="panel flush"><table aria-label="Cases" class="queue">' +
    '<thead><tr><th><input type="checkbox" id="pick-all" aria-label="Select every row on this page"/></th><th>Case</th><th>Status / kind</th><th>Subject</th><th>IPR type</th><th>Platform</th><th>Rights owner / sender</th><th>Listings</th><th>Findings</th><th>Age</th>' +
    `<th><a href="${esc(queueHref(f, { sort: f.sort === 'sla' ? undefined : 'sla', page: 1 }))}" title="${sortTitle}">SLA ${f.sort === 'sla' ? '↑' : '↕'}</a></th><th>Assignee</th></tr></thead>` +
    `<tbody>${queueRows(page.cases, now, names, props.policy)}</tbody>` +
    '</table></div>' +
    '<div class="pager">' +
    `<span class="muted">${esc(page.total)} cases · page ${esc(f.page)} of ${esc(page.pages)}</span>` +
    (f.page > 1 ? `<a class="button secondary" rel="prev" href="${esc(queueHref(f, { page: f.page - 1 }))}">← Previous</a>` : '') +
    (f.page < page.pages ? `<a class="button secondary" rel="next" href="${esc(queueHref(f, { page: f.page + 1 }))}">Next →</a>` : '') +
    '</div>'
  );
}
