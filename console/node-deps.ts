import { join } from 'node:path';
import { loadHolidays } from '../src/domain/counter-notices/load-holidays.js';
import type { CounterNoticeSettings } from '../src/domain/counter-notices/business-days.js';
import { submitStructured } from '../src/domain/cases/submit-structured.js';
import { PROJECT_DIR, type Runtime } from '../src/runtime.js';
import type { ConsoleDeps } from './deps.js';

/** The console's dependencies under Node, from the one runtime `noticedesk start` opened. */
export async function nodeConsoleDeps(runtime: Runtime): Promise<ConsoleDeps & { counterNotice: CounterNoticeSettings }> {
  const counterNotice: CounterNoticeSettings = {
    businessDays: runtime.config.NOTICEDESK_COUNTER_NOTICE_BUSINESS_DAYS,
    holidays: await loadHolidays(join(PROJECT_DIR, 'data', 'holidays')),
  };
  return {
    db: runtime.db,
    ctx: (actor, requestId) => ({ ...runtime.ctx(actor, requestId), counterNotice }),
    secureCookies: (runtime.config.NOTICEDESK_PUBLIC_URL ?? '').startsWith('https://'),
    intake: submitStructured,
    trustedProxies: runtime.config.NOTICEDESK_TRUSTED_PROXIES,
    counterNotice,
  };
}
