import type { SavedView } from '../../src/domain/cases/saved-views.js';
import { esc } from './queue-rows.js';

/** The reader's saved views and the shared ones, and a form to save the filter on screen as one (an escaped string, as the queue page is). */
export function savedViewsHtml(props: { views: SavedView[]; me: string; query: string; csrf: string | null }): string {
  const current = props.query.replace(/^\?/, '');
  const csrf = `<input type="hidden" name="_csrf" value="${esc(props.csrf ?? '')}"/>`;
  const views = props.views.map(
    (v) =>
      '<span class="view">' +
      `<a href="${esc(v.query ? `/?${v.query}` : '/')}"${v.query === current ? ' aria-current="true"' : ''}>${esc(v.name)}${v.shared ? '<span class="n">shared</span>' : ''}</a>` +
      (v.owner === props.me ? `<form method="post" action="/views/${esc(v.id)}/delete" class="inline">${csrf}<button class="link small" type="submit" aria-label="${esc(`Delete view ${v.name}`)}">×</button></form>` : '') +
      '</span>',
  );
  return (
    '<div class="panel views bar spread">' +
    '<nav class="tabs" aria-label="Saved views"><b class="small">Views</b>' +
    (props.views.length === 0 ? '<span class="muted small">none saved yet</span>' : '') +
    views.join('') +
    '</nav>' +
    '<form method="post" action="/views" class="bar">' +
    csrf +
    `<input type="hidden" name="query" value="${esc(current)}"/>` +
    '<label for="view-name" class="small">Save this filter as</label>' +
    '<input id="view-name" name="name" maxlength="80" required="" placeholder="e.g. Lazada trademarks"/>' +
    '<label class="inline small"><input type="checkbox" name="shared" value="on"/> shared with the team</label>' +
    '<button class="secondary" type="submit">Save view</button>' +
    '</form></div>'
  );
}
