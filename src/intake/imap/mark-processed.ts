import type { ImapFlow } from 'imapflow';
import type { MailboxUrl } from './mailbox-url.js';

/** Keyword set on processed mail, so a person looking at the mailbox sees what was taken in. */
export const PROCESSED_KEYWORD = '$Noticedesk';

export async function prepareProcessedFolder(client: ImapFlow, mailbox: MailboxUrl): Promise<void> {
  if (mailbox.processed.kind !== 'move') return;
  const list = await client.list();
  if (!list.some((entry) => entry.path === mailbox.processed.folder)) await client.mailboxCreate(mailbox.processed.folder);
}

/**
 * Flags or moves one message. A failure here is only logged: the message is
 * already stored and processed, and the UID checkpoint (not the flag) is what
 * decides whether it is fetched again.
 */
export async function markProcessed(client: ImapFlow, mailbox: MailboxUrl, uid: number, log: (line: string) => void): Promise<void> {
  try {
    if (mailbox.processed.kind === 'move') {
      await client.messageMove(String(uid), mailbox.processed.folder, { uid: true });
      return;
    }
    await client.messageFlagsAdd(String(uid), ['\\Seen', PROCESSED_KEYWORD], { uid: true });
  } catch (error) {
    log(`marking message ${uid} as processed: ${(error as Error).message}`);
  }
}
