import { z } from 'zod';
import type { Ctx } from '../context.js';
import { greetingName } from '../cases/queue-reply.js';
import { isOwnAddress, singleAddress } from '../messages/mail-addresses.js';
import { appendCaseEvent, findCaseById } from '../../store/repos/cases.js';
import { claimMerchantMail, findMerchantNotice, noteMerchantOutcome } from '../../store/repos/merchant-notices.js';
import { enqueueReply } from '../../store/repos/outbox.js';
import { findStatement } from '../../store/repos/statements.js';
import type { StatementOfReasons } from './statement-of-reasons.js';

/** The reply template (templates/{en,zh}/) that carries the statement to the merchant. */
export const MERCHANT_TEMPLATE = 'statement-of-reasons';
/** The case event written when that mail has actually left; its words are the timeline's. */
export const MERCHANT_MAILED_EVENT = 'statement_of_reasons_mailed_to_the_merchant';

/** What the platform (webhook answer) or the lookup says about the merchant of a listing. */
export const MerchantAnswer = z.object({
  merchant: z
    .object({
      email: z.string().trim().max(254),
      name: z.string().trim().max(200).nullish(),
    })
    .nullish(),
});

/** The merchant named in an answer body, or null when it names none (or is not JSON of that shape). */
export function merchantOf(body: string): { email: string; name: string | null } | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = MerchantAnswer.safeParse(json);
  if (!parsed.success || !parsed.data.merchant) return null;
  return { email: parsed.data.merchant.email, name: parsed.data.merchant.name ?? null };
}

/** Template values: the statement's facts, nothing about the complainant beyond what the statement holds. */
function merchantVars(s: StatementOfReasons, platformName: string | null, merchantName: string | null): Record<string, unknown> {
  return {
    caseNumber: s.caseNumber,
    merchantName: greetingName(merchantName),
    platformName: platformName ?? s.platform,
    listingUrl: s.listingUrl,
    territorialScope: s.restriction.territorialScope,
    right: s.facts.right,
    trustedFlagger: s.facts.source === 'trusted_flagger_notice',
    rightsOwner: s.facts.complainantDisclosed ? s.facts.rightsOwner : null,
    noticeReceivedAt: s.facts.noticeReceivedAt,
    decidedAt: s.facts.decidedAt,
    automatedDetection: s.automated.detection,
    automatedDecision: s.automated.decision,
    law: s.legalGround.law,
    termsClause: s.legalGround.termsClause,
    termsUrl: s.legalGround.termsUrl,
    counterNoticeUrl: s.redress.counterNoticeUrl,
    outOfCourt: s.redress.outOfCourt,
    court: s.redress.court,
    puid: s.puid,
  };
}

export type MerchantMailOutcome = 'queued' | 'already_mailed' | 'unusable_address' | 'no_statement';

/**
 * Queues the statement of reasons for the merchant of one removed listing,
 * in the platform's merchant language, through the reply queue. At most once
 * per statement: the claim on its puid and the queued mail commit together,
 * so a retried webhook answer or a second lookup finds it taken and sends
 * nothing. The case records the queuing now; the timeline says the merchant
 * was mailed only when the send worker has sent it.
 */
export async function mailStatementToMerchant(ctx: Ctx, input: { puid: string; merchant: { email: string; name: string | null }; source: 'webhook' | 'lookup' }): Promise<MerchantMailOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await findStatement(trx, input.puid);
    if (!stored) return 'no_statement';
    const existing = await findMerchantNotice(trx, input.puid);
    if (existing?.outboxId != null) return 'already_mailed';
    const c = await findCaseById(trx, stored.caseId);
    if (!c) return 'no_statement';
    const at = ctx.now().toISOString();
    const to = singleAddress(input.merchant.email);
    if (!to || isOwnAddress(to, ctx.ownAddresses)) {
      if (existing?.status !== 'unusable_address') {
        await noteMerchantOutcome(trx, { puid: input.puid, caseId: c.id, url: stored.statement.listingUrl, status: 'unusable_address', error: 'the merchant address given is not one mailbox we write to', nextAttemptAt: null, source: input.source, at });
        await appendCaseEvent(trx, { caseId: c.id, at, actor: ctx.actor, type: 'merchant_address_unusable', fromStatus: null, toStatus: null, data: { url: stored.statement.listingUrl, source: input.source } });
      }
      return 'unusable_address';
    }
    const profile = ctx.platforms.find((p) => p.id === c.platform);
    const outboxId = await enqueueReply(trx, {
      caseId: c.id,
      kind: MERCHANT_TEMPLATE,
      to,
      template: MERCHANT_TEMPLATE,
      vars: merchantVars(stored.statement, profile?.name ?? null, input.merchant.name),
      language: profile?.dsa?.merchantLanguage ?? 'en',
      inReplyTo: null,
      references: [],
      at,
    });
    if (!(await claimMerchantMail(trx, { puid: input.puid, caseId: c.id, url: stored.statement.listingUrl, email: to, name: input.merchant.name, source: input.source, outboxId, at }))) {
      // Another answer took it between our read and this write: undo our queued mail with the rest of the transaction.
      throw new MerchantAlreadyMailed();
    }
    await appendCaseEvent(trx, { caseId: c.id, at, actor: ctx.actor, type: 'reply_queued', fromStatus: null, toStatus: null, data: { outboxId, template: MERCHANT_TEMPLATE, to, url: stored.statement.listingUrl } });
    return 'queued' as const;
  }).catch((error: unknown) => {
    if (error instanceof MerchantAlreadyMailed) return 'already_mailed' as const;
    throw error;
  });
}

class MerchantAlreadyMailed extends Error {}

/**
 * The platform's 2xx answer to a `listing.remove` event may name the
 * merchant: then the statement that event carried is mailed to them. Any
 * other event or answer does nothing; a repeat answer finds it mailed.
 */
export async function mailMerchantFromWebhookAnswer(ctx: Ctx, delivery: { type: string; body: string }, answer: string): Promise<MerchantMailOutcome | null> {
  if (delivery.type !== 'listing.remove') return null;
  const merchant = merchantOf(answer);
  if (!merchant) return null;
  const event = JSON.parse(delivery.body) as { data?: { statement_of_reasons?: { puid?: unknown } | null } };
  const puid = event.data?.statement_of_reasons?.puid;
  if (typeof puid !== 'string') return null;
  return mailStatementToMerchant(ctx, { puid, merchant, source: 'webhook' });
}
