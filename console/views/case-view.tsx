import type { CaseFile } from '../../src/domain/cases/read-case.js';
import type { Complaint, Finding, Span } from '../../src/domain/schemas/index.js';
import { sandboxDocument } from './sanitize-html.js';
import { PREVIEWABLE_DOCUMENT_TYPES, PREVIEWABLE_IMAGE_TYPES } from '../http/preview-type.js';
import { formatTime, StatusBadge } from './layout.js';
import { NoteBody } from './notes.js';

function Evidence(props: { span: Span | null }) {
  return props.span ? <span class="evidence" title={`${props.span.source} ${props.span.start}–${props.span.end}`}>“{props.span.text}”</span> : null;
}

function Field(props: { label: string; value: string | null | undefined; span?: Span | null }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value ?? <span class="muted">not found</span>}<Evidence span={props.span ?? null} /></dd>
    </>
  );
}

const STATEMENTS_OF: Partial<Record<Complaint['kind'], string[]>> = {
  notice: ['goodFaith', 'accuracy', 'perjury'],
  counter_notice: ['mistake', 'jurisdictionConsent'],
};

export function ParsedFields(props: { complaint: Complaint }) {
  const k = props.complaint;
  const party = [k.complainant.name, k.complainant.organisation, k.complainant.email, k.complainant.phone, k.complainant.address].filter(Boolean).join(' · ');
  // Each kind lists only its own statements: a counter-notice is no notice and needs no good-faith belief of infringement.
  const own = STATEMENTS_OF[k.kind] ?? [];
  const statements = (Object.entries(k.statements) as Array<[string, { present: boolean; evidence: Span | null }]>).filter(([name]) => own.includes(name));
  return (
    <dl class="fields">
      <Field label="Complainant" value={party || null} span={k.complainantEvidence} />
      <Field label="Rights owner" value={k.rightsOwner} span={k.rightsOwnerEvidence} />
      <Field label="Agent" value={k.isAgent === null ? null : k.isAgent ? 'yes, acts for the owner' : 'no, the owner itself'} span={k.agentEvidence} />
      <Field label="IPR type" value={k.iprType} />
      {k.iprs.map((ipr) => <Field label={`${ipr.type} right`} value={[ipr.registrationNumber, ipr.jurisdiction, ipr.classes.length ? `classes ${ipr.classes.join(', ')}` : null, ipr.expiresOn && `expires ${ipr.expiresOn}`, ipr.pending ? 'pending application' : null].filter(Boolean).join(' · ')} span={ipr.evidence} />)}
      <Field label="Platform" value={k.platform} />
      <Field label="Reason" value={k.reason?.replace(/_/g, ' ')} />
      <Field label="Work" value={k.workDescription} span={k.workEvidence} />
      {statements.map(([name, s]) => <Field label={name.replace(/([A-Z])/g, ' $1').toLowerCase()} value={s.present ? 'present' : null} span={s.evidence} />)}
      <Field label="Signature" value={k.signature} span={k.signatureEvidence} />
      {k.documents.map((d) => <Field label={d.kind.replace(/_/g, ' ')} value={`${d.foundIn === 'attachment' ? 'attached' : 'mentioned'}${d.expiresOn ? `, expires ${d.expiresOn}` : ''}`} span={d.evidence} />)}
      <Field label="Disclosure consent" value={k.disclosureConsent ? 'yes' : 'no'} />
    </dl>
  );
}

export function Checklist(props: { findings: Finding[] }) {
  if (props.findings.length === 0) return <p class="sev ok">✓ Every required element was found.</p>;
  return (
    <ul class="checklist">
      {props.findings.map((f) => (
        f.question ? (
          <li class="question"><span class={`sev ${f.severity}`}>?</span><b>{f.element}</b>: {f.question} <span class="muted small">If it is missing, “Request information” asks: {f.message}</span> <span class="muted small">{f.code}</span><Evidence span={f.evidence} /></li>
        ) : (
          <li><span class={`sev ${f.severity}`}>{f.severity === 'warning' ? '!' : '✗'}</span><b>{f.element}</b>: {f.message} <span class="muted small">{f.code}</span><Evidence span={f.evidence} /></li>
        )

      ))}
    </ul>
  );
}

/**
 * An image or PDF the desk kept, shown where it is listed. The preview URL
 * answers only for bytes that are one of these types, sandboxed by its own
 * policy; a PDF frame carries no sandbox attribute because Chromium's PDF
 * viewer shows nothing in a frame its parent sandboxed.
 */
