import { raw } from 'hono/html';
import { Page, type PageProps } from './layout.js';

/** Stands for the content while the layout is rendered; a comment, so it cannot come from escaped text. */
const BODY = '<!--page-body-->';
const MAX_SHELLS = 500;
const shells = new Map<string, readonly [string, string]>();

/**
 * `body` (HTML written as a string) inside the layout every page has. The
 * layout depends on its props alone, so its markup before and after the
 * content is kept per props (a reviewer's name, role and CSRF token) and
 * reused, instead of being rendered as JSX for each request.
 */
export async function inPage(props: Omit<PageProps, 'children'>, body: string): Promise<string> {
  const key = JSON.stringify([props.title, props.user, props.csrf, props.active ?? null, props.lang ?? null]);
  let shell = shells.get(key);
  if (!shell) {
    const html = String(await (<Page {...props}>{raw(BODY)}</Page>).toString());
    const at = html.indexOf(BODY);
    shell = [html.slice(0, at), html.slice(at + BODY.length)];
    if (shells.size >= MAX_SHELLS) shells.delete(shells.keys().next().value as string);
    shells.set(key, shell);
  }
  return shell[0] + body + shell[1];
}
