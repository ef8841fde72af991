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

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The client address as the server saw it; forwarded headers are trusted only from a proxy we run. */
export function clientKey(headers: { get(name: string): string | null | undefined }, remote: string | null): string {
  return headers.get('cf-connecting-ip') ?? remote ?? headers.get('x-real-ip') ?? 'unknown';
}
