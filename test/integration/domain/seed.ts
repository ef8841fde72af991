import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../src/domain/context.js';
import { changeCase } from '../../../src/domain/cases/change-case.js';
import { openCase } from '../../../src/domain/cases/open-case.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import type { Case, CaseStatus, Complaint, Listing } from '../../../src/domain/schemas/index.js';
import { makeComplaint } from '../../support/builders.js';

export function listing(url: string, valid = true): Listing {
  return { url, platform: 'aliexpress', kind: 'listing', valid, problem: valid ? null : 'search page', evidence: null };
}

export const REVIEWER = { type: 'user', id: 'rita@desk.test', name: 'Rita Reviewer' } as const;

/** A case stored the way intake leaves it: a message with a Message-ID, the case, then the status asked for. */
export async function seedCase(ctx: Ctx, options: { status?: CaseStatus; complaint?: Partial<Complaint>; parentCaseId?: number } = {}): Promise<Case> {
  const messageId = `<${randomUUID()}@sender.test>`;
  const raw = new TextEncoder().encode(`Message-ID: ${messageId}\r\nSubject: notice\r\n\r\n${randomUUID()}`);
  const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
  const complaint = makeComplaint({
    platform: 'aliexpress',
    listings: [listing('https://www.aliexpress.com/item/1.html'), listing('https://www.aliexpress.com/item/2.html'), listing('https://www.aliexpress.com/item/3.html')],
    ...options.complaint,
  });
  return ctx.db.transaction().execute(async (trx) => {
    const opened = await openCase(trx, ctx, { complaint, findings: [], messageId: message.id, parentCaseId: options.parentCaseId ?? null });
    const status = options.status ?? 'in_review';
    if (status === 'received') return opened;
    return changeCase(trx, ctx, opened, { to: status, event: { type: 'checked' } });
  });
}
