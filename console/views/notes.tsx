import { Csrf } from './layout.js';

/** A note for the team: kept in the case record, never mailed to the sender; @name tells a reviewer. */
export function NoteForm(props: { number: string; csrf: string | null; draft?: string; error?: string }) {
  return (
    <form method="post" action={`/cases/${props.number}/note`} id="note-form">
      <Csrf token={props.csrf} />
      <label for="note-text">Only reviewers see this. Write <code>@name</code> to tell a reviewer (Slack, or mail).</label>
      <textarea id="note-text" name="text" rows={3} required aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? 'note-text-error' : undefined}>{props.draft ?? ''}</textarea>
      {props.error ? <div class="field-error" id="note-text-error">{props.error}</div> : null}
      <button class="secondary" type="submit">Save note</button>
    </form>
  );
}

/** A note in the timeline: its words, and who was told how. */
export function NoteBody(props: { data: Record<string, unknown> }) {
  const mentioned = Array.isArray(props.data.mentioned) ? (props.data.mentioned as Array<{ email: string; via: string }>) : [];
  return (
    <>
      <div class="note">{typeof props.data.text === 'string' ? props.data.text : ''}</div>
      {mentioned.length ? <div class="small muted">Told: {mentioned.map((m) => `${m.email} by ${m.via === 'slack' ? 'Slack' : 'mail'}`).join(', ')}</div> : null}
    </>
  );
}
