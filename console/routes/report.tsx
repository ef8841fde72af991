import { Hono, type Context } from 'hono';
import { IprType, Reason, SYSTEM, type DocumentKind } from '../../src/domain/schemas/index.js';
import type { PlatformProfile } from '../../src/rules/platform-profile.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { ComplaintInput, fieldErrors, listingUrls, toSubmission } from '../http/complaint-input.js';
import { clientKey, RateLimiter, remoteAddress, trustedProxyList } from '../http/rate-limit.js';
import { checkUpload, EVIDENCE_EXTENSIONS } from '../http/uploads.js';
import { Alert, FieldError, Page } from '../views/layout.js';
import { readForm } from '../http/body.js';
import { putFlash, readFlash, type Flash } from '../http/flash.js';

type Values = Record<string, string>;
/** What the sender was told after posting the form; the page it is redirected to shows it (and again on reload). */
interface Received {
  caseNumber: string | null;
  email: string;
  missing: string[];
  unread: string[];
  reference: string;
}
const RECEIVED: Flash = { name: 'nd_report', path: '/report/received', maxAgeSeconds: 3600 };
/** A cookie holds about 4 KB; items past this budget are named in the email only, and the page says so. */
const FLASH_BUDGET = 2800;

function fitReceived(r: Received): Received & { more: number } {
  const missing: string[] = [];
  let size = JSON.stringify({ ...r, missing: [] }).length;
  for (const m of r.missing) {
    size += JSON.stringify(m).length + 1;
    if (size > FLASH_BUDGET) break;
    missing.push(m);
  }
  return { ...r, missing, more: r.missing.length - missing.length };
}

function ReceivedPanel(p: { r: Received & { more?: number } }) {
  const r = p.r;
  if (!r.caseNumber) return <Alert kind="error">We stored your complaint but could not open a case yet; we will email you. Reference: {r.reference}</Alert>;
  const still = r.missing.length > 0 || (r.more ?? 0) > 0;
  return (
    <div class="panel">
      <Alert kind={still ? 'error' : 'ok'}>Your complaint is registered as case <b id="case-number">{r.caseNumber}</b>.</Alert>
      {still ? (
        <div id="still-missing">
          <p>A reviewer can act on it once we have the following. Reply to the email we send you, keeping the case number in the subject:</p>
          <ul>{r.missing.map((m) => <li>{m}</li>)}</ul>
          {r.more ? <p>…and {r.more} more, listed in the email.</p> : null}
        </div>
      ) : (
        <p id="next-step">It has every element we check for and now waits for a reviewer. You will hear from us when it is decided.</p>
      )}
      <p>An email about the case is queued for {r.email}. Quote the case number in any follow-up.</p>
      {r.unread.length ? <Alert kind="error">We kept every file, but could not read the text of: {r.unread.join('; ')}.</Alert> : null}
    </div>
  );
}
/** With the authorization, identity and certificate files, thirteen 5 MB files: within the body limit of the form. */
const MAX_EVIDENCE_FILES = 10;

function Input(p: { name: string; label: string; v: Values; e: Record<string, string>; type?: string; hint?: string; required?: boolean }) {
  return (
    <div class="field">
      <label for={p.name}>{p.label}{p.required ? ' *' : ''}</label>
      <input id={p.name} name={p.name} type={p.type ?? 'text'} value={p.v[p.name] ?? ''} aria-invalid={p.e[p.name] ? 'true' : undefined} aria-describedby={p.e[p.name] ? `${p.name}-error` : undefined} />
      {p.hint ? <div class="hint">{p.hint}</div> : null}
      <FieldError errors={p.e} name={p.name} />
    </div>
  );
}

function Choice(p: { name: string; label: string; options: readonly string[]; v: Values; e: Record<string, string>; labels?: (o: string) => string }) {
  return (
    <div class="field">
      <label for={p.name}>{p.label} *</label>
      <select id={p.name} name={p.name} aria-invalid={p.e[p.name] ? 'true' : undefined}>
        <option value="">Choose…</option>
        {p.options.map((o) => <option value={o} selected={p.v[p.name] === o}>{p.labels ? p.labels(o) : o.replace(/_/g, ' ')}</option>)}
      </select>
      <FieldError errors={p.e} name={p.name} />
    </div>
  );
}

