import type { Ctx } from '../context.js';
import { appendCaseEvent, findCaseById } from '../../store/repos/cases.js';
import { listLookupsDue, noteMerchantOutcome } from '../../store/repos/merchant-notices.js';
import { mailStatementToMerchant, merchantOf } from './mail-merchant.js';

export interface MerchantLookupSettings {
  /** The platform's endpoint that names the merchant of a listing. */
  url: string;
  method: 'GET' | 'POST';
  timeoutMs: number;
}

/** 30 s, then doubling, at most 6 h between two attempts. */
export function lookupRetryMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

type LookupAnswer = { kind: 'merchant'; email: string; name: string | null } | { kind: 'none' } | { kind: 'failed'; error: string };

/**
 * Asks the lookup endpoint for the merchant of one listing. GET sends
 * `?url=&platform=&case_number=`; POST sends the same as JSON. A 2xx naming a
 * merchant, or a 2xx / 404 naming none, is an answer; anything else fails.
 */
export async function askLookup(settings: MerchantLookupSettings, query: { url: string; platform: string | null; caseNumber: string }): Promise<LookupAnswer> {
  const params = { url: query.url, platform: query.platform ?? '', case_number: query.caseNumber };
  const target = new URL(settings.url);
  if (settings.method === 'GET') for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  try {
    const response = await fetch(target, {
      method: settings.method,
      headers: { accept: 'application/json', 'user-agent': 'Noticedesk-Merchant-Lookup/1', ...(settings.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: settings.method === 'POST' ? JSON.stringify(params) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = (await response.text()).slice(0, 65_536);
    if (response.status === 404) return { kind: 'none' };
    if (response.status < 200 || response.status >= 300) return { kind: 'failed', error: `HTTP ${response.status}` };
    const merchant = merchantOf(text);
    if (merchant) return { kind: 'merchant', ...merchant };
    try {
      const json = JSON.parse(text) as { merchant?: unknown };
      if (json && typeof json === 'object' && (json.merchant === null || !('merchant' in json))) return { kind: 'none' };
    } catch {
      // falls through: not JSON
    }
    return { kind: 'failed', error: 'the answer is not {"merchant":{"email":...,"name":...}} or {"merchant":null}' };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'failed', error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/**
 * Looks up the merchant of every statement not yet mailed and due: a merchant
 * found is mailed once (see `mailStatementToMerchant`), none found is noted on
 * the case, a failure is kept with its error and tried again later (the
 * first failure is also a case event, so the case shows it).
 */
export async function lookUpDueMerchants(ctx: Ctx, settings: MerchantLookupSettings, limit = 20): Promise<{ mailed: number; none: number; failed: number }> {
  const summary = { mailed: 0, none: 0, failed: 0 };
  for (const due of await listLookupsDue(ctx.db, ctx.now().toISOString(), limit)) {
    const c = await findCaseById(ctx.db, due.caseId);
    if (!c) continue;
    const answer = await askLookup(settings, { url: due.url, platform: c.platform, caseNumber: c.number });
    const at = ctx.now().toISOString();
    if (answer.kind === 'merchant') {
      const outcome = await mailStatementToMerchant(ctx, { puid: due.puid, merchant: { email: answer.email, name: answer.name }, source: 'lookup' });
      if (outcome === 'queued') summary.mailed += 1;
      continue;
    }
    await ctx.db.transaction().execute(async (trx) => {
      if (answer.kind === 'none') {
        await noteMerchantOutcome(trx, { puid: due.puid, caseId: c.id, url: due.url, status: 'no_merchant', error: null, nextAttemptAt: null, source: 'lookup', at });
        await appendCaseEvent(trx, { caseId: c.id, at, actor: ctx.actor, type: 'merchant_lookup_found_no_merchant', fromStatus: null, toStatus: null, data: { url: due.url } });
        return;
      }
      const attempts = due.attempts + 1;
      await noteMerchantOutcome(trx, { puid: due.puid, caseId: c.id, url: due.url, status: 'lookup_failed', error: answer.error, nextAttemptAt: new Date(Date.parse(at) + lookupRetryMs(attempts)).toISOString(), source: 'lookup', at });
      if (attempts === 1) await appendCaseEvent(trx, { caseId: c.id, at, actor: ctx.actor, type: 'merchant_lookup_failed', fromStatus: null, toStatus: null, data: { url: due.url, error: answer.error, retried: 'yes' } });
    });
    if (answer.kind === 'none') summary.none += 1;
    else summary.failed += 1;
  }
  return summary;
}

/** Runs `lookUpDueMerchants` every `intervalMs` until stopped; a round in hand finishes first. */
export function startMerchantLookup(ctx: () => Ctx, settings: MerchantLookupSettings, options: { intervalMs?: number; log?: (line: string) => void } = {}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = lookUpDueMerchants(ctx(), settings)
      .then((s) => {
        if (s.failed) options.log?.(`merchant lookup: ${s.failed} failed, tried again later`);
      })
      .catch((error) => options.log?.(`merchant lookup: ${(error as Error).message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 5_000);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
