import type { Child } from 'hono/jsx';
import type { User } from '../../src/store/repos/users.js';

export interface PageProps {
  title: string;
  user: User | null;
  csrf: string | null;
  active?: 'queue' | 'stats' | 'report' | 'api' | 'admin';
  /** The page's language (public pages written in the reader's language); English by default. */
  lang?: string;
  /** Public pages written in several languages: links to the same page in each, shown in the top bar. */
  languages?: { label: string; links: Array<{ lang: string; name: string; href: string; current: boolean }> };
  /** The public form's link in the top bar, in the page's language (public pages). */
  reportLink?: { label: string; href: string };
  children?: Child;
}

const NAV = [
  { key: 'queue', href: '/', label: 'Queue' },
  { key: 'stats', href: '/stats', label: 'Stats' },
  { key: 'report', href: '/report', label: 'Report form' },
  { key: 'api', href: '/api/v1/docs', label: 'API' },
] as const;

/** Every page: the bar on top, the content, the keyboard help. No inline script or style (the CSP forbids them). */
export function Page(props: PageProps) {
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Noticedesk`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href={props.user ? '/' : (props.reportLink?.href ?? '/report')}>Noticedesk</a>
          <nav aria-label="Main">
            {(props.user ? NAV : NAV.filter((n) => n.key === 'report')).map((n) => (
              <a href={n.key === 'report' && props.reportLink ? props.reportLink.href : n.href} aria-current={props.active === n.key ? 'page' : undefined}>{n.key === 'report' && props.reportLink ? props.reportLink.label : n.label}</a>
            ))}
            {props.user?.role === 'admin' ? <a href="/admin" aria-current={props.active === 'admin' ? 'page' : undefined}>Admin</a> : null}
          </nav>
          {props.languages ? (
            <nav class="languages" aria-label={props.languages.label}>
              {props.languages.links.map((l) => (
                <a href={l.href} lang={l.lang} hreflang={l.lang} aria-current={l.current ? 'true' : undefined}>{l.name}</a>
              ))}
            </nav>
          ) : null}
          {props.user ? (
            <form method="post" action="/logout">
              <input type="hidden" name="_csrf" value={props.csrf ?? ''} />
              <span class="who">{props.user.name ?? props.user.email} · {props.user.role} </span>
              <button class="link" type="submit">Sign out</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
        {props.user ? (
          <div id="help" hidden role="dialog" aria-label="Keyboard shortcuts">
            <b>Keyboard</b><br />
            <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>n</kbd>/<kbd>p</kbd> page · <kbd>g</kbd> queue<br />
            On a case: <kbd>a</kbd> assign to me · <kbd>c</kbd> accept · <kbd>x</kbd> reject · <kbd>i</kbd> request info · <kbd>d</kbd> duplicate · <kbd>1</kbd>–<kbd>9</kbd> toggle listing<br />
            <kbd>?</kbd> show/hide this
          </div>
        ) : null}
      </body>
    </html>
  );
}

export function Csrf(props: { token: string | null }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ''} />;
}

export function StatusBadge(props: { status: string }) {
  return <span class={`badge ${props.status}`}>{props.status.replace(/_/g, ' ')}</span>;
}

export function Alert(props: { kind: 'error' | 'ok'; children?: Child }) {
  return <div class={`alert ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>{props.children}</div>;
}

export function FieldError(props: { errors: Record<string, string>; name: string }) {
  const message = props.errors[props.name];
  return message ? <div class="field-error" id={`${props.name}-error`}>{message}</div> : null;
}

export function formatTime(iso: string | null): string {
  return iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : '–';
}

export function ageOf(iso: string, now: Date): string {
  const hours = (now.getTime() - new Date(iso).getTime()) / 3600_000;
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}
