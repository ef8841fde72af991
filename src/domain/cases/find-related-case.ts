import type { Transaction } from 'kysely';
import type { ReadMessage } from '../messages/read-message.js';
import { findCaseById, findCaseByNumber, findLatestNoticeNaming } from '../../store/repos/cases.js';
import { findCaseIdOfMessageIds } from '../../store/repos/messages.js';
import { findCaseIdByReplyMessageId } from '../../store/repos/outbox.js';
import type { Database } from '../../store/tables.js';
import type { Case, Complaint } from '../schemas/index.js';

const CASE_NUMBER = /\bND-\d{4}-\d{6,}\b/;

export interface RelatedCase {
  case: Case;
  /** How the message was tied to the case, for the case record. */
  via: 'subject_tag' | 'thread_headers' | 'case_number_in_text' | 'listing_url';
}

async function byThreadHeaders(trx: Transaction<Database>, read: ReadMessage): Promise<Case | null> {
  const ids = [read.inReplyTo, ...read.references].filter((id): id is string => !!id);
  if (ids.length === 0) return null;
  const fromReply = await findCaseIdByReplyMessageId(trx, ids);
  if (fromReply) return findCaseById(trx, fromReply);
  const caseId = await findCaseIdOfMessageIds(trx, ids);
  return caseId === null ? null : findCaseById(trx, caseId);
}

/** A counter-notice or withdrawal names the listings of the notice it answers. */
async function byListingUrl(trx: Transaction<Database>, complaint: Complaint): Promise<Case | null> {
  for (const listing of complaint.listings.slice(0, 5)) {
    const id = await findLatestNoticeNaming(trx, listing.url);
    if (id !== null) return findCaseById(trx, id);
  }
  return null;
}

/**
 * Finds the case a message belongs to: our subject tag first (the sender
 * kept our reply's subject), then the thread headers, then a case number
 * quoted in the text; counter-notices and withdrawals also by listing URL.
 */
export async function findRelatedCase(trx: Transaction<Database>, read: ReadMessage, complaint: Complaint): Promise<RelatedCase | null> {
  const tagged = read.subject ? CASE_NUMBER.exec(read.subject)?.[0] : undefined;
  if (tagged) {
    const found = await findCaseByNumber(trx, tagged);
    if (found) return { case: found, via: 'subject_tag' };
  }
  const threaded = await byThreadHeaders(trx, read);
  if (threaded) return { case: threaded, via: 'thread_headers' };
  const quoted = complaint.referencedCase ?? CASE_NUMBER.exec(read.text)?.[0];
  if (quoted) {
    const found = await findCaseByNumber(trx, quoted);
    if (found) return { case: found, via: 'case_number_in_text' };
  }
  if (complaint.kind === 'counter_notice' || complaint.kind === 'retraction') {
    const found = await byListingUrl(trx, complaint);
    if (found) return { case: found, via: 'listing_url' };
  }
  return null;
}
