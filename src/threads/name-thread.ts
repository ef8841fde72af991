import { writeFileSync } from 'node:fs';

/**
 * Gives the calling thread a name the system shows (`/proc/<pid>/task/<tid>/comm`, `top -H`, `ps -L`),
 * so the CPU and memory of each of the desk's threads can be told apart. Linux keeps 15 bytes of it.
 * Elsewhere, or where /proc is not writable, the thread keeps its name: nothing depends on it.
 */
export function nameThisThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // Not Linux, or no /proc: only the name is lost.
  }
}
