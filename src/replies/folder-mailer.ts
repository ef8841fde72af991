import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SendError, type Mailer, type OutgoingMail } from './mailer.js';
import { toNodemailerMessage } from './nodemailer-message.js';

/** One file per Message-ID: writing the same reply twice leaves one file. */
function fileName(messageId: string): string {
  return `${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}.eml`;
}

/**
 * Writes replies as `.eml` files to `dir` (data/outbox/) when no SMTP server
 * is configured. The file appears under its final name only when complete.
 */
export function createFolderMailer(dir: string): Mailer {
  mkdirSync(dir, { recursive: true });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail: OutgoingMail) {
      const target = join(dir, fileName(mail.messageId));
      if (existsSync(target)) return;
      try {
        const info = await transport.sendMail(toNodemailerMessage(mail));
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, info.message as Buffer);
        renameSync(temporary, target);
      } catch (error) {
        throw new SendError(`writing ${target}: ${(error as Error).message}`, 'retry');
      }
    },
    wasSent: async (messageId) => existsSync(join(dir, fileName(messageId))),
    close: async () => undefined,
  };
}
