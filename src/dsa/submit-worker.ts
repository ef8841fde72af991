import type { Db } from '../store/open.js';
import { submitStatements } from '../domain/dsa/submit-statements.js';
import { startPeriodic, type Periodic } from '../domain/periodic.js';
import { createTransparencyClient } from './transparency-client.js';

/**
 * Inside `noticedesk start`, when the Transparency Database is configured:
 * submits pending statements of reasons at start and then every `intervalMs`.
 * Runs never overlap; a failing run is logged and the next one tries again.
 */
export function startDsaSubmitter(db: Db, options: { url: string; token: string; intervalMs: number; log: (line: string) => void; now?: () => Date }): Periodic {
  const api = createTransparencyClient({ url: options.url, token: options.token });
  const now = options.now ?? (() => new Date());
  return startPeriodic(
    async () => {
      const summary = await submitStatements(db, api, now);
      const sent = summary.submitted.length + summary.alreadyThere.length;
      if (sent) options.log(`DSA Transparency Database: ${sent} statement(s) of reasons submitted`);
      if (summary.failed.length) options.log(`DSA Transparency Database: ${summary.failed.length} statement(s) kept for a later try (${summary.failed[0]!.error})`);
    },
    options.intervalMs,
    (error) => options.log(`DSA Transparency Database: ${error.message}`),
  );
}
