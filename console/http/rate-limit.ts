/**
 * A fixed-window counter per key, in memory: enough for one Node process or
 * one Workers isolate; several instances each keep their own window.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; false when the key is over its limit for this window. */
  hit(key: string): boolean {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(t);
      this.windows.set(key, { start: t, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  /** Whether the key has used up this window, without counting a hit. */
  isOver(key: string): boolean {
    const w = this.windows.get(key);
    return !!w && this.now() - w.start < this.windowMs && w.count >= this.limit;
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The peer address of the socket under Node; null on Workers, which have no socket. */
export function remoteAddress(env: unknown): string | null {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

/** Addresses (IPv4 or IPv6) or IPv4 CIDR ranges of the reverse proxies in front of the console. */
export interface ProxyList {
  exact: Set<string>;
  ranges: Array<{ base: number; mask: number }>;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Number(address: string): number | null {
  const m = IPV4.exec(address);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function looksLikeIp(value: string): boolean {
  return ipv4Number(value) !== null || (/^[0-9a-f:.]+$/i.test(value) && value.includes(':'));
}

export function trustedProxyList(entries: readonly string[]): ProxyList {
  const list: ProxyList = { exact: new Set(), ranges: [] };
  for (const entry of entries) {
    const [address, bits] = entry.trim().toLowerCase().split('/');
    if (!address) continue;
    const base = ipv4Number(address);
    if (bits !== undefined && base !== null) {
      const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
      list.ranges.push({ base: (base & mask) >>> 0, mask });
    } else list.exact.add(address);
  }
  return list;
}

function isTrusted(list: ProxyList | undefined, address: string): boolean {
  if (!list) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  if (list.exact.has(plain)) return true;
  const n = ipv4Number(plain);
  return n !== null && list.ranges.some((r) => ((n & r.mask) >>> 0) === r.base);
}

/**
 * The client address a limit is counted for. Under Node it is the socket's
 * peer: any header there is whatever the client chose to send, and a client
 * that changes it on each request would never reach its limit. Only when the
 * peer is one of our trusted proxies is X-Forwarded-For read, from the right,
 * skipping our own proxies: the first address a proxy of ours did not add is
 * the client. Without a socket (Workers) Cloudflare sets `cf-connecting-ip` itself.
 */
export function clientKey(headers: { get(name: string): string | null | undefined }, remote: string | null, proxies?: ProxyList): string {
  if (remote && isTrusted(proxies, remote)) {
    const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (!looksLikeIp(hop)) break;
      if (!isTrusted(proxies, hop)) return hop;
    }
    return hops[0] && looksLikeIp(hops[0]) ? hops[0] : remote;
  }
  return remote ?? headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? 'unknown';
}
