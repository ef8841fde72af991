import type { ReadMessage } from '../messages/read-message.js';
import type { Case } from '../schemas/index.js';

/** Mail providers whose domain says nothing about who the sender works for. */
const PERSONAL_MAIL_DOMAINS = /^(gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|aol|icloud|me|mac|proton|protonmail|pm|gmx|web|mail|yandex|zoho|qq|163|126|yeah|sina|sohu|foxmail|aliyun|naver|daum|hanmail)\./;

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at === -1 ? null : address.slice(at + 1).toLowerCase();
}

/**
 * The address the mail itself was sent from: the From header, or for a
 * forward the colleague who forwarded it. Never Reply-To and never an
 * address quoted in the body: anyone can write those.
 */
export function senderOf(read: ReadMessage): string | null {
  return (read.forwarded?.by?.address ?? read.from?.address)?.toLowerCase() ?? null;
}

/**
 * Whether a message claims to come from the party that filed the case: the
 * same address, or a colleague at the same organisation's own mail domain.
 * Only that party may add to its complaint or withdraw it; anyone else who
 * quotes the case number opens a case of their own, linked to it. The claim
 * is only a claim until the sender is authenticated (see src/domain/messages/sender-authentication.ts).
 */
export function isFromComplainant(c: Case, read: ReadMessage): boolean {
  const filed = c.complainantEmail?.toLowerCase();
  const sender = senderOf(read);
  if (!filed || !sender) return false;
  if (sender === filed) return true;
  const filedDomain = domainOf(filed);
  if (!filedDomain || PERSONAL_MAIL_DOMAINS.test(filedDomain)) return false;
  return domainOf(sender) === filedDomain;
}
