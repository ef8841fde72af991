import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const NOTICEDESK_BIN = resolve('bin/noticedesk.js');

export interface StartedDesk {
  child: ChildProcess;
  /** The console URL the start printed. */
  url: string;
  /** Everything printed so far (stdout and stderr). */
  output: () => string;
}

/**
 * Runs `noticedesk start` as the operator would and resolves once it prints
 * its console URL; rejects with what it printed if it exits first. Started
 * processes are added to `running` so the test can kill what is left.
 */
export function startNoticedesk(options: {
  env: NodeJS.ProcessEnv;
  args?: string[];
  running: Set<ChildProcess>;
  onOutput?: (chunk: string) => void;
}): Promise<StartedDesk> {
  const child = spawn(process.execPath, [NOTICEDESK_BIN, 'start', ...(options.args ?? [])], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  options.running.add(child);
  child.once('exit', () => options.running.delete(child));
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      options.onOutput?.(chunk.toString());
      const match = /console: (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolvePromise({ child, url: match[1], output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`noticedesk start exited with ${code}:\n${output}`)));
  });
}
