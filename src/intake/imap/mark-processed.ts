import type { ImapFlow } from 'imapflow';
import type { MailboxUrl } from './mailbox-url.js';
import { uidSet } from './uid-set.js';

/** Keyword set on processed mail, so a person looking at the mailbox sees what was taken in. */
export const PROCESSED_KEYWORD = '$Noticedesk';

export async function prepareProcessedFolder(client: ImapFlow, mailbox: MailboxUrl): Promise<void> {
  if (mailbox.processed.kind !== 'move') return;
  const list = await client.list();
  if (!list.some((entry) => entry.path === mailbox.processed.folder)) await client.mailboxCreate(mailbox.processed.folder);
}

/**
 * Flags or moves a batch of messages with one command. A failure here is only
 * logged: the messages are already stored and processed, and the UID
 * checkpoint (not the flag) is what decides whether they are fetched again.
 */
export async function markProcessed(client: ImapFlow, mailbox: MailboxUrl, uids: readonly number[], log: (line: string) => void): Promise<void> {
  const set = uidSet(uids);
  try {
    if (mailbox.processed.kind === 'move') {
      await client.messageMove(set, mailbox.processed.folder, { uid: true });
      return;
    }
    await client.messageFlagsAdd(set, ['\\Seen', PROCESSED_KEYWORD], { uid: true });
  } catch (error) {
    log(`marking messages ${set} as processed: ${(error as Error).message}`);
  }
}
