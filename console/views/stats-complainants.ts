import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ComplainantStats } from '../../src/domain/stats/complainant-stats.js';
import { esc } from './queue-rows.js';

// A desk hears from hundreds of complainants and the table lists them all: written as one escaped
// string, it costs a fraction of building and walking a JSX tree of eight cells per row.

export const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/** The complainants table's rows. */
export function complainantRows(list: readonly ComplainantStats[]): HtmlEscapedString {
  let out = '';
  for (const g of list) {
    const goodFaith = g.goodFaithEligible ? '<span class="badge accepted">eligible</span>' : '<span class="muted small">no</span>';
    out += `<tr><td>${esc(g.complainant)}</td><td>${g.requests}</td><td>${g.requests3m}</td><td>${g.decided}</td><td>${pct(g.successRate)}</td><td>${pct(g.counterNoticeRate)}</td><td>${g.falseInformation ? 'yes' : 'no'}</td><td>${goodFaith}</td></tr>`;
  }
  return raw(out);
}
