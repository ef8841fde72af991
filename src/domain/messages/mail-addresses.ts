/**
 * One mailbox in a form we are willing to send to: a single local part and
 * domain, no list separator, no group syntax, no whitespace or control
 * characters that could end a header line.
 */
const SINGLE_ADDRESS = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** The address if it is exactly one safe mailbox, lower-cased; otherwise null. */
export function singleAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (trimmed.length > 254 || !SINGLE_ADDRESS.test(trimmed)) return null;
  const [local] = trimmed.split('@');
  if (!local || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  return trimmed.toLowerCase();
}

/**
 * The mailbox an address delivers to, for comparing with our own: case,
 * a trailing dot on the domain and a `+tag` sub-address all reach the same box.
 */
export function mailboxKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const cleaned = value.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  const at = cleaned.lastIndexOf('@');
  if (at <= 0) return null;
  const local = cleaned.slice(0, at).split('+')[0] ?? '';
  const domain = cleaned.slice(at + 1).replace(/\.+$/, '');
  if (!local || !domain) return null;
  return `${local}@${domain}`;
}

export function isOwnAddress(value: string | null | undefined, own: readonly string[]): boolean {
  const key = mailboxKey(value);
  if (!key) return false;
  return own.some((address) => mailboxKey(address) === key);
}
