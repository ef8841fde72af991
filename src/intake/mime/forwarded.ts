/** The sender named in a forwarded block: the rights owner, not the colleague who forwarded it. */
export interface ForwardedOriginal {
  from: { name: string | null; address: string | null };
  subject: string | null;
  date: string | null;
  /** The forwarded text, header block removed. */
  text: string;
  /** What the forwarder wrote above the block ("FYI, please handle"). */
  note: string;
}

const FORWARD_MARKER = /^[ \t>]*-{2,}\s*(forwarded message|original message|转发的邮件|转发邮件信息|原始邮件|轉寄的郵件|転送されたメッセージ)\s*-{2,}[ \t]*$/im;
/** Thunderbird and Apple Mail write the marker differently. */
const LOOSE_MARKER = /^[ \t>]*(-{3,}\s*)?(begin forwarded message:|-------- forwarded message --------)[ \t]*$/im;
const FORWARD_SUBJECT = /^\s*(fwd?|fw|tr|wg|转发|轉寄|転送)\s*[:：]/i;
const HEADER_LINE = /^[ \t>]*(from|von|de|发件人|寄件者|差出人|sent|date|gesendet|datum|发送时间|日期|to|an|à|收件人|cc|抄送|subject|betreff|objet|主题|主旨|件名)\s*[:：]\s*(.*)$/i;

function parseAddress(value: string): { name: string | null; address: string | null } {
  const angle = /^\s*"?([^"<]*?)"?\s*[<\[]\s*(?:mailto:)?([^\s<>\[\]]+@[^\s<>\[\]]+)\s*[>\]]/.exec(value);
  if (angle) return { name: angle[1]?.trim() || null, address: angle[2]?.toLowerCase() ?? null };
  const bare = /([^\s<>()"]+@[^\s<>()"]+\.[a-z]{2,})/i.exec(value);
  const address = bare?.[1]?.toLowerCase() ?? null;
  const name = value.replace(bare?.[1] ?? '', '').replace(/[<>()"\[\]]|mailto:/g, '').trim();
  return { name: name || null, address };
}

function fieldName(label: string): 'from' | 'date' | 'subject' | 'other' {
  const l = label.toLowerCase();
  if (['from', 'von', 'de', '发件人', '寄件者', '差出人'].includes(l)) return 'from';
  if (['sent', 'date', 'gesendet', 'datum', '发送时间', '日期'].includes(l)) return 'date';
  if (['subject', 'betreff', 'objet', '主题', '主旨', '件名'].includes(l)) return 'subject';
  return 'other';
}

/**
 * Finds an inline forward ("---------- Forwarded message ----------" from
 * Gmail, "-----Original Message-----" from Outlook, their Chinese and
 * Japanese forms). Outlook writes the same marker when quoting a reply, so
 * that marker counts only when the subject says the mail is a forward.
 */
export function findInlineForward(text: string, subject: string | null): ForwardedOriginal | null {
  const marker = FORWARD_MARKER.exec(text) ?? LOOSE_MARKER.exec(text);
  if (!marker) return null;
  const isOriginalMessage = /original message|原始邮件/i.test(marker[0]);
  if (isOriginalMessage && !FORWARD_SUBJECT.test(subject ?? '')) return null;
  const lines = text.slice(marker.index + marker[0].length).replace(/^\r?\n/, '').split(/\r?\n/);
  const found: { from?: string; date?: string; subject?: string } = {};
  let index = 0;
  for (; index < lines.length && index < 20; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '' && Object.keys(found).length > 0) break;
    const header = HEADER_LINE.exec(line);
    if (!header) {
      if (line.trim() === '') continue;
      break;
    }
    const field = fieldName(header[1] ?? '');
    if (field !== 'other') found[field] = (header[2] ?? '').trim();
  }
  if (!found.from) return null;
  const from = parseAddress(found.from);
  if (!from.address) return null;
  const body = lines.slice(index).map((line) => line.replace(/^> ?/, '')).join('\n').trim();
  return {
    from,
    subject: found.subject ?? null,
    date: found.date ?? null,
    text: body,
    note: text.slice(0, marker.index).trim(),
  };
}
