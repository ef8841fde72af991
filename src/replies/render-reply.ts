import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export interface RenderedReply {
  subject: string;
  text: string;
  html: string;
}

/** The templates beside the sources; a thread running from a bundle is told where they are (`useTemplatesDir`). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
const LANGUAGES = ['en', 'zh'] as const;
const CASE_TAG = /\[ND-\d{4}-\d{6,}\]/;

/** Text is sent as written; HTML escapes every value a sender could have typed. */
function engines(views: string) {
  return { views, text: new Eta({ views, autoEscape: false, autoTrim: false, cache: true }), html: new Eta({ views, autoEscape: true, autoTrim: false, cache: true }) };
}
let templates = engines(TEMPLATES_DIR);

/** Reads the templates from `dir` from now on (a thread whose code was bundled elsewhere, see src/threads). */
export function useTemplatesDir(dir: string): void {
  if (dir !== templates.views) templates = engines(dir);
}

export class UnknownTemplateError extends Error {}

/** `zh`, `zh-Hant`, `zh-TW` answer in Chinese; everything else in English. */
export function replyLanguage(language: string): (typeof LANGUAGES)[number] {
  return /^zh\b/i.test(language.trim()) ? 'zh' : 'en';
}

/** Helpers the templates share; `listings` arrives as URLs or as `{ url }` objects. */
const helpers = {
  urlOf: (listing: unknown): string =>
    typeof listing === 'string' ? listing : typeof listing === 'object' && listing && 'url' in listing ? String((listing as { url: unknown }).url) : '',
  list: (value: unknown): unknown[] => (Array.isArray(value) ? value : []),
  date: (iso: unknown): string => (typeof iso === 'string' && iso ? iso.slice(0, 10) : ''),
};

/** Prefixes `[ND-2026-000123]` unless the subject already carries a case tag; one line only. */
export function withCaseTag(subject: string, caseNumber: unknown): string {
  const tagged = typeof caseNumber === 'string' && !CASE_TAG.test(subject) ? `[${caseNumber}] ${subject}` : subject;
  return tagged.replace(/[\r\n]+/g, ' ');
}

function splitSubject(rendered: string): { subject: string; body: string } {
  const match = /^Subject:[ \t]*(.*)\r?\n\r?\n?/.exec(rendered);
  if (!match) throw new UnknownTemplateError('a text template must start with a "Subject:" line');
  return { subject: (match[1] ?? '').trim(), body: rendered.slice(match[0].length) };
}

/**
 * Renders one reply in the sender's language. The subject always carries the
 * case tag `[ND-2026-000123]`: it is how the sender's answer finds its case
 * even when their mail program drops In-Reply-To.
 */
export function renderReply(template: string, vars: object, language: string): RenderedReply {
  if (!/^[a-z][a-z0-9-]*$/.test(template)) throw new UnknownTemplateError(`not a template name: ${template}`);
  const lang = replyLanguage(language);
  const base = join(templates.views, lang, template);
  if (!existsSync(`${base}.txt.eta`) || !existsSync(`${base}.html.eta`)) {
    throw new UnknownTemplateError(`no template ${lang}/${template} (.txt.eta and .html.eta)`);
  }
  const data = { ...helpers, ...vars, language: lang };
  const { subject, body } = splitSubject(templates.text.render(`./${lang}/${template}.txt.eta`, data));
  const html = templates.html.render(`./${lang}/${template}.html.eta`, data);
  return { subject: withCaseTag(subject, (vars as { caseNumber?: unknown }).caseNumber), text: `${body.replace(/\n{3,}/g, '\n\n').trim()}\n`, html };
}
