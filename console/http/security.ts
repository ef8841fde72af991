import { createMiddleware } from 'hono/factory';
import { randomUUID } from 'node:crypto';
import type { ConsoleEnv } from '../deps.js';

/**
 * No inline script or style anywhere, so the policy can forbid them: a
 * hostile notice rendered on a page can never run. Frames only from our own
 * sandboxed `srcdoc` previews.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function securityHeaders(options: { secure: boolean }) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64).replace(/[^\w.-]/g, '') || randomUUID();
    c.set('requestId', requestId);
    await next();
    const h = c.res.headers;
    h.set('x-request-id', requestId);
    // A route that sets a stricter policy (attachment downloads: sandbox) keeps it.
    if (!h.has('content-security-policy')) h.set('content-security-policy', CONTENT_SECURITY_POLICY);
    h.set('x-content-type-options', 'nosniff');
    // Only a same-origin preview of a PDF (sandboxed by its own policy) relaxes DENY.
    if (h.get('x-frame-options') !== 'SAMEORIGIN') h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'same-origin');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', 'same-origin');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (options.secure) h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!h.has('cache-control')) h.set('cache-control', 'no-store');
  });
}

/** The host an Origin header names; null for anything that is not a URL (which is then refused). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** State-changing requests from another site are refused even before CSRF tokens are looked at. */
export function sameOrigin() {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !c.req.path.startsWith('/api/')) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const host = new URL(c.req.url).host;
      const badOrigin = origin && origin !== 'null' && originHost(origin) !== host;
      if (badOrigin || origin === 'null' || site === 'cross-site') return c.text('Cross-site request refused.', 403);
    }
    await next();
  });
}