function ReportForm(p: { platforms: readonly PlatformProfile[]; v: Values; e: Record<string, string> }) {
  const { v, e } = p;
  const box = (name: string, label: string) => (
    <div class="field"><label><input type="checkbox" name={name} checked={v[name] === 'on'} /> {label}</label><FieldError errors={e} name={name} /></div>
  );
  return (
    <form method="post" action="/report" enctype="multipart/form-data" class="panel" novalidate>
      {Object.keys(e).length ? <Alert kind="error">Please correct the fields marked below.</Alert> : null}
      <h2>What is infringed</h2>
      <Choice name="platform" label="Platform" options={p.platforms.map((x) => x.id)} labels={(id) => p.platforms.find((x) => x.id === id)?.name ?? id} v={v} e={e} />
      <Choice name="iprType" label="Type of right" options={IprType.options} v={v} e={e} />
      <Input name="registrationNumber" label="Registration number" v={v} e={e} hint="Trademark, patent or copyright registration; leave empty for unregistered copyright." />
      <Input name="jurisdiction" label="Issued in (country or office)" v={v} e={e} hint="For example CN, US, EU, WIPO." />
      <Choice name="location" label="Where" options={['listing', 'storefront']} v={v} e={e} labels={(o) => (o === 'listing' ? 'Product listing' : 'Storefront')} />
      <Choice name="reason" label="Reason" options={Reason.options} v={v} e={e} />
      <h2>Listings</h2>
      <div class="field">
        <label for="listingUrls">Listing URLs, one per line *</label>
        <textarea id="listingUrls" name="listingUrls" rows={5} aria-invalid={e.listingUrls ? 'true' : undefined}>{v.listingUrls ?? ''}</textarea>
        <FieldError errors={e} name="listingUrls" />
      </div>
      <div class="field"><label for="linksCsv">Or a CSV of up to 800 links</label><input id="linksCsv" name="linksCsv" type="file" accept=".csv,.txt" /><FieldError errors={e} name="linksCsv" /></div>
      <div class="field">
        <label for="description">Why these listings infringe *</label>
        <textarea id="description" name="description" rows={4}>{v.description ?? ''}</textarea>
        <FieldError errors={e} name="description" />
      </div>
      <div class="field"><label for="evidence">Evidence files (≤ 5 MB each: {EVIDENCE_EXTENSIONS.join(', ')})</label><input id="evidence" name="evidence" type="file" multiple /><FieldError errors={e} name="evidence" /></div>
      <h2>Who you are</h2>
      <Choice name="role" label="You are" options={['owner', 'agent']} v={v} e={e} labels={(o) => (o === 'owner' ? 'The rights owner (or its staff)' : 'An authorized agent')} />
      <div class="field"><label for="authorization">Letter of authorization (agents)</label><input id="authorization" name="authorization" type="file" /><FieldError errors={e} name="authorization" /></div>
      <div class="field"><label for="identity">Proof of identity: ID card or passport, or for a company its business licence</label><input id="identity" name="identity" type="file" /><FieldError errors={e} name="identity" /></div>
      <div class="field"><label for="iprProof">Proof of your rights: the registration certificate (or a copyright registration or claim statement)</label><input id="iprProof" name="iprProof" type="file" /><FieldError errors={e} name="iprProof" /></div>
      <Input name="rightsOwner" label="Rights owner" v={v} e={e} required />
      <Input name="name" label="Your name" v={v} e={e} required />
      <Input name="organisation" label="Organisation" v={v} e={e} />
      <Input name="email" label="Email" type="email" v={v} e={e} required />
      <Input name="phone" label="Phone" v={v} e={e} />
      <Input name="address" label="Postal address" v={v} e={e} />
      {box('disclosureConsent', 'The merchant may see my name, email and phone (default: no).')}
      <h2>Statements</h2>
      {box('goodFaith', 'I have a good-faith belief that the use is not authorized by the rights owner, its agent, or the law. *')}
      {box('accuracy', 'The information is accurate and, under penalty of perjury, I am authorized to act for the rights owner. *')}
      <Input name="signature" label="Signature (type your full name)" v={v} e={e} required />
      <button type="submit">Submit complaint</button>
    </form>
  );
}

/** Upload fields whose file is known by the field it was given in. */
const DOCUMENT_FIELDS: Partial<Record<string, DocumentKind>> = { authorization: 'authorization', identity: 'identity', iprProof: 'ipr_certificate' };

