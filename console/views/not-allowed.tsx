import type { Context } from 'hono';
import type { ConsoleEnv } from '../deps.js';
import { Page } from './layout.js';

/** A signed-in account that may not open a page gets the console's own page saying so, with its way back. */
export function notAllowedPage(c: Context<ConsoleEnv>, message: string) {
  return c.html(
    <Page title="Not allowed" user={c.get('user')} csrf={c.get('csrfToken')}>
      <h1>Not allowed</h1>
      <p id="not-allowed">{message}</p>
      <p><a href="/">Back to the queue</a></p>
    </Page>,
    403,
  );
}
