import type { StatusView } from '../../src/domain/complainant/read-status.js';
import { Alert, formatTime, Page } from './layout.js';
import { STATUS_PAGE_WORDS, type StatusPageWords } from './status-words.js';
import { reportLinkFor } from './report-words.js';

function Actions(props: { view: StatusView; token: string; csrf: string; w: StatusPageWords }) {
  const { view, token, csrf, w } = props;
  const base = `/status/${token}`;
  const court = view.counterNotice?.complainantMay === 'report_court_action';
  return (
    <>
      {view.held.length > 0 ? (
        <section class="panel" aria-labelledby="held-h">
          <h2 id="held-h">{w.heldH}</h2>
          <p class="muted">{w.heldHint}</p>
          {view.held.map((h) => (
            <form method="post" action={`${base}/confirm`} class="held">
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="holdId" value={h.holdId} />
              <p>
                <strong>{w.held[h.change]}</strong> <span class="muted small">{w.asked(formatTime(h.at))}</span>
              </p>
              {h.listings.length > 0 ? <ul>{h.listings.map((u) => <li><code>{u}</code></li>)}</ul> : null}
              <button type="submit">{w.confirm(w.held[h.change])}</button>
            </form>
          ))}
        </section>
      ) : null}
      {view.counterNotice ? (
        <section class="panel" aria-labelledby="counter-h">
          <h2 id="counter-h">{w.counterH}</h2>
          <p>{court ? w.courtRule(formatTime(view.counterNotice.dueAt)) : w.rejectRule(formatTime(view.counterNotice.dueAt))}</p>
          <form method="post" action={`${base}/answer`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="note">{court ? w.courtLabel : w.reasonsLabel}</label>
            <textarea id="note" name="note" rows={4} maxlength={5000}></textarea>
            <button type="submit">{court ? w.courtButton : w.rejectButton}</button>
          </form>
        </section>
      ) : null}
      {view.canWithdraw ? (
        <section class="panel" aria-labelledby="withdraw-h">
          <h2 id="withdraw-h">{w.withdrawH}</h2>
          <p>{w.withdrawHint}</p>
          <form method="post" action={`${base}/withdraw`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="danger">{w.withdrawButton}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/** The complainant's view of their case, in the language they wrote in: facts the desk holds, and the verbs open to them now. */
export function StatusPage(props: { view: StatusView; token: string; csrf: string; notice: { kind: 'ok' | 'error'; text: string } | null }) {
  const { view } = props;
  const w = STATUS_PAGE_WORDS[view.language];
  return (
    <Page title={w.caseTitle(view.caseNumber)} user={null} csrf={null} lang={view.language} reportLink={reportLinkFor(view.language)}>
      <h1>{w.caseTitle(view.caseNumber)}</h1>
      {props.notice ? <Alert kind={props.notice.kind}>{props.notice.text}</Alert> : null}
      <dl class="fields panel">
        <dt>{w.status}</dt>
        <dd id="status-words">{w.statuses[view.status]}</dd>
        {view.subject ? <><dt>{w.subject}</dt><dd>{view.subject}</dd></> : null}
        {view.platform ? <><dt>{w.platform}</dt><dd>{view.platform}</dd></> : null}
        <dt>{w.filed}</dt>
        <dd>{formatTime(view.filedAt)}</dd>
        {view.counterNotice ? <><dt>{w.answerDue}</dt><dd>{formatTime(view.counterNotice.dueAt)}</dd></> : null}
      </dl>
      {view.missing.length > 0 ? (
        <section class="panel" aria-labelledby="missing-h">
          <h2 id="missing-h">{w.missingH}</h2>
          <p class="muted">{w.missingHint}</p>
          <ul>{view.missing.map((m) => <li>{m}</li>)}</ul>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="listings-h">
        <h2 id="listings-h">{w.listingsH}</h2>
        {view.listings.length === 0 ? <p class="muted">{w.noListings}</p> : (
          <table>
            <thead><tr><th>{w.listing}</th><th>{w.outcome}</th></tr></thead>
            <tbody>
              {view.listings.map((l) => (
                <tr>
                  <td><code>{l.url}</code></td>
                  <td>{w.outcomes[l.outcome]}{l.reason ? ` (${l.reason})` : ''}{l.problem ? ` (${l.problem})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Actions view={view} token={props.token} csrf={props.csrf} w={w} />
    </Page>
  );
}
