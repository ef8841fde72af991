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

/**
 * The client address a limit is counted for. Under Node it is the socket's
 * peer: any header there is whatever the client chose to send, and a client
 * that changes it on each request would never reach its limit. Without a
 * socket (Workers) Cloudflare sets `cf-connecting-ip` itself.
 */
export function clientKey(headers: { get(name: string): string | null | undefined }, remote: string | null): string {
  return remote ?? headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? 'unknown';
}
