import type { CaseFile } from '../../src/domain/cases/read-case.js';
import { REJECT_REASON_LABELS, RejectReason } from '../../src/domain/cases/listing-decision.js';
import { awaitsCounterNoticeAnswer } from '../../src/domain/cases/review-support.js';
import type { Case } from '../../src/domain/schemas/index.js';
import type { User } from '../../src/store/repos/users.js';
import type { Macro } from '../../src/store/repos/macros.js';
import { MacroPicker } from './macro-picker.js';
import { Csrf, formatTime } from './layout.js';

const UNDECIDED = ['received', 'deficient', 'in_review', 'awaiting_complainant'];

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese' };

/**
 * The reply is written from the decision itself, in the sender's language;
 * a reviewer who wants other words writes them here, and the desk refuses a
 * text that leaves out what was decided.
 */
function Reply(props: { c: Case; template: string; vars?: Record<string, unknown>; optional?: boolean }) {
  const language = LANGUAGE_NAMES[/^zh/i.test(props.c.complaint.language) ? 'zh' : 'en'];
  return (
    <details class="own-wording">
      <summary class="small muted">
        Reply to {props.c.complainantEmail ?? 'the sender'}{props.optional ? ' (sent only if "notify" is ticked)' : ''}: the standard {language} reply, written from your decision. Use your own words instead…
      </summary>
      <p class="small muted">Leave empty to send the standard reply. Your text must still name every listing decided, the reason and the items asked for.</p>
      <label>Subject</label>
      <input name="reply_subject" class="wide" />
      <label>Text</label>
      <textarea name="reply_text" rows={9}></textarea>
    </details>
  );
}

function Form(props: { c: Case; csrf: string | null; action: string; children?: unknown; confirm?: string }) {
  return (
    <form method="post" action={`/cases/${props.c.number}/${props.action}`} data-confirm={props.confirm}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="version" value={String(props.c.version)} />
      {props.children as never}
    </form>
  );
}

