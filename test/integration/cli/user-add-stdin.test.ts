import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/domain/users/password.js';
import { findUserByEmail } from '../../../src/store/repos/users.js';
import { openDatabase } from '../../../src/store/open.js';

const BIN = resolve('bin/noticedesk.js');

describe('noticedesk user add reads the password from standard input', () => {
  it('takes the first line of standard input when --password is left out, and refuses a short one', async () => {
    const dir = mkdtempSync(join(resolve('data/tmp'), 'user-add-'));
    const env = { ...process.env, NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'), NOTICEDESK_DATA_DIR: dir };
    const made = spawnSync(process.execPath, [BIN, 'user', 'add', '--email', 'piped@desk.test', '--role', 'admin'], { env, input: 'piped pass phrase\nignored\n', encoding: 'utf8' });
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('piped@desk.test (admin) is ready');
    const short = spawnSync(process.execPath, [BIN, 'user', 'add', '--email', 'short@desk.test'], { env, input: 'short\n', encoding: 'utf8' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 8 characters');
    const db = openDatabase(env.NOTICEDESK_DB);
    try {
      const user = await findUserByEmail(db, 'piped@desk.test');
      expect(await verifyPassword('piped pass phrase', user!.passwordHash)).toBe(true);
      expect(await findUserByEmail(db, 'short@desk.test')).toBeNull();
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
