import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx } from '../../../src/domain/context.js';
import { mailStatementToMerchant } from '../../../src/domain/dsa/mail-merchant.js';
import { sendQueuedReplies } from '../../../src/replies/send-queued-replies.js';
import { createSmtpMailer } from '../../../src/replies/smtp-mailer.js';
import { listStatements } from '../../../src/store/repos/statements.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../setup/smtp-receiver.js';
import { freePort } from '../../support/ports.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('the case page on the merchant statements of reasons', () => {
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver(await freePort());
  });
  afterAll(() => smtp.stop());

  it('says the merchant was mailed only once the mail has left', async () => {
    const desk = await openConsole();
    const mailer = createSmtpMailer(smtp.url);
    try {
      const ctx = makeCtx(desk.base, REVIEWER);
      const c = await seedCase(ctx);
      await acceptCase(ctx, { caseNumber: c.number, listings: [c.complaint.listings[0]!.url] });
      const session = await desk.signIn();
      const page = async () => (await desk.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
      expect(await page()).toContain('Not mailed: the merchant is not known yet');
      const [stored] = await listStatements(desk.db, { caseId: c.id });
      expect(await mailStatementToMerchant(ctx, { puid: stored!.statement.puid, merchant: { email: 'shop@merchant.example', name: null }, source: 'lookup' })).toBe('queued');
      const queued = await page();
      expect(queued).toContain('Queued for the merchant (shop@merchant.example); not sent yet.');
      expect(queued).not.toContain('Mailed to the merchant');
      expect(queued).not.toContain('statement of reasons mailed to the merchant');
      await sendQueuedReplies(desk.db, mailer, { from: 'ipr@noticedesk.test' });
      const sent = await page();
      expect(sent).toContain('Mailed to the merchant (shop@merchant.example)');
      expect(sent).toContain('statement of reasons mailed to the merchant');
    } finally {
      await mailer.close();
      await desk.close();
    }
  });
});
