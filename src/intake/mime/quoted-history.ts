/**
 * Finds where a sender's answer starts quoting one of our own messages, so
 * that only what the sender wrote is read. Our deficiency reply spells out
 * the statements a notice must contain; read as part of the answer, the
 * quotation would make a notice look complete when the sender added nothing.
 */

/** Header lines mail clients put above quoted history. */
const QUOTE_HEADERS: RegExp[] = [
  // Gmail, Apple Mail, Thunderbird: "On <date>, <name> <address> wrote:" (possibly wrapped over two lines).
  /^[ \t]*On\b[^\n]{0,300}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$/gim,
  /^[ \t]*(?:Am|Le|El|Il|Op)\b[^\n]{0,300}(?:\n[^\n]{0,120})?\b(?:schrieb|a écrit|escribió|ha scritto|schreef)[^\n]{0,20}:[ \t]*$/gim,
  /^[ \t]*在[^\n]{0,200}写道[:：][ \t]*$/gim,
  // Outlook and others: a separator line, then From: ...
  /^[ \t]*-{2,}[ \t]*(?:Original Message|Reply message|原始邮件|原始郵件)[ \t]*-{2,}[ \t]*$/gim,
  /^[ \t]*_{8,}[ \t]*$/gm,
  // Outlook without a separator: a From: line after a blank line, followed by Sent/Date.
  /^(?:From|发件人|寄件者):[^\n]*\n(?:(?:Sent|Date|发送时间|日期|To|收件人):[^\n]*\n)/gim,
];

function mentionsOwnAddress(text: string, ownAddresses: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return ownAddresses.some((address) => address && lower.includes(address.toLowerCase()));
}

/**
 * Returns the text up to the first quotation of one of our own messages (by
 * our address in its header block); the text is unchanged when there is none.
 */
export function stripOwnQuotedHistory(text: string, ownAddresses: readonly string[]): { text: string; quoted: string | null } {
  let cut = -1;
  for (const pattern of QUOTE_HEADERS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      // The quoted message's own header block: the matched line and the few after it.
      const block = text.slice(match.index, match.index + match[0].length + 400);
      if (mentionsOwnAddress(block, ownAddresses)) {
        if (cut === -1 || match.index < cut) cut = match.index;
        break;
      }
    }
  }
  if (cut === -1) return { text, quoted: null };
  return { text: text.slice(0, cut).trimEnd(), quoted: text.slice(cut) };
}
