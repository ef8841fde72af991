import { isOwnAddress, mailboxKey } from '../domain/messages/mail-addresses.js';
import type { Automated, AutomatedKind } from '../domain/messages/read-message.js';
import type { ReadMessage } from './mime/read-message.js';

export type { Automated, AutomatedKind };

/** Set on every reply we send, so our own mail coming back is never answered. */
export const OWN_MARKER_HEADER = 'x-noticedesk-case';
/** Our Message-IDs look like `<nd.…@our-domain>` (see src/replies/message-id.ts). */
const OWN_MESSAGE_ID = /^<?nd\.[^@\s>]+@([^>\s]+)>?$/i;

const AUTO_SUBJECT = /^\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|abwesenheitsnotiz|automatische antwort|réponse automatique|risposta automatica|respuesta automática|resposta automática|auto:|自动回复|自動回覆|自動応答)|^\s*(自动回复|自動回覆|自動応答)/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT = /(undeliver|nondeliver|non-deliver|not delivered|delayed|delivery (status notification|failure|has failed|delay)|returned mail|failure notice|mail delivery failed|退信|未能送达)/i;
/** Subjects only a mail server writes, whoever it claims to be. */
const SERVER_SUBJECT = /^\s*(undeliverable|undelivered mail|nondeliverable|non-delivery|delivery status notification|mail delivery failed|returned mail)\s*[:(]/i;
/** What an out-of-office body says; read only in short bodies, so a notice quoting one is not taken for it. */
const AWAY_TEXT = /\b(i am|i'm|i will be|i'll be|currently) (currently )?(out of (the )?office|away from (the |my )?(office|desk)|on (annual |parental |sick |maternity |paternity )?leave|on (vacation|holiday)|travell?ing)\b|\bthis is an automat(ed|ic) (reply|response|message)\b|\b(ich bin|bin ich) (derzeit |bis )?[^.\n]{0,40}(abwesend|nicht im büro|im urlaub)|je suis absent|我(目前)?(正在)?休假/i;
const REPORT_TYPES: Record<string, string> = {
  'delivery-status': 'delivery status notification (multipart/report)',
  'disposition-notification': 'read receipt (disposition-notification)',
  'feedback-report': 'abuse feedback report (feedback-report)',
};

function header(read: ReadMessage, name: string): string {
  return (read.headers[name] ?? '').trim();
}

function isNullReturnPath(read: ReadMessage): boolean {
  const value = read.returnPath ?? read.headers['return-path'];
  return value !== undefined && value !== null && /^\s*<?\s*>?\s*$/.test(value);
}

/** The Message-ID of the message a DSN reports on: from its returned headers, else its thread headers. */
function bouncedMessageId(read: ReadMessage): string | null {
  for (const attachment of read.attachments) {
    if (!/^(message\/rfc822|text\/rfc822-headers|message\/global|message\/global-headers)/.test(attachment.contentType)) continue;
    const head = attachment.content.subarray(0, 64 * 1024).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
    const match = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head);
    if (match?.[1]) return match[1];
  }
  const inText = /^\s*message-id:\s*(<[^>\r\n]+>)/im.exec(read.text);
  if (inText?.[1]) return inText[1];
  return read.inReplyTo ?? read.references.at(-1) ?? null;
}

function ownReason(read: ReadMessage, ownAddresses: string[]): string | null {
  const own = ownAddresses.map((a) => a.trim().toLowerCase()).filter(Boolean);
  const from = read.from?.address?.toLowerCase() ?? null;
  if (from && isOwnAddress(from, own)) return `sent from our own address ${from}`;
  const forwarder = read.forwarded?.by?.address ?? null;
  if (forwarder && isOwnAddress(forwarder, own)) return `forwarded from our own address ${forwarder}`;
  if (header(read, OWN_MARKER_HEADER)) return `carries our ${OWN_MARKER_HEADER} header`;
  const loop = header(read, 'x-loop');
  if (loop && loop.split(/[\s,<>]+/).some((part) => isOwnAddress(part, own))) return `X-Loop names our address (${loop})`;
  const domains = new Set(own.map((a) => mailboxKey(a)?.split('@')[1]).filter((d): d is string => !!d));
  const domain = read.messageId ? OWN_MESSAGE_ID.exec(read.messageId)?.[1]?.toLowerCase() : undefined;
  if (domain && domains.has(domain)) return `Message-ID ${read.messageId} is one of ours`;
  return null;
}

