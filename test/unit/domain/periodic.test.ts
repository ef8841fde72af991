import { describe, expect, it } from 'vitest';
import { startPeriodic } from '../../../src/domain/periodic.js';

describe('startPeriodic', () => {
  it('runs at start, never two runs at once, and goes on after a failing run', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const errors: string[] = [];
    let release: () => void = () => {};
    const job = startPeriodic(
      async () => {
        runs += 1;
        active += 1;
        most = Math.max(most, active);
        if (runs === 1) await new Promise<void>((r) => (release = r));
        active -= 1;
        if (runs === 2) throw new Error('store unavailable');
      },
      60_000,
      (e) => errors.push(e.message),
    );
    // A tick while the first run waits joins it instead of starting a second.
    const joined = job.tick();
    expect(runs).toBe(1);
    release();
    await joined;
    await job.tick();
    expect(errors).toEqual(['store unavailable']);
    await job.tick();
    expect(runs).toBe(3);
    expect(most).toBe(1);
    await job.stop();
  });
});
