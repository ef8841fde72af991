import type { ReadMessage } from './read-message.js';

/** Which receiving servers' Authentication-Results headers (RFC 8601) the desk believes. */
export interface MailAuthSettings {
  /** The authserv-id your receiving server writes; headers naming any other id are ignored. */
  trustedAuthservIds: readonly string[];
}

export type SenderCheck =
  | { verified: true; domain: string; method: 'dmarc' | 'dkim' | 'spf'; authservId: string }
  | { verified: false; reason: string };

interface MethodResult {
  method: string;
  result: string;
  props: Record<string, string>;
}

function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Splits one Authentication-Results value into its authserv-id and method results. */
export function parseAuthResults(value: string): { authservId: string; results: MethodResult[] } | null {
  const parts = stripComments(value.slice(0, 16 * 1024)).split(';').map((p) => p.trim()).filter(Boolean);
  const head = parts.shift();
  if (!head) return null;
  const authservId = head.split(/\s+/)[0]?.toLowerCase() ?? '';
  const results: MethodResult[] = [];
  for (const part of parts) {
    const tokens = part.split(/\s+/);
    const first = /^([a-z0-9_-]+)(?:\/[0-9]+)?=([a-z]+)$/i.exec(tokens[0] ?? '');
    if (!first) continue;
    const props: Record<string, string> = {};
    for (const token of tokens.slice(1)) {
      const prop = /^([a-z]+\.[a-z0-9_.-]+)=(.+)$/i.exec(token);
      if (prop) props[prop[1]!.toLowerCase()] = prop[2]!.replace(/^"|"$/g, '').toLowerCase();
    }
    results.push({ method: first[1]!.toLowerCase(), result: first[2]!.toLowerCase(), props });
  }
  return { authservId, results };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase().replace(/\.+$/, '');
}

/** Relaxed alignment (RFC 7489 3.1): the same domain, or one a parent of the other. */
function aligned(fromDomain: string, other: string | undefined): boolean {
  if (!other) return false;
  const d = other.includes('@') ? domainOf(other) : other.replace(/\.+$/, '');
  if (!d.includes('.')) return false;
  return fromDomain === d || fromDomain.endsWith(`.${d}`) || d.endsWith(`.${fromDomain}`);
}

/**
 * Whether the address in the From header is authenticated: the topmost
 * Authentication-Results header written by a trusted receiving server says
 * DMARC passed for that domain, or DKIM or SPF passed for a domain aligned
 * with it. Headers below it, or from other servers, are the sender's own
 * words and count for nothing.
 */
export function checkSender(read: ReadMessage, settings: MailAuthSettings | undefined): SenderCheck {
  const trusted = (settings?.trustedAuthservIds ?? []).map((id) => id.toLowerCase());
  if (trusted.length === 0) return { verified: false, reason: 'no trusted authserv-id is configured (NOTICEDESK_AUTHSERV_ID)' };
  const sender = read.forwarded?.by?.address ?? read.from?.address;
  if (!sender) return { verified: false, reason: 'the message has no From address' };
  const fromDomain = domainOf(sender);
  const header = (read.authResults ?? []).map(parseAuthResults).find((h) => h !== null && trusted.includes(h.authservId));
  if (!header) return { verified: false, reason: 'no Authentication-Results header from a trusted server' };
  const dmarc = header.results.find((r) => r.method === 'dmarc');
  if (dmarc && dmarc.result === 'pass' && (dmarc.props['header.from'] ?? fromDomain) === fromDomain) {
    return { verified: true, domain: fromDomain, method: 'dmarc', authservId: header.authservId };
  }
  // An explicit DMARC failure is the domain owner's own verdict; nothing below overrules it.
  if (!dmarc || dmarc.result === 'none') {
    for (const r of header.results) {
      if (r.result !== 'pass') continue;
      if (r.method === 'dkim' && aligned(fromDomain, r.props['header.d'] ?? r.props['header.i'])) {
        return { verified: true, domain: fromDomain, method: 'dkim', authservId: header.authservId };
      }
      if (r.method === 'spf' && aligned(fromDomain, r.props['smtp.mailfrom'])) {
        return { verified: true, domain: fromDomain, method: 'spf', authservId: header.authservId };
      }
    }
  }
  const summary = header.results.map((r) => `${r.method}=${r.result}`).join(', ') || 'no results';
  return { verified: false, reason: `${header.authservId} did not authenticate ${fromDomain} (${summary})` };
}
