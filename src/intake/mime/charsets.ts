import iconv from 'iconv-lite';

/** Charsets the decoder knows under another name, or that mailparser decodes itself. */
const HANDLED_ELSEWHERE = new Set(['iso-2022-jp', 'iso-2022-jp-1', 'iso-2022-jp-2', 'us-ascii', 'ascii', 'utf8', 'utf-8']);

/**
 * Declared charsets the decoder does not know. Such a part is still read (as
 * UTF-8, with replacement characters), and the case says why its text may
 * look garbled instead of dropping the message.
 */
export function unknownCharsets(raw: Buffer): string[] {
  const head = raw.subarray(0, 2 * 1024 * 1024).toString('latin1');
  const unknown = new Set<string>();
  for (const match of head.matchAll(/charset\s*=\s*"?([A-Za-z0-9._:+-]+)"?/gi)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!name || HANDLED_ELSEWHERE.has(name)) continue;
    if (!iconv.encodingExists(name)) unknown.add(name);
  }
  for (const match of head.matchAll(/=\?([A-Za-z0-9._:+-]+?)(\*[a-z-]+)?\?[bq]\?/gi)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name && !HANDLED_ELSEWHERE.has(name) && !iconv.encodingExists(name)) unknown.add(name);
  }
  return [...unknown];
}
