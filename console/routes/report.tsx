import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { SYSTEM, type DocumentKind } from '../../src/domain/schemas/index.js';
import type { ConsoleDeps, ConsoleEnv } from '../deps.js';
import { ComplaintInput, listingUrls, toSubmission } from '../http/complaint-input.js';
import { HttpError } from '../http/errors.js';
import { chooseLanguage } from '../http/language.js';
import { clientKey, RateLimiter, remoteAddress, trustedProxyList } from '../http/rate-limit.js';
import { inspectUpload, isUploadProblem } from '../http/uploads.js';
import { Alert } from '../views/layout.js';
import { readForm } from '../http/body.js';
import { putFlash, readFlash, type Flash } from '../http/flash.js';
import { NoResult, platformLabel, ReceivedPanel, ReportForm, ReportPage, type Received } from '../views/report-view.js';
import { REPORT_LANGUAGES, REPORT_WORDS, type ReportLanguage, type ReportWords } from '../views/report-words.js';

type Values = Record<string, string>;
const RECEIVED: Flash = { name: 'nd_report', path: '/report/received', maxAgeSeconds: 3600 };
/** A cookie holds about 4 KB; items past this budget are named in the email only, and the page says so. */
const FLASH_BUDGET = 2800;
/** With the authorization, identity and certificate files, thirteen 5 MB files: within the body limit of the form. */
const MAX_EVIDENCE_FILES = 10;
/** Upload fields whose file is known by the field it was given in. */
const DOCUMENT_FIELDS: Partial<Record<string, DocumentKind>> = { authorization: 'authorization', identity: 'identity', iprProof: 'ipr_certificate' };

function fitReceived(r: Received): Received & { more: number } {
  const missing: Received['missing'] = [];
  let size = JSON.stringify({ ...r, missing: [] }).length;
  for (const m of r.missing) {
    size += JSON.stringify(m).length + 1;
    if (size > FLASH_BUDGET) break;
    missing.push(m);
  }
  return { ...r, missing, more: r.missing.length - missing.length };
}

/** Each field's problem in the page's language: a value that is too long says so, anything else asks for what the field needs. */
function formErrors(error: z.ZodError, w: ReportWords): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    const tooLong = issue.code === 'too_big' && typeof issue.maximum === 'number' ? w.tooLong(Number(issue.maximum)) : undefined;
    out[key] ??= tooLong ?? (w.invalid as Record<string, string>)[key] ?? issue.message;
  }
  return out;
}

/** The form's language, for pages a post reaches: `?lang=` on the form's action, else the browser's. */
export function reportLanguage(c: Context<ConsoleEnv>): ReportLanguage {
  return chooseLanguage(REPORT_LANGUAGES, c.req.query('lang'), c.req.header('accept-language'));
}

type Status = 200 | 400 | 404 | 413 | 422 | 429 | 500;

function reportPage(c: Context<ConsoleEnv>, lang: ReportLanguage, title: keyof ReportWords['titles'], path: string, body: unknown, status: Status = 200) {
  // The same address answers in the browser's language unless ?lang= says otherwise.
  c.header('vary', 'Accept-Language');
  return c.html(<ReportPage lang={lang} page={title} path={path} user={c.get('user') ?? null} csrf={c.get('csrfToken') ?? null}>{body as never}</ReportPage>, status);
}

/** A form too large to read is refused before a byte is read: the page says so in the form's language. */
export function reportTooLarge(c: Context<ConsoleEnv>) {
  const lang = reportLanguage(c);
  return reportPage(c, lang, 'tooLarge', '/report', <Alert kind="error">{REPORT_WORDS[lang].tooLarge}</Alert>, 413);
}

