import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeCtx, type Ctx } from '../../src/domain/context.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openDatabase, type Db } from '../../src/store/open.js';
import { createDiskFileStore } from '../../src/store/file-store.js';
import type { PlatformProfile } from '../../src/rules/platform-profile.js';
import { LINK_DAYS_DEFAULT } from '../../src/config.js';
import { pdfTextOf } from '../../src/intake/mime/pdf-text.js';
import { inlineWork } from '../../src/intake/untrusted/inline-work.js';

/** The authserv-id the test receiving server writes in Authentication-Results. */
export const TEST_AUTHSERV_ID = 'mx.noticedesk.test';

/** The Authentication-Results header our receiving server adds when DMARC passed for `domain`. */
export function authPass(domain: string): Record<string, string> {
  return { 'Authentication-Results': `${TEST_AUTHSERV_ID}; dkim=pass header.d=${domain}; spf=pass smtp.mailfrom=${domain}; dmarc=pass header.from=${domain}` };
}

/** The key test contexts sign status and confirmation links with. */
export const TEST_LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';
/** Where links in test mails point: the console harness's origin. */
export const TEST_PUBLIC_URL = 'http://desk.test';

/** A fresh SQLite file under data/tmp/, migrated; one per test file or test. */
export function tempSqlitePath(): string {
  mkdirSync('data/tmp', { recursive: true });
  return join('data', 'tmp', `test-${randomUUID()}.sqlite`);
}

export async function openTestDb(location: string = tempSqlitePath()): Promise<Db> {
  const db = openDatabase(location);
  await migrateToLatest(db);
  return db;
}

export function testCtx(db: Db, options: { now?: () => Date; platforms?: PlatformProfile[] } = {}): Ctx {
  const platforms = options.platforms ?? [];
  return makeCtx({
    db,
    now: options.now ?? (() => new Date()),
    platforms,
    work: inlineWork(platforms, pdfTextOf),
    files: createDiskFileStore(join('data', 'tmp', 'attachments')),
    ownAddresses: ['ipr@noticedesk.test'],
    limits: { maxAttachmentBytes: 5 * 1024 * 1024 },
    mailAuth: { trustedAuthservIds: [TEST_AUTHSERV_ID] },
    links: { secret: TEST_LINK_SECRET, days: LINK_DAYS_DEFAULT, publicUrl: TEST_PUBLIC_URL },
  });
}
