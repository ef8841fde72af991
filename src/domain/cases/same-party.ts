import type { ReadMessage } from '../../intake/mime/read-message.js';
import type { Case } from '../schemas/index.js';

/** Mail providers whose domain says nothing about who the sender works for. */
const PERSONAL_MAIL_DOMAINS = /^(gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|aol|icloud|me|mac|proton|protonmail|pm|gmx|web|mail|yandex|zoho|qq|163|126|yeah|sina|sohu|foxmail|aliyun|naver|daum|hanmail)\./;

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at === -1 ? null : address.slice(at + 1).toLowerCase();
}

/**
 * Whether a message comes from the party that filed the case: the same
 * address, or a colleague at the same organisation's own mail domain. Only
 * that party may add to its complaint or withdraw it; anyone else who quotes
 * the case number opens a case of their own, linked to it.
 */
export function isFromComplainant(c: Case, read: ReadMessage): boolean {
  const filed = c.complainantEmail?.toLowerCase();
  if (!filed) return false;
  const senders = [read.from?.address, read.replyTo].filter((a): a is string => !!a).map((a) => a.toLowerCase());
  if (senders.includes(filed)) return true;
  const filedDomain = domainOf(filed);
  if (!filedDomain || PERSONAL_MAIL_DOMAINS.test(filedDomain)) return false;
  return senders.some((sender) => domainOf(sender) === filedDomain);
}
