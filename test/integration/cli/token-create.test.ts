import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticateApiToken } from '../../../src/domain/users/api-tokens.js';
import { openDatabase } from '../../../src/store/open.js';

const BIN = resolve('bin/noticedesk.js');

describe('noticedesk token create', () => {
  it('prints a working token for an existing account and refuses an unknown one', async () => {
    const dir = mkdtempSync(join(resolve('data/tmp'), 'token-'));
    const env = { ...process.env, NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'), NOTICEDESK_DATA_DIR: dir };
    execFileSync(process.execPath, [BIN, 'user', 'add', '--email', 'triage@desk.test', '--password', 'long enough pass', '--role', 'reviewer'], { env });
    const token = execFileSync(process.execPath, [BIN, 'token', 'create', '--email', 'triage@desk.test', '--name', 'triage script'], { env, encoding: 'utf8' }).trim();
    expect(token).toMatch(/^nd_[\w-]{20,}$/);
    const db = openDatabase(env.NOTICEDESK_DB);
    try {
      expect(await authenticateApiToken(db, token)).toMatchObject({ email: 'triage@desk.test', role: 'reviewer' });
    } finally {
      await db.destroy();
    }
    const unknown = spawnSync(process.execPath, [BIN, 'token', 'create', '--email', 'nobody@desk.test'], { env, encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no account nobody@desk.test');
  }, 60_000);
});