function bounceReason(read: ReadMessage): string | null {
  const type = header(read, 'content-type').toLowerCase();
  if (type.startsWith('multipart/report')) {
    const reportType = /report-type="?([a-z-]+)/.exec(type)?.[1] ?? 'unknown';
    return REPORT_TYPES[reportType] ?? `report (multipart/report; report-type=${reportType})`;
  }
  if (isNullReturnPath(read)) return 'null return path (<>)';
  const from = read.from?.address ?? '';
  if (BOUNCE_SENDER.test(from)) return `mail from ${from.split('@')[0]}`;
  if (SERVER_SUBJECT.test(read.subject ?? '')) return `subject "${read.subject}" is a delivery report`;
  if (/^(mailer-daemon|postmaster|mail delivery (subsystem|system))$/i.test(read.from?.name ?? '') && BOUNCE_SUBJECT.test(read.subject ?? '')) {
    return `delivery failure from ${read.from?.name}`;
  }
  return null;
}

function autoReplyReason(read: ReadMessage): string | null {
  const submitted = header(read, 'auto-submitted').toLowerCase();
  if (submitted && submitted !== 'no') return `Auto-Submitted: ${submitted}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autogenerated', 'x-auto-reply-from', 'x-mail-autoreply']) {
    if (header(read, name)) return `${name}: ${header(read, name)}`;
  }
  const suppress = header(read, 'x-auto-response-suppress');
  if (suppress && /\b(all|oof|autoreply)\b/i.test(suppress)) return `X-Auto-Response-Suppress: ${suppress}`;
  if (header(read, 'x-ms-exchange-inbox-rules-loop')) return `sent by a mailbox rule (X-MS-Exchange-Inbox-Rules-Loop)`;
  if (header(read, 'x-ms-exchange-generated-message-source')) return 'generated by Exchange (X-MS-Exchange-Generated-Message-Source)';
  const precedence = (header(read, 'precedence') || header(read, 'x-precedence')).toLowerCase();
  if (/^auto[_-]?reply$/.test(precedence)) return `Precedence: ${precedence}`;
  if (AUTO_SUBJECT.test(read.subject ?? '')) return `subject "${read.subject}" is an automatic reply`;
  if (read.text.length < 2500 && AWAY_TEXT.test(read.text)) return 'the body is an out-of-office message';
  return null;
}

function listReason(read: ReadMessage): string | null {
  for (const name of ['list-id', 'list-unsubscribe', 'list-post', 'list-help', 'mailing-list', 'x-mailing-list']) {
    if (header(read, name)) return `${name} header`;
  }
  const precedence = (header(read, 'precedence') || header(read, 'x-precedence')).toLowerCase();
  if (['bulk', 'list', 'junk'].includes(precedence)) return `Precedence: ${precedence}`;
  return null;
}

/**
 * Recognises mail that must never be answered (RFC 3834 section 2): our own
 * mail, bounces, auto-replies and list or bulk mail. Answering any of them
 * risks a mail loop or turns the desk into a spam source.
 */
export function classifyAutomated(read: ReadMessage, ownAddresses: string[]): Automated {
  const own = ownReason(read, ownAddresses);
  if (own) return { automated: true, kind: 'own', reason: own, bouncedMessageId: null };
  const bounce = bounceReason(read);
  if (bounce) return { automated: true, kind: 'bounce', reason: bounce, bouncedMessageId: bouncedMessageId(read) };
  const auto = autoReplyReason(read);
  if (auto) return { automated: true, kind: 'auto_reply', reason: auto, bouncedMessageId: null };
  const list = listReason(read);
  if (list) return { automated: true, kind: 'list', reason: list, bouncedMessageId: null };
  return { automated: false };
}
