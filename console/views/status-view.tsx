import type { StatusView } from '../../src/domain/complainant/read-status.js';
import { Alert, formatTime, Page } from './layout.js';

const HELD_WORDS = {
  withdrawal: 'Withdraw this complaint',
  added_listings: 'Add these listings to this complaint',
  counter_notice_rejection: 'Answer the counter-notice as your message said',
} as const;

function Actions(props: { view: StatusView; token: string; csrf: string }) {
  const { view, token, csrf } = props;
  const base = `/status/${token}`;
  return (
    <>
      {view.held.length > 0 ? (
        <section class="panel" aria-labelledby="held-h">
          <h2 id="held-h">Changes waiting for your confirmation</h2>
          <p class="muted">We received these requests by email but could not verify that they came from you, so nothing has been changed. Confirm only what you asked for.</p>
          {view.held.map((h) => (
            <form method="post" action={`${base}/confirm`} class="held">
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="holdId" value={h.holdId} />
              <p>
                <strong>{HELD_WORDS[h.change]}</strong> <span class="muted small">(asked {formatTime(h.at)})</span>
              </p>
              {h.listings.length > 0 ? <ul>{h.listings.map((u) => <li><code>{u}</code></li>)}</ul> : null}
              <button type="submit">Confirm: {HELD_WORDS[h.change].toLowerCase()}</button>
            </form>
          ))}
        </section>
      ) : null}
      {view.counterNotice ? (
        <section class="panel" aria-labelledby="counter-h">
          <h2 id="counter-h">Answer the counter-notice</h2>
          {view.counterNotice.complainantMay === 'report_court_action' ? (
            <p>The listings will be restored after <strong>{formatTime(view.counterNotice.dueAt)}</strong> unless, before then, you tell us that you have filed an action seeking a court order against the merchant about this material.</p>
          ) : (
            <p>If you do not answer by <strong>{formatTime(view.counterNotice.dueAt)}</strong>, the counter-notice is accepted and the listings are reinstated. To keep them removed, reject it before then.</p>
          )}
          <form method="post" action={`${base}/answer`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="note">{view.counterNotice.complainantMay === 'report_court_action' ? 'The court and the case reference' : 'Your reasons'}</label>
            <textarea id="note" name="note" rows={4} maxlength={5000}></textarea>
            <button type="submit">{view.counterNotice.complainantMay === 'report_court_action' ? 'Report a court action' : 'Reject the counter-notice'}</button>
          </form>
        </section>
      ) : null}
      {view.canWithdraw ? (
        <section class="panel" aria-labelledby="withdraw-h">
          <h2 id="withdraw-h">Withdraw the complaint</h2>
          <p>Withdrawing ends the case; listings removed because of it are to be reinstated.</p>
          <form method="post" action={`${base}/withdraw`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="danger">Withdraw my complaint</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/** The complainant's view of their case: facts the desk holds, and the verbs open to them now. */
export function StatusPage(props: { view: StatusView; token: string; csrf: string; notice: { kind: 'ok' | 'error'; text: string } | null }) {
  const { view } = props;
  return (
    <Page title={`Case ${view.caseNumber}`} user={null} csrf={null}>
      <h1>Case {view.caseNumber}</h1>
      {props.notice ? <Alert kind={props.notice.kind}>{props.notice.text}</Alert> : null}
      <dl class="fields panel">
        <dt>Status</dt>
        <dd id="status-words">{view.statusWords}</dd>
        {view.subject ? <><dt>Subject</dt><dd>{view.subject}</dd></> : null}
        {view.platform ? <><dt>Platform</dt><dd>{view.platform}</dd></> : null}
        <dt>Filed</dt>
        <dd>{formatTime(view.filedAt)}</dd>
        {view.counterNotice ? <><dt>Your answer to the counter-notice is due by</dt><dd>{formatTime(view.counterNotice.dueAt)}</dd></> : null}
      </dl>
      {view.missing.length > 0 ? (
        <section class="panel" aria-labelledby="missing-h">
          <h2 id="missing-h">What is missing</h2>
          <p class="muted">Reply to our email (keep the case number in the subject) with what is missing.</p>
          <ul>{view.missing.map((m) => <li>{m}</li>)}</ul>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="listings-h">
        <h2 id="listings-h">Listings</h2>
        {view.listings.length === 0 ? <p class="muted">No listings were read from your complaint.</p> : (
          <table>
            <thead><tr><th>Listing</th><th>Outcome</th></tr></thead>
            <tbody>
              {view.listings.map((l) => (
                <tr>
                  <td><code>{l.url}</code></td>
                  <td>{l.outcome}{l.reason ? ` (${l.reason})` : ''}{l.problem ? ` (${l.problem})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Actions view={view} token={props.token} csrf={props.csrf} />
    </Page>
  );
}
