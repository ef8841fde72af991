import { z } from 'zod';
import type { Ctx } from '../context.js';

/** How long a complainant has to answer a counter-notice, and the days that do not count. */
export const CounterNoticeSettings = z.object({
  businessDays: z.number().int().positive().default(3),
  /** ISO dates (`2026-10-01`) that are not business days, from data/holidays/*.json. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});
export type CounterNoticeSettings = z.infer<typeof CounterNoticeSettings>;

/** A context that may carry the operator's counter-notice settings (the Node and Workers wirings add them). */
export type CounterNoticeCtx = Ctx & { counterNotice?: CounterNoticeSettings };

export function counterNoticeSettings(ctx: CounterNoticeCtx): CounterNoticeSettings {
  return ctx.counterNotice ?? CounterNoticeSettings.parse({});
}

function isBusinessDay(day: Date, holidays: ReadonlySet<string>): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day.toISOString().slice(0, 10));
}

/**
 * The end (23:59:59.999 UTC) of the `days`-th business day after `from`:
 * weekends and holidays do not count, and the day of `from` itself does not
 * either, so a notice forwarded on Friday afternoon with 3 days is due at
 * the end of Wednesday.
 */
export function addBusinessDays(from: Date, days: number, holidays: readonly string[] = []): Date {
  const off = new Set(holidays);
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let counted = 0;
  while (counted < days) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isBusinessDay(day, off)) counted += 1;
  }
  return new Date(day.getTime() + 24 * 3600 * 1000 - 1);
}
