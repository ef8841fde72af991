import type { ReadMessage } from '../../intake/mime/read-message.js';
import type { Case } from '../schemas/index.js';

/** Mail providers whose domain says nothing about who the sender works for. */
const PERSONAL_MAIL_DOMAINS = /^(gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|aol|icloud|me|mac|proton|protonmail|pm|gmx|web|mail|yandex|zoho|qq|163|126|yeah|sina|sohu|foxmail|aliyun|naver|daum|hanmail)\./;

function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at === -1 ? null : address.slice(at + 1).toLowerCase();
}

/**
 * Whether a message says it comes from the party that filed the case: the
 * same From address, or a colleague at the same organisation's own mail
 * domain. Only that party may add to its complaint or withdraw it; anyone else
 * who quotes the case number opens a case of their own, linked to it. What
 * the From header says is only a claim: a withdrawal or new listings also need
 * the sender authenticated (see sender-authentication.ts).
 */
export function isFromComplainant(c: Case, read: ReadMessage): boolean {
  const filed = c.complainantEmail?.toLowerCase();
  if (!filed) return false;
  // The From address only: Reply-To is whatever the sender chose to write, and says nothing of who sent the mail.
  const sender = read.from?.address?.toLowerCase();
  if (!sender) return false;
  if (sender === filed) return true;
  const filedDomain = domainOf(filed);
  if (!filedDomain || PERSONAL_MAIL_DOMAINS.test(filedDomain)) return false;
  return domainOf(sender) === filedDomain;
}
