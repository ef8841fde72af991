import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startHarness, waitUntil, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(1143, 2525);
  await h.startIntake();
});
afterAll(async () => h?.close());

async function caseOf(messageId: string) {
  const row = await waitUntil(
    () => h.db.selectFrom('raw_messages').select(['id', 'state', 'case_id', 'error']).where('message_id', '=', messageId).where('state', '!=', 'stored').executeTakeFirst(),
    `message ${messageId} processed`,
  );
  expect(row.state, row.error ?? '').toBe('processed');
  return h.db.selectFrom('cases').selectAll().where('id', '=', Number(row.case_id)).executeTakeFirstOrThrow();
}

const mailTo = (address: string, count = 1) =>
  waitUntil(async () => {
    const found = h.smtp.messages.filter((m) => m.envelopeTo.includes(address));
    return found.length >= count ? found : null;
  }, `${count} mail(s) to ${address}`);

describe('email intake over IMAP with replies over SMTP', () => {
  it('acknowledges a complete notice with threading headers and the case tag', async () => {
    await h.append(fixture('multipart-alternative.eml'));
    const [ack] = await mailTo('legal@northwind-games.example');
    const c = await caseOf('<alt-001@northwind-games.example>');
    expect(c.status).toBe('in_review');
    const headers = ack!.parsed.headers;
    expect(ack!.parsed.subject).toBe(`[${c.number}] We received your notice`);
    expect(headers.get('auto-submitted')).toBe('auto-replied');
    expect(headers.get('x-noticedesk-case')).toBe(c.number);
    expect(ack!.parsed.inReplyTo).toBe('<alt-001@northwind-games.example>');
    expect(ack!.parsed.references).toContain('<alt-001@northwind-games.example>');
    expect(ack!.parsed.from?.value[0]?.address).toBe('ipr@noticedesk.test');
    expect(ack!.parsed.text).toContain(c.number);
    expect(ack!.parsed.html).toContain(c.number);
    const outbox = await h.db.selectFrom('outbox').selectAll().where('case_id', '=', c.id).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'sent', template: 'acknowledgement', message_id: ack!.parsed.messageId });
  });

  it('flags the processed message in the mailbox', async () => {
    await caseOf('<alt-001@northwind-games.example>');
    const client = new ImapFlow({ host: h.dovecot.host, port: h.dovecot.port, secure: false, auth: { user: h.dovecot.user, pass: h.dovecot.password }, logger: false });
    await client.connect();
    await client.mailboxOpen('INBOX');
    const flagged = await waitUntil(async () => {
      const list = await client.fetchAll('1:*', { flags: true, envelope: true });
      const first = list.find((m) => m.envelope?.messageId === '<alt-001@northwind-games.example>');
      return first?.flags?.has('$Noticedesk') ? first : null;
    }, 'processed keyword');
    expect(flagged.flags?.has('\\Seen')).toBe(true);
    await client.logout();
  });

  it('joins a withdrawal that names the case to it', async () => {
    const c = await caseOf('<alt-001@northwind-games.example>');
    const withdrawal = [
      'Authentication-Results: mx.noticedesk.test; dkim=pass header.d=northwind-games.example; dmarc=pass header.from=northwind-games.example',
      'From: Maria Lindqvist <legal@northwind-games.example>',
      'To: ipr@noticedesk.test',
      `Subject: Withdrawal of complaint ${c.number}`,
      'Message-ID: <withdraw-001@northwind-games.example>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Dear team,',
      '',
      'We reached an agreement with the repository owner. We hereby withdraw our complaint about',
      'https://github.com/fastcopy-dev/aurora-leak and ask you to reinstate it.',
      '',
      'Kind regards,',
      'Maria Lindqvist',
      '',
    ].join('\r\n');
    await h.append(withdrawal);
    const joined = await caseOf('<withdraw-001@northwind-games.example>');
    expect(joined.id).toBe(c.id);
    expect(joined.status).toBe('withdrawn');
  });

  it('sends a deficiency reply, and the answer completes the same case', async () => {
    const notice = readFileSync('data/demo/02-dmca-missing-signature.eml', 'utf8').replace('<demo-02@pixelfoundry.example>', '<deficient-001@pixelfoundry.example>');
    await h.append(notice);
    const [deficiency] = await mailTo('tom.becker@pixelfoundry.example');
    const c = await caseOf('<deficient-001@pixelfoundry.example>');
    expect(c.status).toBe('deficient');
    expect(deficiency!.parsed.subject).toBe(`[${c.number}] Your notice needs more information`);
    expect(deficiency!.parsed.text).toContain('Please sign the notice');
    expect(deficiency!.parsed.text).toContain('What to send back');

    const answer = [
      'From: Tom Becker <tom.becker@pixelfoundry.example>',
      'To: ipr@noticedesk.test',
      `Subject: Re: ${deficiency!.parsed.subject}`,
      'Message-ID: <answer-001@pixelfoundry.example>',
      `In-Reply-To: ${deficiency!.parsed.messageId}`,
      `References: <deficient-001@pixelfoundry.example> ${deficiency!.parsed.messageId}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello, here is my signature as requested.',
      '',
      '/s/ Tom Becker',
      'Tom Becker, PixelFoundry GmbH',
      '',
    ].join('\r\n');
    await h.append(answer);
    const joined = await caseOf('<answer-001@pixelfoundry.example>');
    expect(joined.id).toBe(c.id);
    expect(joined.status).toBe('in_review');
    expect(await h.db.selectFrom('cases').select('id').execute()).toHaveLength(2);
  });

  it('answers a GBK notice in Chinese', async () => {
    await h.append(fixture('gbk.eml'));
    const [reply] = await mailTo('wangli@xingguang.example');
    const c = await caseOf('<gbk-001@xingguang.example>');
    expect(reply!.parsed.subject).toBe(`[${c.number}] 您的投诉需要补充材料`);
    expect(reply!.parsed.text).toContain('需要寄回的内容');
  });

  it('replies to the original sender of a forwarded notice, not to the colleague', async () => {
    await h.append(fixture('forwarded-rfc822.eml'));
    const [ack] = await mailTo('nils@ek-software.example');
    const c = await caseOf('<fwd-rfc822-001@partner.example>');
    expect(c.complainant_email).toBe('nils@ek-software.example');
    expect(ack!.parsed.subject).toContain(c.number);
    expect(h.smtp.messages.some((m) => m.envelopeTo.includes('colleague@partner.example'))).toBe(false);
  });

  it('records oversized and broken attachments on the case and keeps going', async () => {
    await h.append(fixture('oversized-attachment.eml'));
    await h.append(fixture('broken-pdf.eml'));
    await h.append(fixture('hostile-html.eml'));
    const oversized = await caseOf('<oversized-001@stor-film.example>');
    const broken = await caseOf('<brokenpdf-001@broms.example>');
    await caseOf('<hostile-001@berg-games.example>');
    const attachments = await h.db.selectFrom('attachments').selectAll().execute();
    expect(attachments.find((a) => a.filename === 'stills.zip')).toMatchObject({ stored: 0, problem: expect.stringMatching(/over the 262144-byte limit/) });
    expect(attachments.find((a) => a.filename === 'certificate.pdf')).toMatchObject({ stored: 1, problem: expect.stringMatching(/PDF/) });
    const events = await h.db.selectFrom('case_events').select(['case_id', 'data']).where('type', '=', 'checked').where('case_id', 'in', [oversized.id, broken.id]).execute();
    expect(events.map((e) => e.data).join(' ')).toMatch(/stills\.zip: not kept/);
  });
});
