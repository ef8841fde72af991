import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { NEEDS_ACTION, type CaseSummary } from '../../src/domain/schemas/index.js';
import { WAITING_FOR_SENDER } from '../../src/domain/cases/sla-deadline.js';
import { slaState, type SlaPolicy } from '../../src/rules/sla.js';
import { ageOf } from './layout.js';

// The queue's rows are the bulk of its page (50 to 200 rows of twelve cells): they are written as one
// string with every value escaped here, which costs a fraction of building and walking a JSX tree per cell.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value, escaped for HTML. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

function span(ms: number): string {
  const hours = Math.abs(ms) / 3600_000;
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}

/** Time left to the platform's review target (or to the sender's answer), coloured near and past it. */
export function slaCellHtml(c: CaseSummary, now: Date, policy: SlaPolicy): string {
  if (!c.slaDueAt) return '<span class="muted">–</span>';
  const left = new Date(c.slaDueAt).getTime() - now.getTime();
  if (NEEDS_ACTION.includes(c.status)) {
    const state = slaState(c.slaDueAt, now, policy.hours);
    const title = `Review due ${c.slaDueAt.replace('T', ' ').slice(0, 16)} UTC (target ${policy.hours} h)`;
    return `<span class="sla-${esc(String(state))}" title="${esc(title)}">${left < 0 ? `${span(left)} past SLA` : `${span(left)} left`}</span>`;
  }
  if (WAITING_FOR_SENDER.includes(c.status) && !c.dueAt) {
    return `<span class="muted small" title="${esc("When the sender's answer is due; then the case comes back to Needs action")}">${left < 0 ? 'answer overdue' : `answer due in ${span(left)}`}</span>`;
  }
  return '<span class="muted">–</span>';
}

/** Findings in words: what blocks the case, what only warns, or that nothing is missing. */
export function findingsHtml(findings: CaseSummary['findings']): string {
  if (!findings.length) return '<span class="sev ok">complete</span>';
  const blocking = findings.filter((x) => x.severity !== 'warning').length;
  const warnings = findings.length - blocking;
  const parts: string[] = [];
  if (blocking) parts.push(`<span class="sev missing">${blocking} missing</span>`);
  if (warnings) parts.push(`<span class="sev warning">${warnings} ${warnings === 1 ? 'warning' : 'warnings'}</span>`);
  return parts.join(' ');
}

const or = (value: string | null | undefined, empty: string) => (value === null || value === undefined ? empty : esc(value));
const NONE = '<span class="muted">–</span>';

/** The table rows of a queue page, with the row for "no cases" when there are none. */
export function queueRows(cases: readonly CaseSummary[], now: Date, names: ReadonlyMap<string, string>, policy: (platform: string | null) => SlaPolicy): HtmlEscapedString {
  if (!cases.length) return raw('<tr><td colspan="12" class="muted">No cases match.</td></tr>');
  let out = '';
  for (const c of cases) {
    const number = esc(c.number);
    out +=
      `<tr class="row" data-case="${number}">` +
      `<td><input type="checkbox" class="pick" name="case" value="${number}@${esc(c.version)}" form="bulk" aria-label="Select ${number}"/></td>` +
      `<td class="nowrap"><a href="/cases/${number}">${number}</a></td>` +
      `<td><span class="badge ${esc(c.status)}">${esc(c.status.replace(/_/g, ' '))}</span><div class="muted small">${esc(c.kind.replace(/_/g, ' '))}</div></td>` +
      `<td class="small subject">${or(c.subject, '<span class="muted">no subject</span>')}</td>` +
      `<td>${or(c.iprType, NONE)}</td>` +
      `<td>${or(c.platform, '–')}</td>` +
      `<td>${or(c.rightsOwner, '–')}<div class="muted small">${or(c.complainantEmail, '')}</div></td>` +
      `<td>${esc(c.listingCount)}</td>` +
      `<td>${findingsHtml(c.findings)}</td>` +
      `<td class="nowrap">${esc(ageOf(c.createdAt, now))}</td>` +
      `<td class="small nowrap">${slaCellHtml(c, now, policy(c.platform))}</td>` +
      `<td class="small">${c.assignee ? esc(names.get(c.assignee) ?? c.assignee) : '<span class="muted">unassigned</span>'}</td>` +
      '</tr>';
  }
  return raw(out);
}
