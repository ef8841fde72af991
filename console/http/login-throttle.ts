/**
 * Slows password guessing without handing an attacker the power to lock the
 * owner out. Failures are counted per account and client: after a few, each
 * further attempt from that client waits twice as long as the last. Failures
 * for an account from everywhere add up to a lock that only clients which
 * signed in to that account before pass, so the owner keeps working from the
 * browser they use while a stranger who knows the address gets nowhere.
 */
export class LoginThrottle {
  private readonly perPair = new Map<string, { failures: number; until: number; last: number }>();
  private readonly perAccount = new Map<string, { failures: number; start: number }>();
  private readonly known = new Map<string, Set<string>>();

  constructor(
    private readonly options: { freeFailures: number; maxDelayMs: number; accountLimit: number; windowMs: number; now?: () => number } = {
      freeFailures: 5,
      maxDelayMs: 15 * 60_000,
      accountLimit: 10,
      windowMs: 15 * 60_000,
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Null when the attempt may go ahead, else how many seconds to wait. */
  check(account: string, client: string): number | null {
    const t = this.now();
    const pair = this.perPair.get(`${account}\n${client}`);
    if (pair && pair.until > t) return Math.ceil((pair.until - t) / 1000);
    const total = this.perAccount.get(account);
    const locked = total && t - total.start < this.options.windowMs && total.failures >= this.options.accountLimit;
    if (locked && !this.known.get(account)?.has(client)) return Math.ceil((total.start + this.options.windowMs - t) / 1000);
    return null;
  }

  failed(account: string, client: string): void {
    const t = this.now();
    const key = `${account}\n${client}`;
    const pair = this.perPair.get(key) ?? { failures: 0, until: 0, last: t };
    if (t - pair.last > this.options.windowMs) pair.failures = 0;
    pair.failures += 1;
    pair.last = t;
    const over = pair.failures - this.options.freeFailures;
    if (over >= 0) pair.until = t + Math.min(this.options.maxDelayMs, 1000 * 2 ** over);
    this.perPair.set(key, pair);
    const total = this.perAccount.get(account);
    if (!total || t - total.start >= this.options.windowMs) this.perAccount.set(account, { failures: 1, start: t });
    else total.failures += 1;
    if (this.perPair.size > 50_000) this.sweep(t);
  }

  succeeded(account: string, client: string): void {
    this.perPair.delete(`${account}\n${client}`);
    const clients = this.known.get(account) ?? new Set<string>();
    if (clients.size > 50) clients.clear();
    clients.add(client);
    this.known.set(account, clients);
  }

  private sweep(t: number): void {
    for (const [key, pair] of this.perPair) if (pair.until < t && t - pair.last > this.options.windowMs) this.perPair.delete(key);
  }
}
