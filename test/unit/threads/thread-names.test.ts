import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createThreadedWork } from '../../../src/intake/untrusted/threaded-work.js';

/** The names of this process's threads, as `top -H` and the mail bench show them. */
function threadNames(): string[] {
  return readdirSync('/proc/self/task').map((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim());
}

describe.runIf(process.platform === 'linux')('thread names', () => {
  it('names each reading thread, so its CPU can be told apart from the rest of the process', async () => {
    const work = createThreadedWork({ platforms: [], threads: 1 });
    try {
      const raw = new Uint8Array(Buffer.from('From: Jane <jane@acme.example>\r\nSubject: Notice\r\n\r\nInfringing copy at https://shop.example/item/1\r\n'));
      await work.read({ channel: 'email', raw, receivedAt: new Date().toISOString() }, []);
      expect(threadNames()).toContain('nd-read-1');
    } finally {
      await work.close();
    }
  });
});
