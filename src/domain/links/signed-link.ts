import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links: a token that names one case, one purpose and an expiry,
 * signed with HMAC-SHA256 under the desk's link secret. Whoever holds the
 * token may do what its purpose allows on that one case until it expires;
 * nothing in it can be guessed from a case number, and a token made for one
 * purpose (say, reading the status page) is refused for any other.
 *
 * Format: `<payload>.<mac>`, both base64url; the payload is JSON
 * `{ v, p, c, e, x? }` (version, purpose, case id, expiry in Unix seconds,
 * optional extra string such as the id of a held change).
 */

/** What a token may be used for. Add a purpose here before minting tokens for it. */
export const LINK_PURPOSES = ['status', 'confirm_change', 'counter_notice'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
  purpose: LinkPurpose;
  caseId: number;
  expiresAt: Date;
  extra?: string;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  /** `invalid`: malformed, tampered, signed with another secret or made for another purpose. */
  | { ok: false; reason: 'invalid' }
  /** Genuine and for this purpose, but past its expiry (reported only after the signature checked out). */
  | { ok: false; reason: 'expired'; claims: LinkClaims };

const VERSION = 1;
/** Secrets shorter than this are refused: a short key makes the MAC guessable offline. */
export const MIN_LINK_SECRET_BYTES = 32;
/** Tokens longer than this are refused before any work is done on them. */
const MAX_TOKEN_LENGTH = 2048;
const MAX_EXTRA_LENGTH = 200;

export class LinkSecretError extends Error {}

function toKey(secret: string | Uint8Array): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < MIN_LINK_SECRET_BYTES) {
    throw new LinkSecretError(`the link secret must be at least ${MIN_LINK_SECRET_BYTES} bytes long`);
  }
  return key;
}

function mac(key: Buffer, payload: string): Buffer {
  // The domain label keeps these MACs apart from any other use of the same key.
  return createHmac('sha256', key).update(`noticedesk-link.v${VERSION}.${payload}`).digest();
}

export function signLink(secret: string | Uint8Array, claims: LinkClaims): string {
  if (!LINK_PURPOSES.includes(claims.purpose)) throw new Error(`unknown link purpose: ${claims.purpose}`);
  if (!Number.isSafeInteger(claims.caseId) || claims.caseId <= 0) throw new Error('a link names a positive case id');
  if (claims.extra !== undefined && claims.extra.length > MAX_EXTRA_LENGTH) throw new Error('link extra too long');
  const body: Record<string, unknown> = {
    v: VERSION,
    p: claims.purpose,
    c: claims.caseId,
    e: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  if (claims.extra !== undefined) body.x = claims.extra;
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payload}.${mac(toKey(secret), payload).toString('base64url')}`;
}

function readClaims(payload: string): LinkClaims | null {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { v, p, c, e, x } = body as Record<string, unknown>;
  if (v !== VERSION || !LINK_PURPOSES.includes(p as LinkPurpose)) return null;
  if (typeof c !== 'number' || !Number.isSafeInteger(c) || c <= 0) return null;
  if (typeof e !== 'number' || !Number.isSafeInteger(e)) return null;
  if (x !== undefined && typeof x !== 'string') return null;
  return { purpose: p as LinkPurpose, caseId: c, expiresAt: new Date(e * 1000), ...(x === undefined ? {} : { extra: x }) };
}

/**
 * Checks a token for one purpose. The signature is compared in constant time
 * before anything in the payload is believed.
 */
export function verifyLink(secret: string | Uint8Array, token: string, purpose: LinkPurpose, now: Date): LinkCheck {
  const key = toKey(secret);
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) {
    return { ok: false, reason: 'invalid' };
  }
  const [payload, given] = parts as [string, string];
  const expected = mac(key, payload);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'invalid' };
  // Only the one spelling the desk writes: a last character differing in its unused bits decodes to the same
  // bytes, and such a second spelling of a valid token is refused rather than accepted.
  if (actual.toString('base64url') !== given) return { ok: false, reason: 'invalid' };
  const claims = readClaims(payload);
  if (!claims || claims.purpose !== purpose) return { ok: false, reason: 'invalid' };
  if (claims.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}
