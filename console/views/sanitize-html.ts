import { Parser } from 'htmlparser2';

const ALLOWED_TAGS = new Set([
  'a', 'b', 'blockquote', 'br', 'caption', 'code', 'div', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'ol',
  'p', 'pre', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]);
const VOID_TAGS = new Set(['br', 'hr']);
/** Elements dropped together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'title', 'head', 'textarea', 'select']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'colspan', 'rowspan', 'align']);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function safeHref(value: string): string | null {
  const trimmed = value.replace(/[\u0000-\u0020]/g, '');
  return /^(https?:|mailto:)/i.test(trimmed) ? value : null;
}

/**
 * Keeps the readable structure of a notice's HTML part and nothing that can
 * act: no script, style, event handler, form, embedded object or non-http
 * link. The console shows the result only inside a sandboxed frame, under a
 * policy that forbids script anyway; this is the first of those walls.
 */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropDepth > 0 || DROPPED_WITH_CONTENT.has(name)) {
          if (!VOID_TAGS.has(name)) dropDepth += 1;
          return;
        }
        if (!ALLOWED_TAGS.has(name)) return;
        const kept = Object.entries(attributes).flatMap(([key, value]) => {
          if (!ALLOWED_ATTRIBUTES.has(key)) return [];
          if (key === 'href') {
            const href = safeHref(value);
            return href ? [` href="${escapeAttribute(href)}" rel="noopener noreferrer nofollow" target="_blank"`] : [];
          }
          return [` ${key}="${escapeAttribute(value)}"`];
        });
        out.push(`<${name}${kept.join('')}>`);
      },
      ontext(text) {
        if (dropDepth === 0) out.push(escapeText(text));
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          if (!VOID_TAGS.has(name)) dropDepth -= 1;
          return;
        }
        if (ALLOWED_TAGS.has(name) && !VOID_TAGS.has(name)) out.push(`</${name}>`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}

/** The frame document: our own strict policy inside, so even a missed tag cannot load or run anything. */
export function sandboxDocument(html: string): string {
  const policy = "default-src 'none'; img-src data:";
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body>${sanitizeHtml(html)}</body></html>`;
}
