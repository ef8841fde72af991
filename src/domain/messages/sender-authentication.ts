/**
 * Whether the receiving mail server vouched for the sender's From domain.
 *
 * Noticedesk does not look up DNS itself: the server that received the mail
 * (Dovecot/Postfix with OpenDMARC, Exchange, Gmail...) writes an
 * Authentication-Results header (RFC 8601) naming itself by its authserv-id.
 * Only headers from an authserv-id the operator configured are believed,
 * because anyone can write such a header into the mail they send. The sender
 * counts as authenticated when DMARC passed for the From domain, or DKIM passed
 * with a signing domain aligned with it (relaxed alignment: the same domain or
 * a parent/child of it).
 */
export interface SenderAuthentication {
  authenticated: boolean;
  /** What was found, in words for the case record. */
  reason: string;
}

interface Result {
  method: string;
  result: string;
  props: Record<string, string>;
}

function parseResults(value: string): { authservId: string; results: Result[] } {
  const [id = '', ...parts] = value.replace(/\([^()]*\)/g, ' ').split(';');
  const authservId = id.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const results = parts.flatMap((part): Result[] => {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    const [head, ...rest] = tokens;
    const m = head ? /^([a-z0-9-]+)=([a-z]+)$/i.exec(head) : null;
    if (!m) return [];
    const props: Record<string, string> = {};
    for (const token of rest) {
      const eq = token.indexOf('=');
      if (eq > 0) props[token.slice(0, eq).toLowerCase()] = token.slice(eq + 1).replace(/^"|"$/g, '').toLowerCase();
    }
    return [{ method: m[1]!.toLowerCase(), result: m[2]!.toLowerCase(), props }];
  });
  return { authservId, results };
}

function aligned(a: string, b: string): boolean {
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

export function authenticateSender(headerValues: readonly string[], fromAddress: string | null, trustedAuthservIds: readonly string[]): SenderAuthentication {
  const domain = fromAddress?.split('@')[1]?.toLowerCase();
  if (!domain) return { authenticated: false, reason: 'the message has no From address' };
  const trusted = trustedAuthservIds.map((id) => id.trim().toLowerCase()).filter(Boolean);
  if (!trusted.length) return { authenticated: false, reason: 'no receiving server is trusted to authenticate senders (NOTICEDESK_AUTHSERV_ID is not set)' };
  let sawTrusted = false;
  for (const value of headerValues) {
    const { authservId, results } = parseResults(value);
    if (!trusted.includes(authservId)) continue;
    sawTrusted = true;
    for (const r of results) {
      if (r.result !== 'pass') continue;
      if (r.method === 'dmarc' && r.props['header.from'] && aligned(r.props['header.from'], domain)) return { authenticated: true, reason: `DMARC passed for ${domain} at ${authservId}` };
      if (r.method === 'dkim' && r.props['header.d'] && aligned(r.props['header.d'], domain)) return { authenticated: true, reason: `DKIM signature of ${r.props['header.d']} passed at ${authservId}` };
    }
  }
  return { authenticated: false, reason: sawTrusted ? `neither DMARC nor an aligned DKIM signature passed for ${domain}` : 'no Authentication-Results from a trusted receiving server' };
}
