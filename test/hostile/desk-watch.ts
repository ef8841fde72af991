import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Peak resident memory of a running process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Asks /healthz every 250 ms with a 2 s limit; keeps the slowest answer and every miss. */
export function probeHealth(url: string) {
  let stopped = false;
  let slowestMs = 0;
  let asked = 0;
  const misses: string[] = [];
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now();
      try {
        const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status !== 200) misses.push(`${new Date(at).toISOString()} status ${response.status}`);
      } catch (error) {
        misses.push(`${new Date(at).toISOString()} ${(error as Error).message}`);
      }
      asked += 1;
      slowestMs = Math.max(slowestMs, Date.now() - at);
      await sleep(250);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { slowestMs, misses, asked };
    },
  };
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function within(timeoutMs: number, check: () => boolean | Promise<boolean>, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}
