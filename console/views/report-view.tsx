import type { Child } from 'hono/jsx';
import { IprType, Reason } from '../../src/domain/schemas/index.js';
import type { PlatformProfile } from '../../src/rules/platform-profile.js';
import type { User } from '../../src/store/repos/users.js';
import { EVIDENCE_EXTENSIONS } from '../http/uploads.js';
import { Alert, FieldError, formatTime, Page } from './layout.js';
import { REPORT_LANGUAGES, REPORT_WORDS, reportLinkFor, type ReportLanguage, type ReportWords } from './report-words.js';

type Values = Record<string, string>;
type Errors = Record<string, string>;

/** What the sender was told after posting the form; the page it is redirected to shows it (and again on reload). */
export interface Received {
  caseNumber: string | null;
  email: string;
  /** What is missing, each in every language the page is written in (the reader may switch). */
  missing: Array<Record<ReportLanguage, string>>;
  /** Files kept whose text could not be read: the desk's own words (English), and the file they name. */
  unread: Array<{ text: string; file: string | null }>;
  reference: string;
  language: ReportLanguage;
  /** What the desk took in with the case: as the sender gave it, nothing inferred. */
  summary: { platform: string; iprType: string; listings: number; files: string[]; at: string };
}

/** A platform by its name in the page's language: the profile's Chinese alias beside its name, when it has one. */
export function platformLabel(p: PlatformProfile, lang: ReportLanguage): string {
  const local = lang === 'zh' ? p.aliases.find((a) => /\p{Script=Han}/u.test(a)) : undefined;
  return local ? `${local}（${p.name}）` : p.name;
}

/** Every page of the form: its title, the language switch (same path, the other language), the heading. */
export function ReportPage(props: { lang: ReportLanguage; page: keyof ReportWords['titles']; path: string; user: User | null; csrf: string | null; children?: Child }) {
  const w = REPORT_WORDS[props.lang];
  const languages = {
    label: `${REPORT_WORDS.en.switchLabel} / ${REPORT_WORDS.zh.switchLabel}`,
    links: REPORT_LANGUAGES.map((l) => ({ lang: l, name: REPORT_WORDS[l].languageName, href: `${props.path}?lang=${l}`, current: l === props.lang })),
  };
  return (
    <Page title={w.titles[props.page]} user={props.user} csrf={props.csrf} active="report" lang={props.lang} languages={languages} reportLink={props.user ? undefined : reportLinkFor(props.lang)}>
      <div class="public-form">
        <h1>{w.titles[props.page]}</h1>
        {props.page === 'form' ? <p class="muted">{w.intro}</p> : null}
        {props.children}
      </div>
    </Page>
  );
}

function Input(p: { name: Exclude<keyof ReportWords['labels'], 'evidence'>; w: ReportWords; v: Values; e: Errors; type?: string; hint?: string; required?: boolean }) {
  return (
    <div class="field">
      <label for={p.name}>{p.w.labels[p.name]}{p.required ? ' *' : ''}</label>
      <input id={p.name} name={p.name} type={p.type ?? 'text'} value={p.v[p.name] ?? ''} aria-invalid={p.e[p.name] ? 'true' : undefined} aria-describedby={p.e[p.name] ? `${p.name}-error` : undefined} />
      {p.hint ? <div class="hint">{p.hint}</div> : null}
      <FieldError errors={p.e} name={p.name} />
    </div>
  );
}

function Choice(p: { name: string; label: string; options: Array<[value: string, label: string]>; w: ReportWords; v: Values; e: Errors }) {
  return (
    <div class="field">
      <label for={p.name}>{p.label} *</label>
      <select id={p.name} name={p.name} aria-invalid={p.e[p.name] ? 'true' : undefined} aria-describedby={p.e[p.name] ? `${p.name}-error` : undefined}>
        <option value="">{p.w.choose}</option>
        {p.options.map(([value, label]) => <option value={value} selected={p.v[p.name] === value}>{label}</option>)}
      </select>
      <FieldError errors={p.e} name={p.name} />
    </div>
  );
}

function Upload(p: { name: 'linksCsv' | 'evidence' | 'authorization' | 'identity' | 'iprProof'; label: string; e: Errors; accept?: string; multiple?: boolean }) {
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <input id={p.name} name={p.name} type="file" accept={p.accept} multiple={p.multiple} aria-describedby={p.e[p.name] ? `${p.name}-error` : undefined} />
      <FieldError errors={p.e} name={p.name} />
    </div>
  );
}

