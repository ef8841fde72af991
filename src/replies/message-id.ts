import { randomBytes } from 'node:crypto';

/**
 * A Message-ID on our own domain with the `nd.` prefix that
 * classifyAutomated (src/intake/automated.ts) recognises as ours.
 */
export function makeMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1]?.trim().toLowerCase() || 'noticedesk.localhost';
  return `<nd.${Date.now().toString(36)}.${randomBytes(9).toString('hex')}@${domain}>`;
}
