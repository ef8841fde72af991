import nodemailer from 'nodemailer';
import { SendError, type Mailer, type OutgoingMail, type SendFailure } from './mailer.js';
import { toNodemailerMessage } from './nodemailer-message.js';

/** SMTP commands after which the server may already hold the message. */
const ON_THE_WIRE = new Set(['DATA', 'BDAT', 'DATA END']);

function classify(error: { responseCode?: number; command?: string; code?: string }): SendFailure {
  if (typeof error.responseCode === 'number') return error.responseCode >= 500 ? 'permanent' : 'retry';
  if (error.command && ON_THE_WIRE.has(error.command.toUpperCase())) return 'unknown';
  if (error.code === 'EMESSAGE') return 'permanent';
  return 'retry';
}

/**
 * `smtp://[user:pass@]host:port` (plain, no STARTTLS upgrade forced) or
 * `smtps://` (TLS from the start).
 */
export function createSmtpMailer(smtpUrl: string): Mailer {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 25),
    secure,
    ignoreTLS: !secure,
    // Replies to different recipients leave side by side (see sendQueuedReplies), each connection reused.
    pool: true,
    maxConnections: 4,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  });
  return {
    async send(mail: OutgoingMail) {
      try {
        await transport.sendMail(toNodemailerMessage(mail));
      } catch (error) {
        const e = error as Error & { responseCode?: number; command?: string; code?: string };
        throw new SendError(`SMTP ${e.command ?? ''} ${e.responseCode ?? e.code ?? ''}: ${e.message}`.replace(/\s+/g, ' '), classify(e));
      }
    },
    wasSent: async () => null,
    close: async () => transport.close(),
  };
}
