/*
 * The data files the Node start reads from data/ at run time, bundled into
 * the Worker (which has no file system). Adding a file under data/platforms
 * or data/holidays means adding it here too; a test compares both lists.
 */
import { HolidayCalendar, holidayDates } from '../src/domain/counter-notices/holiday-calendar.js';
import { PlatformProfile } from '../src/rules/platform-profile.js';
import defaultHolidays from '../data/holidays/default.json' with { type: 'json' };
import p1688 from '../data/platforms/1688.json' with { type: 'json' };
import alibaba from '../data/platforms/alibaba.json' with { type: 'json' };
import aliexpress from '../data/platforms/aliexpress.json' with { type: 'json' };
import github from '../data/platforms/github.json' with { type: 'json' };
import lazadaId from '../data/platforms/lazada-id.json' with { type: 'json' };
import lazadaMy from '../data/platforms/lazada-my.json' with { type: 'json' };
import lazadaPh from '../data/platforms/lazada-ph.json' with { type: 'json' };
import lazadaSg from '../data/platforms/lazada-sg.json' with { type: 'json' };
import lazadaTh from '../data/platforms/lazada-th.json' with { type: 'json' };
import lazadaVn from '../data/platforms/lazada-vn.json' with { type: 'json' };
import taobao from '../data/platforms/taobao.json' with { type: 'json' };
import tmallGlobal from '../data/platforms/tmall-global.json' with { type: 'json' };
import tmall from '../data/platforms/tmall.json' with { type: 'json' };

export const PLATFORM_FILES: Record<string, unknown> = {
  '1688.json': p1688,
  'alibaba.json': alibaba,
  'aliexpress.json': aliexpress,
  'github.json': github,
  'lazada-id.json': lazadaId,
  'lazada-my.json': lazadaMy,
  'lazada-ph.json': lazadaPh,
  'lazada-sg.json': lazadaSg,
  'lazada-th.json': lazadaTh,
  'lazada-vn.json': lazadaVn,
  'taobao.json': taobao,
  'tmall-global.json': tmallGlobal,
  'tmall.json': tmall,
};

export const HOLIDAY_FILES: Record<string, unknown> = {
  'default.json': defaultHolidays,
};

/** Validated as the Node start validates them: a broken file fails with its name. */
export function bundledPlatforms(): PlatformProfile[] {
  return Object.entries(PLATFORM_FILES).map(([name, raw]) => {
    const parsed = PlatformProfile.safeParse(raw);
    if (!parsed.success) throw new Error(`invalid platform profile ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
}

export function bundledHolidays(): string[] {
  return holidayDates(
    Object.entries(HOLIDAY_FILES).map(([name, raw]) => {
      const parsed = HolidayCalendar.safeParse(raw);
      if (!parsed.success) throw new Error(`data/holidays/${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      return parsed.data;
    }),
  );
}