export function Listings(props: { file: CaseFile; form: boolean }) {
  const { case: c, decisions } = props.file;
  if (!c.complaint.listings.length) return <p class="muted">No listing URLs.</p>;
  return (
    <table>
      <thead><tr>{props.form ? <th>Take down</th> : null}<th>Listing</th><th>Check</th><th>Decision</th></tr></thead>
      <tbody>
        {c.complaint.listings.map((l, i) => {
          const d = decisions.find((x) => x.url === l.url);
          return (
            <tr>
              {props.form ? <td><input type="checkbox" name="listings" value={l.url} checked={l.valid} aria-label={`Take down listing ${i + 1}`} form="accept-form" /> <kbd>{i + 1}</kbd></td> : null}
              <td class="small"><span class="url">{l.url}</span>{props.file.seenBefore[l.url] ? <div class="seen">Seen before in {props.file.seenBefore[l.url]!.map((o, n) => <>{n ? ', ' : ''}<a href={`/cases/${o.number}`}>{o.number}</a> ({o.status.replace(/_/g, ' ')})</>)}</div> : null}</td>
              <td class="small">{l.valid ? <span class="sev ok">valid</span> : <span class="sev invalid">{l.problem ?? 'invalid'}</span>}</td>
              <td class="small">{d ? <><b>{d.decision}</b>{d.reason ? <div class="muted">{d.reason}</div> : null}</> : <span class="muted">–</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The decisions a reviewer can take on this case now, each with its reply to preview and edit. */
export function DecisionPanels(props: { file: CaseFile; csrf: string | null; me: string; reviewers?: User[]; macros?: Macro[] }) {
  const c = props.file.case;
  const csrf = props.csrf;
  const undecided = UNDECIDED.includes(c.status) && !awaitsCounterNoticeAnswer(c);
  return (
    <div>
      <Form c={c} csrf={csrf} action="assign">
        {c.assignee === props.me ? <><input type="hidden" name="assignee" value="" /><button id="assign-me" class="secondary" type="submit">Release (assigned to you)</button></> : <button id="assign-me" class="secondary" type="submit">Assign to me <kbd>a</kbd></button>}
      </Form>
      {props.reviewers?.length ? (
        <Form c={c} csrf={csrf} action="assign">
          <div class="bar">
            <label for="assign-to">Assign to</label>
            <select id="assign-to" name="assignee">
              <option value="">nobody</option>
              {props.reviewers.map((u) => <option value={u.email} selected={u.email === c.assignee}>{u.name ? `${u.name} (${u.email})` : u.email}</option>)}
            </select>
            <button class="secondary" type="submit">Assign</button>
          </div>
        </Form>
      ) : null}
      {undecided && c.kind === 'notice' ? (
        <details class="decide" id="decide-accept">
          <summary>Accept <kbd>c</kbd></summary>
          <form method="post" action={`/cases/${c.number}/accept`} id="accept-form">
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(c.version)} />
            <p class="small muted">Tick the listings to take down in the Listings table (or press their number). Unticked listings stay up.</p>
            <label for="keptReason">Why the unticked listings stay up</label>
            <input id="keptReason" name="keptReason" class="wide" />
            <label for="accept-note">Note to the sender (optional)</label>
            <MacroPicker macros={props.macros ?? []} target="accept-note" />
            <textarea id="accept-note" name="note" rows={2}></textarea>
            <Reply c={c} template="accepted" />
            <button type="submit">Accept and send</button>
          </form>
        </details>
      ) : null}
      {undecided ? (
        <>
          <details class="decide" id="decide-reject">
            <summary>Reject <kbd>x</kbd></summary>
            <Form c={c} csrf={csrf} action="reject">
              <label for="reason">Reason</label>
              <select id="reason" name="reason" required>
                {RejectReason.options.map((r) => <option value={r}>{REJECT_REASON_LABELS[r]}</option>)}
              </select>
              <label for="reject-note">Note to the sender</label>
              <MacroPicker macros={props.macros ?? []} target="reject-note" />
              <textarea id="reject-note" name="note" rows={2}></textarea>
              <Reply c={c} template="rejected" />
              <button class="danger" type="submit">Reject and send</button>
            </Form>
          </details>
          <details class="decide" id="decide-info">
            <summary>Request information <kbd>i</kbd></summary>
            <Form c={c} csrf={csrf} action="request-info">
              <label for="info-status">Case waits as</label>
              <select id="info-status" name="status"><option value="awaiting_complainant">awaiting complainant (a question)</option><option value="deficient">deficient (required elements missing)</option></select>
              <label for="requested">What to send, one item per line</label>
              <textarea id="requested" name="requested" rows={3}>{c.findings.filter((f) => f.severity !== 'warning' || f.question).map((f) => f.message).join('\n')}</textarea>
              <Reply c={c} template="request-info" />
              <button type="submit">Send the request</button>
            </Form>
          </details>
          <details class="decide" id="decide-duplicate">
            <summary>Mark duplicate <kbd>d</kbd></summary>
            <Form c={c} csrf={csrf} action="duplicate">
              <label for="duplicateOf">Duplicate of case</label>
              <input id="duplicateOf" name="duplicateOf" placeholder="ND-2026-000123" required pattern="ND-\d{4}-\d{6,}" />
              <label><input type="checkbox" name="notify" value="on" checked /> Tell the sender</label>
              <Reply c={c} template="duplicate" optional />
              <button type="submit">Close as duplicate</button>
            </Form>
          </details>
        </>
      ) : null}
      {c.kind === 'counter_notice' && ['received', 'in_review', 'deficient'].includes(c.status) ? (
        <details class="decide" open>
          <summary>Forward counter-notice to the complainant</summary>
          <Form c={c} csrf={csrf} action="forward-counter-notice">
            {c.parentCaseId ? null : <><label for="noticeCaseNumber">Notice it answers</label><input id="noticeCaseNumber" name="noticeCaseNumber" placeholder="ND-2026-000123" required /></>}
            <label for="businessDays">Business days to answer (empty: the configured default)</label>
            <input id="businessDays" name="businessDays" type="number" min="1" max="30" />
            <button type="submit">Forward with deadline</button>
          </Form>
        </details>
      ) : null}
      {c.kind === 'notice' && c.status === 'awaiting_complainant' && c.dueAt ? (
        <details class="decide" open>
          <summary>Counter-notice pending — answer due {formatTime(c.dueAt)}</summary>
          <Form c={c} csrf={csrf} action="reject-counter-notice">
            <label for="cn-note">The complainant rejects the counter-notice because</label>
            <textarea id="cn-note" name="note" rows={2}></textarea>
            <button type="submit">Record rejection: open a dispute</button>
          </Form>
        </details>
      ) : null}
      {c.kind === 'notice' && c.status === 'disputed' ? (
        <details class="decide" open>
          <summary>Decide the dispute</summary>
          <Form c={c} csrf={csrf} action="decide-dispute">
            <select name="outcome"><option value="takedown_upheld">Keep the listings down</option><option value="reinstate">Reinstate the listings</option></select>
            <label for="dispute-note">Grounds</label>
            <textarea name="note" id="dispute-note" rows={3} required></textarea>
            <Reply c={c} template="dispute-decided" />
            <button type="submit">Decide and tell both sides</button>
          </Form>
        </details>
      ) : null}
      {c.kind === 'notice' && ['accepted', 'partially_accepted', 'awaiting_complainant', 'disputed', 'in_review', 'deficient'].includes(c.status) ? (
        <details class="decide">
          <summary>Withdrawal by the complainant</summary>
          <Form c={c} csrf={csrf} action="withdraw" confirm="Record the withdrawal and reinstate the removed listings?">
            <label for="withdraw-note">Note</label>
            <input id="withdraw-note" name="note" class="wide" />
            <button class="secondary" type="submit">Record withdrawal, reinstate listings</button>
          </Form>
        </details>
      ) : null}
      {!['closed'].includes(c.status) ? (
        <details class="decide">
          <summary>Close</summary>
          <Form c={c} csrf={csrf} action="close">
            <label for="close-note">Why</label>
            <input id="close-note" name="note" required class="wide" />
            <button class="secondary" type="submit">Close the case</button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