export function reportRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const limiter = new RateLimiter(deps.reportRateLimit ?? 10, 3600_000);
  const proxies = trustedProxyList(deps.trustedProxies ?? []);
  const platforms = () => deps.ctx(SYSTEM, 'platforms').platforms;
  const page = reportPage;

  app.get('/report', (c) => {
    const lang = reportLanguage(c);
    return page(c, lang, 'form', '/report', <ReportForm lang={lang} platforms={platforms()} v={{}} e={{}} />);
  });

  app.post('/report', async (c) => {
    const lang = reportLanguage(c);
    const w = REPORT_WORDS[lang];
    if (!limiter.hit(clientKey(c.req.raw.headers, remoteAddress(c.env), proxies))) return page(c, lang, 'tooMany', '/report', <Alert kind="error">{w.tooManySubmissions}</Alert>, 429);
    const body = await readForm(c, { all: true });
    const values: Values = Object.fromEntries(Object.entries(body).flatMap(([k, x]) => (typeof x === 'string' ? [[k, x]] : [])));
    const files = (name: string) => [body[name]].flat().filter((f): f is File => f instanceof File && f.size > 0);
    const parsed = ComplaintInput.safeParse(values);
    const errors: Record<string, string> = parsed.success ? {} : formErrors(parsed.error, w);
    const platform = platforms().find((p) => p.id === values.platform);
    if (values.platform && !platform) errors.platform = w.unknownPlatform;
    const csv = files('linksCsv')[0];
    const csvChecked = csv ? await inspectUpload(csv, ['csv', 'txt']) : null;
    if (csvChecked && isUploadProblem(csvChecked)) errors.linksCsv = w.upload(csvChecked);
    const urls = listingUrls(values.listingUrls ?? '', csvChecked && !isUploadProblem(csvChecked) ? new TextDecoder().decode(csvChecked.bytes) : null, platform);
    if (urls.problem && !errors.listingUrls) errors.listingUrls = w.url(urls.problem);
    const uploads: Array<{ filename: string; contentType: string; contentBase64: string }> = [];
    const documents: DocumentKind[] = [];
    if (files('evidence').length > MAX_EVIDENCE_FILES) errors.evidence = w.tooManyFiles(MAX_EVIDENCE_FILES);
    else for (const [field, file] of (['evidence', 'authorization', 'identity', 'iprProof'] as const).flatMap((name) => files(name).map((f) => [name, f] as const))) {
      const checked = await inspectUpload(file);
      if (isUploadProblem(checked)) errors[field] ??= w.upload(checked);
      else {
        uploads.push({ filename: checked.filename, contentType: checked.contentType, contentBase64: Buffer.from(checked.bytes).toString('base64') });
        const kind = DOCUMENT_FIELDS[field];
        if (kind) documents.push(kind);
      }
    }
    if (values.role === 'agent' && files('authorization').length === 0) errors.authorization = w.agentNeedsAuthorization;
    if (!parsed.success || Object.keys(errors).length || !deps.intake) return page(c, lang, 'form', '/report', <ReportForm lang={lang} platforms={platforms()} v={values} e={errors} />, 422);
    const raw = new TextEncoder().encode(JSON.stringify(toSubmission(parsed.data, urls.urls, uploads, documents, lang)));
    const ctx = deps.ctx({ type: 'sender', id: parsed.data.email.toLowerCase(), name: parsed.data.name }, c.get('requestId'));
    const result = await deps.intake(ctx, raw, 'form', `form:${c.get('requestId')}`);
    const received: Received = {
      caseNumber: result.caseNumber ?? null,
      email: parsed.data.email,
      // Each finding in both languages from the one vocabulary; the mail about it is in the form's language.
      missing: (result.case?.findings ?? []).filter((f) => f.severity !== 'warning').map((f) => ({ en: f.message, zh: f.messages?.zh ?? f.message })),
      unread: (result.unread ?? []).map((text) => ({ text, file: uploads.find((u) => text.startsWith(`${u.filename}: `))?.filename ?? null })),
      reference: c.get('requestId'),
      language: lang,
      summary: { platform: parsed.data.platform, iprType: parsed.data.iprType, listings: urls.urls.length, files: uploads.map((u) => u.filename.slice(-80)), at: ctx.now().toISOString() },
    };
    // Post, redirect, get: reloading the result page shows it again and files nothing twice.
    putFlash(c, RECEIVED, fitReceived(received), deps.secureCookies);
    return c.redirect(RECEIVED.path, 303);
  });

  app.get(RECEIVED.path, (c) => {
    const r = readFlash(c, RECEIVED, deps.secureCookies) as (Received & { more?: number }) | undefined;
    if (!r || typeof r !== 'object' || !Array.isArray(r.missing) || !Array.isArray(r.unread) || typeof r.summary !== 'object' || !r.summary) {
      const lang = reportLanguage(c);
      return page(c, lang, 'noResult', RECEIVED.path, <NoResult lang={lang} />, 404);
    }
    // The receipt is in the language the form was filled in, unless the reader switches.
    const lang = c.req.query('lang') ? reportLanguage(c) : REPORT_LANGUAGES.includes(r.language) ? r.language : 'en';
    const profile = platforms().find((p) => p.id === r.summary.platform);
    return page(c, lang, 'received', RECEIVED.path, <ReceivedPanel r={r} lang={lang} platformName={profile ? platformLabel(profile, lang) : r.summary.platform} />);
  });

  // The form's own error pages, in its language: a body that is not a form, or a failure on our side.
  app.onError((error, c) => {
    const lang = reportLanguage(c);
    const w = REPORT_WORDS[lang];
    if (error instanceof HttpError && error.status === 400) return page(c, lang, 'unreadable', '/report', <Alert kind="error">{w.unreadable(error.message.replace(/^The form could not be read: /, ''))}</Alert>, 400);
    console.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path}:`, error);
    return page(c, lang, 'error', '/report', <Alert kind="error">{w.failed(c.get('requestId') ?? 'unknown')}</Alert>, 500);
  });
  return app;
}