/** The complaint form: the same fields in every language, posted back to the page's language. */
export function ReportForm(p: { lang: ReportLanguage; platforms: readonly PlatformProfile[]; v: Values; e: Errors }) {
  const { v, e, lang } = p;
  const w = REPORT_WORDS[lang];
  const box = (name: 'disclosureConsent' | 'goodFaith' | 'accuracy', label: string, required: boolean) => (
    <div class="field"><label class="check"><input type="checkbox" name={name} checked={v[name] === 'on'} aria-describedby={e[name] ? `${name}-error` : undefined} /> {label}{required ? ' *' : ''}</label><FieldError errors={e} name={name} /></div>
  );
  return (
    <form method="post" action={`/report?lang=${lang}`} enctype="multipart/form-data" class="panel" novalidate>
      {Object.keys(e).length ? <Alert kind="error">{w.fix}</Alert> : null}
      <h2>{w.sections.what}</h2>
      <Choice name="platform" label={w.labels.platform} options={p.platforms.map((x) => [x.id, platformLabel(x, lang)])} w={w} v={v} e={e} />
      <Choice name="iprType" label={w.labels.iprType} options={IprType.options.map((o) => [o, w.iprTypes[o]])} w={w} v={v} e={e} />
      <Input name="registrationNumber" w={w} v={v} e={e} hint={w.hints.registrationNumber} />
      <Input name="jurisdiction" w={w} v={v} e={e} hint={w.hints.jurisdiction} />
      <Choice name="location" label={w.labels.location} options={[['listing', w.locations.listing], ['storefront', w.locations.storefront]]} w={w} v={v} e={e} />
      <Choice name="reason" label={w.labels.reason} options={Reason.options.map((o) => [o, w.reasons[o]])} w={w} v={v} e={e} />
      <h2>{w.sections.listings}</h2>
      <div class="field">
        <label for="listingUrls">{w.labels.listingUrls} *</label>
        <textarea id="listingUrls" name="listingUrls" rows={5} aria-invalid={e.listingUrls ? 'true' : undefined} aria-describedby={e.listingUrls ? 'listingUrls-error' : undefined}>{v.listingUrls ?? ''}</textarea>
        <FieldError errors={e} name="listingUrls" />
      </div>
      <Upload name="linksCsv" label={w.labels.linksCsv} e={e} accept=".csv,.txt" />
      <div class="field">
        <label for="description">{w.labels.description} *</label>
        <textarea id="description" name="description" rows={4} aria-invalid={e.description ? 'true' : undefined} aria-describedby={e.description ? 'description-error' : undefined}>{v.description ?? ''}</textarea>
        <FieldError errors={e} name="description" />
      </div>
      <Upload name="evidence" label={w.labels.evidence(EVIDENCE_EXTENSIONS.join(', '))} e={e} multiple />
      <h2>{w.sections.who}</h2>
      <Choice name="role" label={w.labels.role} options={[['owner', w.roles.owner], ['agent', w.roles.agent]]} w={w} v={v} e={e} />
      <Upload name="authorization" label={w.labels.authorization} e={e} />
      <Upload name="identity" label={w.labels.identity} e={e} />
      <Upload name="iprProof" label={w.labels.iprProof} e={e} />
      <Input name="rightsOwner" w={w} v={v} e={e} required />
      <Input name="name" w={w} v={v} e={e} required />
      <Input name="organisation" w={w} v={v} e={e} />
      <Input name="email" type="email" w={w} v={v} e={e} required />
      <Input name="phone" w={w} v={v} e={e} />
      <Input name="address" w={w} v={v} e={e} />
      {box('disclosureConsent', w.labels.disclosureConsent, false)}
      <h2>{w.sections.statements}</h2>
      {box('goodFaith', w.statements.goodFaith, true)}
      {box('accuracy', w.statements.accuracy, true)}
      <Input name="signature" w={w} v={v} e={e} required />
      <button type="submit">{w.submit}</button>
    </form>
  );
}

/** The receipt: the case number the desk issued, what it still needs, the mail it queued; nothing it has not done. */
export function ReceivedPanel(p: { r: Received & { more?: number }; lang: ReportLanguage; platformName: string }) {
  const { r, lang } = p;
  const w = REPORT_WORDS[lang].received;
  const words = REPORT_WORDS[lang];
  const iprType = (words.iprTypes as Record<string, string>)[r.summary.iprType] ?? r.summary.iprType;
  if (!r.caseNumber) return <Alert kind="error">{w.notOpened(r.reference)}</Alert>;
  const still = r.missing.length > 0 || (r.more ?? 0) > 0;
  return (
    <div class="panel" id="receipt">
      <Alert kind={still ? 'error' : 'ok'}>{w.registered} <b id="case-number">{r.caseNumber}</b>{lang === 'zh' ? '。' : '.'}</Alert>
      {still ? (
        <div id="still-missing">
          <p>{w.missing}</p>
          <ul>{r.missing.map((m) => <li>{m[lang] ?? m.en}</li>)}</ul>
          {r.more ? <p>{w.more(r.more)}</p> : null}
        </div>
      ) : (
        <p id="next-step">{w.complete}</p>
      )}
      <h2>{w.whatH}</h2>
      <dl class="fields" id="what-received">
        <dt>{w.when}</dt><dd>{formatTime(r.summary.at)}</dd>
        <dt>{words.labels.platform}</dt><dd>{p.platformName}</dd>
        <dt>{words.labels.iprType}</dt><dd>{iprType}</dd>
        <dt>{words.sections.listings}</dt><dd>{w.listings(r.summary.listings)}</dd>
        <dt>{w.files}</dt><dd>{r.summary.files.length ? r.summary.files.join(lang === 'zh' ? '、' : ', ') : w.noFiles}</dd>
      </dl>
      <p id="mailed">{w.mailed(r.email)}</p>
      {r.unread.length ? (
        <Alert kind="error">
          {w.unread} {r.unread.map((u, i) => <>{i ? (lang === 'zh' ? '、' : '; ') : ''}{lang === 'en' ? u.text : u.file ?? <span lang="en">{u.text}</span>}</>)}
        </Alert>
      ) : null}
    </div>
  );
}

export function NoResult(p: { lang: ReportLanguage }) {
  const w = REPORT_WORDS[p.lang].received;
  return <div class="panel"><p id="no-result">{w.noResult} <a href={`/report?lang=${p.lang}`}>{w.theForm}</a>{p.lang === 'zh' ? '。' : '.'}</p></div>;
}
