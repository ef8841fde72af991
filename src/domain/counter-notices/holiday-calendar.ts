import { z } from 'zod';

/** One calendar of non-business days: `{ "name": "...", "dates": ["2026-01-01", ...] }`. */
export const HolidayCalendar = z.object({
  name: z.string(),
  dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

/** The sorted, de-duplicated dates of several calendars. */
export function holidayDates(calendars: readonly HolidayCalendar[]): string[] {
  return [...new Set(calendars.flatMap((c) => c.dates))].sort();
}
