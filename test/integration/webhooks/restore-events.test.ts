import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import type { CounterNoticeCtx } from '../../../src/domain/counter-notices/business-days.js';
import { decideDispute } from '../../../src/domain/counter-notices/decide-dispute.js';
import { forwardCounterNotice } from '../../../src/domain/counter-notices/forward-counter-notice.js';
import { reinstateOverdue } from '../../../src/domain/counter-notices/reinstate-overdue.js';
import { rejectCounterNotice } from '../../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../../src/domain/counter-notices/withdraw-complaint.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { SYSTEM, type Case } from '../../../src/domain/schemas/index.js';
import { deliverDueWebhooks } from '../../../src/domain/webhooks/deliver.js';
import { verifyWebhookSignature } from '../../../src/domain/webhooks/signature.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { findCaseById } from '../../../src/store/repos/cases.js';
import { listListingDecisions } from '../../../src/store/repos/listing-decisions.js';
import type { Db } from '../../../src/store/open.js';
import { authPass, openTestDb, testCtx } from '../../support/store.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { startWebhookReceiver, type ReceivedWebhook } from '../../support/webhook-receiver.js';
import { REVIEWER } from '../domain/seed.js';

const SECRET = 'platform-webhook-secret-0123456789';

/** What a merchant writes back on a code host: the 512(g)(3) statements, signed. */
function counterNoticeBody(caseNumber: string, url: string): string {
  return [
    `Counter-notice about ${caseNumber}.`,
    `The repository ${url} was disabled.`,
    'I swear, under penalty of perjury, that I have a good faith belief that the material was removed or disabled as a result of a mistake or misidentification.',
    'I consent to the jurisdiction of the Federal District Court for the judicial district in which my address is located, and I will accept service of process from the person who provided the notification.',
    'Lee Chan, 12 Harbour Road, Hong Kong, +852 5555 0100, lee@merchant.example',
    '/s/ Lee Chan',
  ].join('\n\n');
}

