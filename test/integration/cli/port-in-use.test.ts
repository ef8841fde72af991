import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICEDESK_BIN } from '../../support/noticedesk-process.js';

describe('noticedesk start on a port that is taken', () => {
  const dir = mkdtempSync(join(resolve('data/tmp'), 'port-'));
  let blocker: Server;
  let port = 0;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    const address = blocker.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((done) => blocker.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('says which port is in use and what to do, without a stack trace', () => {
    const env = { ...process.env, NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'), NOTICEDESK_DATA_DIR: dir, NOTICEDESK_HOST: '127.0.0.1', NOTICEDESK_PORT: String(port) };
    const run = spawnSync(process.execPath, [NOTICEDESK_BIN, 'start'], { env, encoding: 'utf8', timeout: 60_000 });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(output).toMatch(/NOTICEDESK_PORT/);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(output).not.toContain('EADDRINUSE');
  }, 90_000);
});
