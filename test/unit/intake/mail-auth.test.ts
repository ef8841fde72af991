import { describe, expect, it } from 'vitest';
import { checkSender, parseAuthResults } from '../../../src/domain/messages/sender-authentication.js';
import { readMessage } from '../../../src/intake/mime/read-message.js';
import { mailboxKey, singleAddress } from '../../../src/domain/messages/mail-addresses.js';

const TRUSTED = { trustedAuthservIds: ['mx.noticedesk.test'] };
const mail = (headers: string[], from = 'Maria <maria@northwind.example>') =>
  readMessage(Buffer.from([...headers, `From: ${from}`, 'To: ipr@noticedesk.test', 'Subject: Withdrawal', '', 'We withdraw.', ''].join('\r\n')));

describe('checkSender', () => {
  it('believes DMARC pass from the trusted server for the From domain', async () => {
    const read = await mail(['Authentication-Results: mx.noticedesk.test; spf=pass smtp.mailfrom=bounce.northwind.example; dkim=pass header.d=northwind.example; dmarc=pass (p=reject) header.from=northwind.example']);
    expect(checkSender(read, TRUSTED)).toMatchObject({ verified: true, method: 'dmarc', domain: 'northwind.example' });
  });

  it('accepts an aligned DKIM pass without a DMARC result', async () => {
    const read = await mail(['Authentication-Results: mx.noticedesk.test; dkim=pass header.d=northwind.example']);
    expect(checkSender(read, TRUSTED)).toMatchObject({ verified: true, method: 'dkim' });
  });

  it('refuses a DKIM pass for another domain', async () => {
    const read = await mail(['Authentication-Results: mx.noticedesk.test; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=evil.example; dmarc=fail header.from=northwind.example']);
    expect(checkSender(read, TRUSTED)).toMatchObject({ verified: false });
  });

  it('ignores a header from a server it does not trust', async () => {
    const read = await mail(['Authentication-Results: mx.evil.example; dmarc=pass header.from=northwind.example']);
    expect(checkSender(read, TRUSTED)).toMatchObject({ verified: false, reason: expect.stringMatching(/no Authentication-Results header from a trusted server/) });
  });

  it('takes the topmost trusted header: a forged pass further down counts for nothing', async () => {
    const read = await mail([
      'Authentication-Results: mx.noticedesk.test; dkim=none; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=northwind.example',
      'Authentication-Results: mx.noticedesk.test; dmarc=pass header.from=northwind.example',
    ]);
    expect(checkSender(read, TRUSTED)).toMatchObject({ verified: false });
  });

  it('authenticates nobody when no authserv-id is configured', async () => {
    const read = await mail(['Authentication-Results: mx.noticedesk.test; dmarc=pass header.from=northwind.example']);
    expect(checkSender(read, { trustedAuthservIds: [] })).toMatchObject({ verified: false });
  });

  it('reads comments and versions in the header', () => {
    expect(parseAuthResults('mx.noticedesk.test 1; dkim/1=pass (good signature) header.d=a.example')).toEqual({
      authservId: 'mx.noticedesk.test',
      results: [{ method: 'dkim', result: 'pass', props: { 'header.d': 'a.example' } }],
    });
  });
});

describe('addresses', () => {
  it.each(['a@x.example,victim@y.example', 'x\r\nBcc: victim@y.example', 'group: a@x.example;', '"a,b"@x.example', 'a@x.example victim@y.example', 'no-at-sign', ''])('refuses %j as a recipient', (value) => {
    expect(singleAddress(value)).toBeNull();
  });

  it('keeps one plain mailbox', () => {
    expect(singleAddress(' Maria.L+ipr@Northwind.example ')).toBe('maria.l+ipr@northwind.example');
  });

  it('reduces case, a trailing dot and a +tag to the same mailbox', () => {
    expect(mailboxKey('IPR+x@Noticedesk.Test.')).toBe(mailboxKey('ipr@noticedesk.test'));
  });
});
