import { z } from 'zod';

/**
 * One mailbox to watch: `imap[s]://user:pass@host[:port]/MAILBOX`, with
 * `?move=FOLDER` to move processed mail there instead of flagging it, and
 * `?idle=0` for servers whose IDLE misbehaves (then it polls).
 */
export const MailboxUrl = z
  .string()
  .url()
  .transform((value, ctx) => {
    const url = new URL(value);
    if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') {
      ctx.addIssue({ code: 'custom', message: 'must start with imap:// or imaps://' });
      return z.NEVER;
    }
    const secure = url.protocol === 'imaps:';
    const mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
    const move = url.searchParams.get('move');
    const port = Number(url.port) || (secure ? 993 : 143);
    const user = decodeURIComponent(url.username);
    return {
      host: url.hostname,
      port,
      secure,
      user,
      pass: decodeURIComponent(url.password),
      mailbox,
      processed: move ? ({ kind: 'move', folder: move } as const) : ({ kind: 'flag' } as const),
      idle: url.searchParams.get('idle') !== '0',
      /** Checkpoint key: the same mailbox under another password is still the same mailbox. */
      key: `${user}@${url.hostname}:${port}/${mailbox}`,
    };
  });
export type MailboxUrl = z.infer<typeof MailboxUrl>;

/** The URL without its password, for logs. */
export function describeMailbox(mailbox: MailboxUrl): string {
  return `${mailbox.secure ? 'imaps' : 'imap'}://${mailbox.key}`;
}
