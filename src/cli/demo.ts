import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../main.js';
import { PROJECT_DIR } from '../main.js';
import { hashPassword } from '../domain/users/password.js';
import { findUserByEmail, upsertUser } from '../store/repos/users.js';
import { importEmlFiles, type ImportSummary } from './import.js';

export const DEMO_LOGIN = { email: 'reviewer@noticedesk.localhost', password: 'demo-reviewer' } as const;

/**
 * The demo: the notices in data/demo/ and a reviewer account. Safe to run on
 * every start: stored notices are skipped and the account is not duplicated.
 */
export async function loadDemo(runtime: Runtime): Promise<ImportSummary | null> {
  if (!(await findUserByEmail(runtime.db, DEMO_LOGIN.email))) {
    await upsertUser(runtime.db, {
      email: DEMO_LOGIN.email,
      name: 'Demo Reviewer',
      passwordHash: await hashPassword(DEMO_LOGIN.password),
      role: 'reviewer',
      at: new Date().toISOString(),
    });
  }
  const folder = join(PROJECT_DIR, 'data', 'demo');
  if (!existsSync(folder)) return null;
  return importEmlFiles(runtime.ctx(), [folder], { progress: false });
}
