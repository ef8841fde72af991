import type { CaseFile } from '../../src/domain/cases/read-case.js';
import { Csrf } from './layout.js';

/** Certificates, authorizations and IDs the complainant sent on earlier cases; an expired one is marked. */
export function RightsLibrary(props: { file: CaseFile; csrf: string | null }) {
  const c = props.file.case;
  if (!props.file.library.length) return <p class="muted">No documents from this complainant's earlier cases.</p>;
  return (
    <ul class="library">
      {props.file.library.map((d) => (
        <li data-library={d.sha256}>
          <b>{d.kind.replace(/_/g, ' ')}</b>{' '}
          <a href={`/cases/${d.fromCase}/attachments/${d.sha256}`}>{d.filename ?? d.sha256.slice(0, 12)}</a>{' '}
          <span class="muted small">from <a href={`/cases/${d.fromCase}`}>{d.fromCase}</a></span>{' '}
          {d.expired ? <span class="sev missing">expired {d.expiresOn}</span> : d.expiresOn ? <span class="muted small">valid until {d.expiresOn}</span> : null}
          {d.attached ? (
            <span class="sev ok"> attached</span>
          ) : (
            <form method="post" action={`/cases/${c.number}/attach-library`} class="inline">
              <Csrf token={props.csrf} />
              <input type="hidden" name="fromCase" value={d.fromCase} />
              <input type="hidden" name="sha256" value={d.sha256} />
              <button class="link small" type="submit">Attach to this case</button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
