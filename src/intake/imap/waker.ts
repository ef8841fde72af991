/** A sleep that new mail, a closed connection or a stop can cut short. */
export function createWaker(): { wait(ms: number): Promise<void>; wake(): void } {
  let pending = false;
  let resolve: (() => void) | null = null;
  return {
    wait(ms) {
      // Mail that arrived while we were busy must not wait for the next tick.
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((done) => {
        const timer = setTimeout(finish, ms);
        function finish() {
          clearTimeout(timer);
          resolve = null;
          pending = false;
          done();
        }
        resolve = finish;
      });
    },
    wake() {
      if (resolve) resolve();
      else pending = true;
    },
  };
}