describe('listing.restore and counter_notice.received events', () => {
  let db: Db;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let clock = new Date('2026-03-06T15:00:00Z');
  let ctx: CounterNoticeCtx;
  let seq = 0;

  beforeAll(async () => {
    db = await openTestDb();
    receiver = await startWebhookReceiver();
    const base = testCtx(db, { now: () => clock, platforms: await loadPlatforms('data/platforms') });
    ctx = { ...makeCtx({ ...base, webhooks: { endpoints: [{ url: receiver.url, secret: SECRET }] } }, REVIEWER), counterNotice: { businessDays: 3, holidays: [] } };
  });
  afterAll(async () => {
    await receiver.close();
    await db.destroy();
  });

  async function deliver(raw: Uint8Array): Promise<Case> {
    const intake = makeCtx(ctx, SYSTEM);
    const { message } = await receiveMessage(intake, { channel: 'email', raw, origin: 'test' });
    const outcome = await processMessage(intake, message.id);
    if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
    return outcome.case;
  }

  /** A DMCA notice by email for two repositories, accepted for both. */
  async function acceptedNotice(): Promise<{ notice: Case; urls: string[] }> {
    clock = new Date('2026-03-06T15:00:00Z');
    const n = ++seq;
    const urls = [`https://github.com/copycat/engine-${n}`, `https://github.com/copycat/tools-${n}`];
    const notice = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: `<restore-${n}@orbit-labs.example>`, body: makeDmcaBody({ urls }) }));
    await acceptCase(ctx, { caseNumber: notice.number });
    return { notice, urls };
  }

  /** Sends what is due and returns the events of one case, checking every signature. */
  async function eventsOf(caseNumber: string, type: string): Promise<ReceivedWebhook['event'][]> {
    const before = receiver.received.length;
    await deliverDueWebhooks({ db, endpoints: [{ url: receiver.url, secret: SECRET }], now: () => clock, retryBaseMs: 1_000, retryForMs: 24 * 3_600_000, timeoutMs: 5_000 });
    // Signed when sent, at the desk's clock.
    for (const hook of receiver.received.slice(before)) expect(verifyWebhookSignature(SECRET, hook.body, hook.signature!, clock)).toBe(true);
    return receiver.received.filter((r) => r.event.case.number === caseNumber && r.event.type === type).map((h) => h.event);
  }

  /** listing.restore carries the fields of the listing.remove that took the listing down, plus why. */
  async function expectRestored(notice: Case, urls: string[], reason: string) {
    const removals = await eventsOf(notice.number, 'listing.remove');
    const restores = await eventsOf(notice.number, 'listing.restore');
    expect(restores.map((e) => (e.data.listing as { url: string }).url).sort()).toEqual([...urls].sort());
    for (const restore of restores) {
      const url = (restore.data.listing as { url: string }).url;
      const removal = removals.find((r) => (r.data.listing as { url: string }).url === url)!;
      expect(Object.keys(restore.data).sort()).toEqual([...Object.keys(removal.data), 'reason'].sort());
      expect(restore.data.listing).toEqual(removal.data.listing);
      expect(restore.data.statement_of_reasons).toEqual(removal.data.statement_of_reasons);
      expect(restore.data.statement_of_reasons).toMatchObject({ listingUrl: url });
      expect(restore.data.reason).toBe(reason);
    }
    expect((await listListingDecisions(db, notice.id)).map((d) => d.decision)).toEqual(urls.map(() => 'reinstated'));
  }

  it('an authenticated complainant withdrawing by email after acceptance: listings put back, one listing.restore each', async () => {
    const { notice, urls } = await acceptedNotice();
    await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${notice.number}]`, messageId: `<restore-wd-${seq}@orbit-labs.example>`, headers: authPass('orbit-labs.example'), body: `We hereby withdraw our complaint ${notice.number} and retract the takedown request.` }));
    expect((await findCaseById(db, notice.id))?.status).toBe('withdrawn');
    await expectRestored(notice, urls, 'withdrawn');
  });

  it('a withdrawal recorded by a reviewer sends listing.restore for each removed listing', async () => {
    const { notice, urls } = await acceptedNotice();
    await withdrawComplaint(ctx, { caseNumber: notice.number, note: 'Settled.' });
    await expectRestored(notice, urls, 'withdrawn');
  });

  it('a counter-notice by email joins its case with counter_notice.received; no answer in time restores the listings', async () => {
    const { notice, urls } = await acceptedNotice();
    const counter = await deliver(makeEmail({ from: 'Lee Chan <lee@merchant.example>', subject: `Counter-notice [${notice.number}]`, messageId: `<restore-cn-${seq}@merchant.example>`, body: counterNoticeBody(notice.number, urls[0]!) }));
    expect(counter).toMatchObject({ kind: 'counter_notice', parentCaseId: notice.id });
    const [received, ...more] = await eventsOf(notice.number, 'counter_notice.received');
    expect(more).toEqual([]);
    expect(received!.data).toEqual({
      counter_notice: { case_number: counter.number, channel: 'email', status: counter.status, missing: [] },
      listings: [{ url: urls[0], platform: 'github', case_number: notice.number }],
    });

    await forwardCounterNotice(ctx, { caseNumber: counter.number });
    clock = new Date('2026-04-01T00:00:00Z');
    expect((await reinstateOverdue(makeCtx(ctx, SYSTEM))).reinstated).toContain(notice.number);
    await expectRestored(notice, urls, 'no_answer_in_time');
  });

  it('a reviewer reversing the takedown in a dispute sends listing.restore', async () => {
    const { notice, urls } = await acceptedNotice();
    const counter = await deliver(makeEmail({ from: 'Lee Chan <lee@merchant.example>', subject: `Counter-notice [${notice.number}]`, messageId: `<restore-dispute-${seq}@merchant.example>`, body: counterNoticeBody(notice.number, urls[1]!) }));
    await forwardCounterNotice(ctx, { caseNumber: counter.number });
    await rejectCounterNotice(ctx, { caseNumber: notice.number, answer: 'court_action', note: 'Suit filed.' });
    await decideDispute(ctx, { caseNumber: notice.number, outcome: 'reinstate', note: 'The code is the merchant’s own.' });
    await expectRestored(notice, urls, 'dispute_decided');
  });
});
