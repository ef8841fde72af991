/** Builds a plain-text RFC 5322 message for tests; headers are given as written. */
export function makeEmail(options: {
  from: string;
  subject: string;
  body: string;
  messageId: string;
  to?: string;
  headers?: Record<string, string>;
}): Uint8Array {
  const headers = {
    From: options.from,
    To: options.to ?? 'ipr@noticedesk.test',
    Subject: options.subject,
    'Message-ID': options.messageId,
    Date: 'Mon, 02 Nov 2026 09:00:00 +0000',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
    ...options.headers,
  };
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
  return new TextEncoder().encode(`${head}\r\n\r\n${options.body.replace(/\r?\n/g, '\r\n')}`);
}

const STATEMENTS = `I have a good faith belief that use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law.

I swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner of an exclusive right that is allegedly infringed.`;

/** A DMCA notice to a code host; parts can be left out to make it deficient. */
export function makeDmcaBody(options: { signature?: boolean; statements?: boolean; urls?: string[] } = {}): string {
  const urls = options.urls ?? ['https://github.com/copycat-dev/stolen-engine'];
  return [
    'Dear IPR team,',
    'I am the founder of Orbit Labs Ltd., the owner of the copyrighted work described below.',
    'Copyrighted work: the source code of our "Orbit" physics engine, published at https://orbit-labs.example/engine.',
    `The following repository copies that source code in full:\n${urls.join('\n')}`,
    'Contact: Sam Okafor, Orbit Labs Ltd., 4 Quay Street, Manchester M3 3JE, United Kingdom, +44 161 555 0100, sam@orbit-labs.example',
    options.statements === false ? '' : STATEMENTS,
    options.signature === false ? 'Thank you.' : 'Sincerely,\n/s/ Sam Okafor',
  ]
    .filter(Boolean)
    .join('\n\n');
}
