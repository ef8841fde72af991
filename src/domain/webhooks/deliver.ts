import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open.js';
import { claimDelivery, listDueDeliveries, settleDelivery } from '../../store/repos/webhooks.js';
import type { WebhookDeliveryRow } from '../../store/tables.js';
import type { WebhookEndpoint } from './record-events.js';
import { signWebhook } from './signature.js';

export interface DeliveryOptions {
  db: Db;
  endpoints: readonly WebhookEndpoint[];
  now: () => Date;
  /** First retry delay; each next one doubles up to `maxDelayMs`, with jitter. */
  retryBaseMs: number;
  maxDelayMs?: number;
  /** Retries stop this long after the event was recorded; the row is then marked failed. */
  retryForMs: number;
  timeoutMs: number;
  /** Identifies this process in the lease; unique per process. */
  holder?: string;
  random?: () => number;
  log?: (line: string) => void;
  /**
   * Called with a 2xx answer's body before the row is marked delivered; when
   * it throws, the row is retried (the platform answers again), so what it
   * does must be safe to repeat.
   */
  onAnswer?: (row: WebhookDeliveryRow, body: string) => Promise<void>;
}

/** Longest answer body read from an endpoint; the rest is dropped. */
const MAX_ANSWER_CHARS = 65_536;

/** Delay before attempt `attempts + 1`: exponential, capped, with the top half randomised so retries spread out. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

async function post(row: WebhookDeliveryRow, secret: string, now: Date, timeoutMs: number): Promise<{ error: string } | { error: null; answer: string }> {
  try {
    const response = await fetch(row.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Noticedesk-Webhooks/1', 'noticedesk-signature': signWebhook(secret, row.body, now) },
      body: row.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => {});
      return { error: `HTTP ${response.status}` };
    }
    const answer = await response.text().catch(() => '');
    return { error: null, answer: answer.slice(0, MAX_ANSWER_CHARS) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/**
 * Sends every due row once: claims it under a lease (so another instance on
 * the same database skips it), posts it signed, and records the outcome. A
 * row whose process died mid-send is taken up again when its lease expires:
 * delivery is at least once, with the same event id every time.
 */
export async function deliverDueWebhooks(options: DeliveryOptions, limit = 20): Promise<{ delivered: number; failed: number }> {
  const holder = options.holder ?? `pid-${process.pid}-${randomUUID()}`;
  const random = options.random ?? Math.random;
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;
  const leaseMs = options.timeoutMs * 2 + 5_000;
  const secrets = new Map(options.endpoints.map((e) => [e.url, e.secret]));
  let delivered = 0;
  let failed = 0;
  const startIso = options.now().toISOString();
  for (const row of await listDueDeliveries(options.db, startIso, limit)) {
    const now = options.now();
    if (!(await claimDelivery(options.db, row, holder, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString()))) continue;
    const secret = secrets.get(row.endpoint);
    const result = secret ? await post(row, secret, now, options.timeoutMs) : { error: 'this endpoint is no longer configured' };
    let error = result.error;
    if (result.error === null && options.onAnswer) {
      error = await options.onAnswer(row, result.answer).then(
        () => null,
        (failure: unknown) => `handling the answer: ${(failure as Error).message}`,
      );
    }
    const after = options.now();
    if (error === null) {
      await settleDelivery(options.db, row.id, holder, { status: 'delivered', error: null, deliveredAt: after.toISOString() });
      delivered += 1;
      continue;
    }
    failed += 1;
    const next = new Date(after.getTime() + retryDelayMs(row.attempts + 1, options.retryBaseMs, maxDelayMs, random));
    const giveUp = next.getTime() > Date.parse(row.created_at) + options.retryForMs;
    await settleDelivery(options.db, row.id, holder, giveUp ? { status: 'failed', error } : { status: 'pending', error, nextAttemptAt: next.toISOString() });
    options.log?.(`webhook ${row.type} ${row.event_id} to ${row.endpoint}: ${error}${giveUp ? ' (gave up; retry it from /admin/webhooks)' : ''}`);
  }
  return { delivered, failed };
}

/** Runs `deliverDueWebhooks` every `intervalMs` until stopped; a round in hand finishes first. */
export function startWebhookWorker(options: DeliveryOptions, intervalMs = 1_000): { stop(): Promise<void> } {
  const holder = options.holder ?? `pid-${process.pid}-${randomUUID()}`;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = deliverDueWebhooks({ ...options, holder })
      .catch((error) => options.log?.(`webhook delivery: ${(error as Error).message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
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