export function reportRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const limiter = new RateLimiter(deps.reportRateLimit ?? 10, 3600_000);
  const proxies = trustedProxyList(deps.trustedProxies ?? []);
  const platforms = () => deps.ctx(SYSTEM, 'platforms').platforms;
  const page = (c: Context<ConsoleEnv>, body: unknown, status: 200 | 404 | 422 | 429 = 200) =>
    c.html(<Page title="Report infringement" user={c.get('user')} csrf={c.get('csrfToken')} active="report"><h1>Report an infringement</h1><p class="muted">No account needed. Fields marked * are required; you get a case number by email.</p>{body as never}</Page>, status);

  app.get('/report', (c) => page(c, <ReportForm platforms={platforms()} v={{}} e={{}} />));
  app.post('/report', async (c) => {
    if (!limiter.hit(clientKey(c.req.raw.headers, remoteAddress(c.env), proxies))) return page(c, <Alert kind="error">Too many submissions from your address. Try again in an hour.</Alert>, 429);
    const body = await readForm(c, { all: true });
    const values: Values = Object.fromEntries(Object.entries(body).flatMap(([k, x]) => (typeof x === 'string' ? [[k, x]] : [])));
    const files = (name: string) => [body[name]].flat().filter((f): f is File => f instanceof File && f.size > 0);
    const parsed = ComplaintInput.safeParse(values);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    const platform = platforms().find((p) => p.id === values.platform);
    if (values.platform && !platform) errors.platform = 'Choose one of the listed platforms.';
    const csv = files('linksCsv')[0];
    const csvChecked = csv ? await checkUpload(csv, ['csv', 'txt']) : null;
    if (typeof csvChecked === 'string') errors.linksCsv = csvChecked;
    const urls = listingUrls(values.listingUrls ?? '', csvChecked && typeof csvChecked !== 'string' ? new TextDecoder().decode(csvChecked.bytes) : null, platform);
    if (urls.error && !errors.listingUrls) errors.listingUrls = urls.error;
    const uploads = [];
    const documents: DocumentKind[] = [];
    if (files('evidence').length > MAX_EVIDENCE_FILES) errors.evidence = `Attach at most ${MAX_EVIDENCE_FILES} evidence files; put more in a .zip.`;
    else for (const [field, file] of (['evidence', 'authorization', 'identity', 'iprProof'] as const).flatMap((name) => files(name).map((f) => [name, f] as const))) {
      const checked = await checkUpload(file);
      if (typeof checked === 'string') errors[field] ??= checked;
      else {
        uploads.push({ filename: checked.filename, contentType: checked.contentType, contentBase64: Buffer.from(checked.bytes).toString('base64') });
        const kind = DOCUMENT_FIELDS[field];
        if (kind) documents.push(kind);
      }
    }
    if (values.role === 'agent' && files('authorization').length === 0) errors.authorization = 'Agents must attach the rights owner’s letter of authorization.';
    if (!parsed.success || Object.keys(errors).length || !deps.intake) return page(c, <ReportForm platforms={platforms()} v={values} e={errors} />, 422);
    const raw = new TextEncoder().encode(JSON.stringify(toSubmission(parsed.data, urls.urls, uploads, documents)));
    const ctx = deps.ctx({ type: 'sender', id: parsed.data.email.toLowerCase(), name: parsed.data.name }, c.get('requestId'));
    const result = await deps.intake(ctx, raw, 'form', `form:${c.get('requestId')}`);
    const received: Received = {
      caseNumber: result.caseNumber ?? null,
      email: parsed.data.email,
      missing: (result.case?.findings ?? []).filter((f) => f.severity !== 'warning').map((f) => f.message),
      unread: result.unread ?? [],
      reference: c.get('requestId'),
    };
    // Post, redirect, get: reloading the result page shows it again and files nothing twice.
    putFlash(c, RECEIVED, fitReceived(received), deps.secureCookies);
    return c.redirect(RECEIVED.path, 303);
  });
  app.get(RECEIVED.path, (c) => {
    const r = readFlash(c, RECEIVED, deps.secureCookies) as (Received & { more?: number }) | undefined;
    if (!r || typeof r !== 'object' || !Array.isArray(r.missing) || !Array.isArray(r.unread)) {
      return page(c, <div class="panel"><p id="no-result">No complaint was sent from this browser in the last hour. The case number is in the email we sent; to report an infringement, use <a href="/report">the form</a>.</p></div>, 404);
    }
    return page(c, <ReceivedPanel r={r} />);
  });
  return app;
}

