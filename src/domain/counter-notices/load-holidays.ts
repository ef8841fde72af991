import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HolidayCalendar } from './holiday-calendar.js';

/** Reads every calendar in the folder; a malformed file stops the start with its name. */
export async function loadHolidays(dir: string): Promise<string[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const dates = new Set<string>();
  for (const file of files) {
    const parsed = HolidayCalendar.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`data/holidays/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    for (const d of parsed.data.dates) dates.add(d);
  }
  return [...dates].sort();
}
