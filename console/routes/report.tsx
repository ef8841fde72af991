import { Hono, type Context } from 'hono';
import { IprType, Reason, SYSTEM } from '../../src/domain/schemas/index.js';
import type { PlatformProfile } from '../../src/rules/platform-profile.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { ComplaintInput, fieldErrors, listingUrls, toSubmission } from '../http/complaint-input.js';
import { clientKey, RateLimiter, remoteAddress, trustedProxyList } from '../http/rate-limit.js';
import { checkUpload, EVIDENCE_EXTENSIONS } from '../http/uploads.js';
import { Alert, FieldError, Page } from '../views/layout.js';
import { readForm } from '../http/body.js';

type Values = Record<string, string>;
/** With the letter of authorization, eleven 5 MB files: what the app's body limit lets through. */
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

export function reportRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const limiter = new RateLimiter(deps.reportRateLimit ?? 10, 3600_000);
  const proxies = trustedProxyList(deps.trustedProxies ?? []);
  const platforms = () => deps.ctx(SYSTEM, 'platforms').platforms;
  const page = (c: Context<ConsoleEnv>, body: unknown, status: 200 | 201 | 422 | 429 = 200) =>
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
    if (files('evidence').length > MAX_EVIDENCE_FILES) errors.evidence = `Attach at most ${MAX_EVIDENCE_FILES} evidence files; put more in a .zip.`;
    else for (const [field, file] of [...files('evidence').map((f) => ['evidence', f] as const), ...files('authorization').map((f) => ['authorization', f] as const)]) {
      const checked = await checkUpload(file);
      if (typeof checked === 'string') errors[field] ??= checked;
      else uploads.push({ filename: checked.filename, contentType: checked.contentType, contentBase64: Buffer.from(checked.bytes).toString('base64') });
    }
    if (values.role === 'agent' && files('authorization').length === 0) errors.authorization = 'Agents must attach the rights owner’s letter of authorization.';
    if (!parsed.success || Object.keys(errors).length || !deps.intake) return page(c, <ReportForm platforms={platforms()} v={values} e={errors} />, 422);
    const raw = new TextEncoder().encode(JSON.stringify(toSubmission(parsed.data, urls.urls, uploads)));
    const ctx = deps.ctx({ type: 'sender', id: parsed.data.email.toLowerCase(), name: parsed.data.name }, c.get('requestId'));
    const result = await deps.intake(ctx, raw, 'form', `form:${c.get('requestId')}`);
    if (!result.caseNumber) return page(c, <Alert kind="error">We stored your complaint but could not open a case yet; we will email you. Reference: {c.get('requestId')}</Alert>, 201);
    return page(c, <div class="panel"><Alert kind="ok">Thank you. Your case number is <b id="case-number">{result.caseNumber}</b>.</Alert><p>We have sent a confirmation to {parsed.data.email}. Quote the case number in any follow-up.</p>{result.unread?.length ? <Alert kind="error">We kept every file, but could not read the text of: {result.unread.join('; ')}.</Alert> : null}</div>, 201);
  });
  return app;
}

