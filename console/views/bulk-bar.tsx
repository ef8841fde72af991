import { BULK_LIMIT, type BulkOutcome } from '../../src/domain/cases/bulk-action.js';
import { REJECT_REASON_LABELS, RejectReason } from '../../src/domain/cases/listing-decision.js';
import type { User } from '../../src/store/repos/users.js';
import { esc } from './queue-rows.js';

export const BULK_ACTIONS = [
  ['assign', 'Assign to'],
  ['accept', 'Accept (every valid listing)'],
  ['reject', 'Reject with a reason'],
  ['request_info', 'Request the same documents'],
  ['duplicate', 'Mark duplicate of'],
  ['close', 'Close'],
] as const;

/**
 * One action for the ticked rows (or every case the filter matches). Row
 * checkboxes belong to this form through their `form` attribute, so the
 * filter form and the table stay as they are. Written as an escaped string,
 * as the rest of the queue page is.
 */
export function bulkBarHtml(props: { csrf: string | null; filter: string; total: number; reviewers: User[] }): string {
  const options = (items: ReadonlyArray<readonly [string, string]>) => items.map(([value, label]) => `<option value="${esc(value)}">${esc(label)}</option>`).join('');
  return (
    '<form id="bulk" class="panel bulk" method="post" action="/bulk">' +
    `<input type="hidden" name="_csrf" value="${esc(props.csrf ?? '')}"/>` +
    `<input type="hidden" name="filter" value="${esc(props.filter)}"/>` +
    '<div class="bar"><b id="picked-count">Selected rows</b>' +
    `<label class="inline"><input type="checkbox" name="matching" value="1" id="bulk-matching"/> Select all ${esc(props.total)} matching${props.total > BULK_LIMIT ? ` (at most ${BULK_LIMIT} at once)` : ''}</label></div>` +
    '<div class="filters">' +
    `<div><label for="bulk-action">Action</label><select id="bulk-action" name="action">${options(BULK_ACTIONS)}</select></div>` +
    `<div><label for="bulk-assignee">Assignee</label><select id="bulk-assignee" name="assignee"><option value="">nobody</option>${options(props.reviewers.map((u) => [u.email, u.name ?? u.email]))}</select></div>` +
    `<div><label for="bulk-reason">Reject reason</label><select id="bulk-reason" name="reason">${options(RejectReason.options.map((r) => [r, REJECT_REASON_LABELS[r]]))}</select></div>` +
    '<div><label for="bulk-duplicate">Duplicate of</label><input id="bulk-duplicate" name="duplicateOf" placeholder="ND-2026-000123"/></div>' +
    '<div><label for="bulk-requested">Documents to request (one a line)</label><textarea id="bulk-requested" name="requested" rows="1"></textarea></div>' +
    '<div><label for="bulk-note">Note (reject, accept, close)</label><textarea id="bulk-note" name="note" rows="1"></textarea></div>' +
    '<button type="submit" id="bulk-apply">Apply to selected</button>' +
    '</div></form>'
  );
}

/** Per case, what happened: done with its new status, or left as it was and why. */
export function BulkResults(props: { action: string; outcomes: BulkOutcome[]; back: string }) {
  const done = props.outcomes.filter((o) => o.done).length;
  const label = BULK_ACTIONS.find(([value]) => value === props.action)?.[1] ?? props.action;
  return (
    <>
      <p class="small"><a href={props.back}>← Queue</a></p>
      <h1>{label}: {done} of {props.outcomes.length} done</h1>
      <div class="panel flush">
        <table aria-label="Outcome per case">
          <thead><tr><th>Case</th><th>Outcome</th><th>What happened</th></tr></thead>
          <tbody>
            {props.outcomes.map((o) => (
              <tr data-outcome={o.done ? 'done' : 'refused'}>
                <td><a href={`/cases/${o.caseNumber}`}>{o.caseNumber}</a></td>
                <td>{o.done ? <span class="sev ok">done{o.status ? `, now ${o.status.replace(/_/g, ' ')}` : ''}</span> : <span class="sev missing">not changed</span>}</td>
                <td class="small">{o.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
