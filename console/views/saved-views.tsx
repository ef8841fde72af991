import type { SavedView } from '../../src/domain/cases/saved-views.js';
import { Csrf } from './layout.js';

/** The reader's saved views and the shared ones, and a form to save the filter on screen as one. */
export function SavedViews(props: { views: SavedView[]; me: string; query: string; csrf: string | null }) {
  const current = props.query.replace(/^\?/, '');
  return (
    <div class="panel views bar spread">
      <nav class="tabs" aria-label="Saved views">
        <b class="small">Views</b>
        {props.views.length === 0 ? <span class="muted small">none saved yet</span> : null}
        {props.views.map((v) => (
          <span class="view">
            <a href={v.query ? `/?${v.query}` : '/'} aria-current={v.query === current ? 'true' : undefined}>{v.name}{v.shared ? <span class="n">shared</span> : null}</a>
            {v.owner === props.me ? (
              <form method="post" action={`/views/${v.id}/delete`} class="inline"><Csrf token={props.csrf} /><button class="link small" type="submit" aria-label={`Delete view ${v.name}`}>×</button></form>
            ) : null}
          </span>
        ))}
      </nav>
      <form method="post" action="/views" class="bar">
        <Csrf token={props.csrf} />
        <input type="hidden" name="query" value={current} />
        <label for="view-name" class="small">Save this filter as</label>
        <input id="view-name" name="name" maxlength={80} required placeholder="e.g. Lazada trademarks" />
        <label class="inline small"><input type="checkbox" name="shared" value="on" /> shared with the team</label>
        <button class="secondary" type="submit">Save view</button>
      </form>
    </div>
  );
}
