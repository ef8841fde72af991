import type { WebhookEndpoint } from './record-events.js';

/**
 * Pairs the configured URLs with their secrets: one secret for every URL, or
 * one per URL in the same order. Anything else is a configuration error.
 */
export function pairWebhookEndpoints(urls: readonly string[], secrets: readonly string[]): WebhookEndpoint[] {
  if (urls.length === 0) {
    if (secrets.length > 0) throw new Error('NOTICEDESK_WEBHOOK_SECRET is set but NOTICEDESK_WEBHOOK_URL is not');
    return [];
  }
  if (secrets.length !== 1 && secrets.length !== urls.length) {
    throw new Error(`NOTICEDESK_WEBHOOK_SECRET must hold one secret, or one per URL (${urls.length}); it holds ${secrets.length}`);
  }
  return urls.map((url, i) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`NOTICEDESK_WEBHOOK_URL: not a URL: ${url}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`NOTICEDESK_WEBHOOK_URL: not http(s): ${url}`);
    const secret = secrets.length === 1 ? secrets[0]! : secrets[i]!;
    if (secret.length < 16) throw new Error('NOTICEDESK_WEBHOOK_SECRET: each secret must be at least 16 characters');
    return { url, secret };
  });
}
