import type { webApi } from '@slack/bolt';

/** The metadata type every case message carries, so the channel can be asked which case a message stands for. */
export const CASE_POST_EVENT = 'noticedesk_case_posted';

const PAGES = 10;
const PAGE_SIZE = 200;

/**
 * Looks through the channel's recent messages (newest first) for the one posted
 * for this case; returns its `ts`, or null when there is none. Needs the
 * `channels:history` scope (`groups:history` for a private channel).
 */
export async function findCasePostInChannel(client: webApi.WebClient, channel: string, caseId: number): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const answer = await client.conversations.history({ channel, limit: PAGE_SIZE, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
    for (const message of answer.messages ?? []) {
      const metadata = message.metadata as { event_type?: string; event_payload?: { case_id?: unknown } } | undefined;
      if (metadata?.event_type === CASE_POST_EVENT && Number(metadata.event_payload?.case_id) === caseId && message.ts) return message.ts;
    }
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor || !answer.has_more) return null;
  }
  return null;
}
