/** A job that runs at start and then every interval, never two runs at once. */
export interface Periodic {
  /** Runs once now (or joins the run in progress); resolves when it is done. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Starts `run` now and every `intervalMs`. Runs never overlap; a failing run is
 * passed to `onError` and the next one tries again. The timer does not hold the
 * process open.
 */
export function startPeriodic(run: () => Promise<void>, intervalMs: number, onError: (error: Error) => void): Periodic {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        await run();
      } catch (error) {
        onError(error as Error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