function Preview(props: { number: string; attachment: CaseFile['attachments'][number] }) {
  const a = props.attachment;
  if (!a.stored) return null;
  const src = `/cases/${props.number}/attachments/${a.sha256}/preview`;
  if (PREVIEWABLE_IMAGE_TYPES.includes(a.contentType)) return <div><img class="preview" src={src} alt={a.filename ?? 'attached image'} loading="lazy" /></div>;
  if (PREVIEWABLE_DOCUMENT_TYPES.includes(a.contentType)) return <iframe class="preview pdf" src={`${src}/${encodeURIComponent(a.filename ?? 'document.pdf')}`} title={`PDF: ${a.filename ?? a.sha256.slice(0, 12)}`} referrerpolicy="no-referrer" loading="lazy"></iframe>;
  return null;
}

export function Messages(props: { file: CaseFile }) {
  return (
    <>
      {props.file.messages.map((m) => (
        <div class="panel">
          <h2>{m.subject ?? '(no subject)'}</h2>
          <p class="muted small">{m.channel} · {m.from ?? 'unknown sender'} · {formatTime(m.receivedAt)}</p>
          {m.html ? (
            <details>
              <summary>Show the HTML as sent (sanitised, scripts never run)</summary>
              <iframe class="html" sandbox="" referrerpolicy="no-referrer" title="Message HTML" srcdoc={sandboxDocument(m.html)}></iframe>
            </details>
          ) : null}
          <div class="message whole">{m.text}</div>
        </div>
      ))}
      {props.file.attachments.length ? (
        <div class="panel">
          <h2>Attachments</h2>
          <ul>
            {props.file.attachments.map((a) => (
              <li>
                {a.stored ? <a href={`/cases/${props.file.case.number}/attachments/${a.sha256}`}>{a.filename ?? a.sha256.slice(0, 12)}</a> : <span>{a.filename}</span>}{' '}
                <span class="muted small">{a.contentType} · {Math.ceil(a.size / 1024)} KB{a.problem ? ` · ${a.problem}` : ''}</span>
                <Preview number={props.file.case.number} attachment={a} />
                {a.text ? <details open={a.contentType === 'application/pdf' && !a.stored}><summary>Text{a.contentType === 'application/pdf' ? ' of the PDF' : ''}</summary><div class="message boxed">{a.text.slice(0, 20_000)}</div></details> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

// Steps the desk takes on its own while it handles a sender's message: the sender did not take them.
const DESK_STEPS = new Set(['checked', 'reply_queued', 'reply_bounced', 'linked_to_notice', 'duplicate_linked', 'message_id_reused', 'change_held']);

/** Who took a step: the desk's own steps are Noticedesk's (records written before they were credited so name the sender). */
function byWhom(e: CaseFile['events'][number]): string {
  if (e.actor.type === 'system' || (e.actor.type === 'sender' && DESK_STEPS.has(e.type))) return 'Noticedesk (automatic)';
  return `${e.actor.name ?? e.actor.id} (${ACTOR_KIND[e.actor.type]})`;
}

export function Timeline(props: { file: CaseFile }) {
  return (
    <ol class="timeline">
      {props.file.events.map((e) => (
        <li>
          <b>{e.type.replace(/_/g, ' ')}</b>{' '}<Transition from={e.fromStatus} to={e.toStatus} step={e.type} />
          <div class="muted small">{formatTime(e.at)} · {byWhom(e)}</div>
          {e.type === 'note' ? <NoteBody data={e.data} /> : Object.keys(e.data).length ? <div class="small muted">{summarise(e.data)}</div> : null}
        </li>
      ))}
    </ol>
  );
}

/** A change of status reads "from → to"; the status a case opens in is not repeated after a step of the same name. */
function Transition(p: { from: string | null; to: string | null; step: string }) {
  if (!p.to || p.to === p.from) return null;
  if (!p.from) return p.to === p.step ? null : <StatusBadge status={p.to} />;
  return <><StatusBadge status={p.from} /> → <StatusBadge status={p.to} /></>;
}

const ACTOR_KIND: Record<CaseFile['events'][number]['actor']['type'], string> = {
  system: 'automatic',
  user: 'account',
  slack: 'reviewer in Slack',
  sender: 'sender',
  complainant: 'complainant, on the status page',
};

function summarise(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? (/^[0-9a-f]{64}$/.test(v) ? v.slice(0, 12) : v) : typeof v === 'number' ? v : Array.isArray(v) ? `${v.length} item(s)` : JSON.stringify(v).slice(0, 80)}`)
    .join(' · ');
}

export function Related(props: { file: CaseFile }) {
  if (!props.file.related.length) return <p class="muted">No related cases.</p>;
  return (
    <ul>
      {props.file.related.map((r) => <li><a href={`/cases/${r.case.number}`}>{r.case.number}</a> <StatusBadge status={r.case.status} /> <span class="muted small">{r.why}</span></li>)}
    </ul>
  );
}
