import type Mail from 'nodemailer/lib/mailer/index.js';
import type { OutgoingMail } from './mailer.js';

/** Both transports build the same MIME, so a `.eml` in data/outbox/ is what SMTP would have carried. */
export function toNodemailerMessage(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.fromName ? { name: mail.fromName, address: mail.from } : mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo ?? undefined,
    references: mail.references ?? undefined,
    headers: mail.headers,
    // The envelope sender is ours: a bounce comes back to us and is recognised, never answered.
    envelope: { from: mail.from, to: [mail.to] },
  };
}
