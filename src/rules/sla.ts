import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A platform's review target: how many working hours a case that needs
 * action may wait for a reviewer, counted in the platform's business hours
 * (UTC; none = around the clock) and skipping its holidays; and how long a
 * sender has to answer a request before the case comes back to reviewers.
 */
export const SlaPolicy = z.object({
  hours: z.number().positive().max(24 * 60).default(24),
  businessHours: z
    .object({
      /** Weekdays that count, 0 = Sunday. */
      days: z.array(z.number().int().min(0).max(6)).min(1),
      /** Hours of the day (UTC) the window opens and closes. */
      start: z.number().int().min(0).max(23),
      end: z.number().int().min(1).max(24),
    })
    .refine((b) => b.end > b.start, 'business hours must end after they start')
    .nullable()
    .default(null),
  holidays: z.array(IsoDate).default([]),
  /** Working hours a sender has to answer a request for documents. */
  answerHours: z.number().positive().max(24 * 90).default(120),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const DEFAULT_SLA: SlaPolicy = SlaPolicy.parse({});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The moment `hours` working hours after `from`, in the policy's calendar. */
export function addWorkingHours(from: Date, hours: number, policy: Pick<SlaPolicy, 'businessHours' | 'holidays'>): Date {
  const bh = policy.businessHours;
  const holidays = new Set(policy.holidays);
  if (!bh && !holidays.size) return new Date(from.getTime() + hours * HOUR);
  let left = hours * HOUR;
  let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  // Three years of days is far beyond any target; a calendar with no working day at all ends here instead of looping.
  for (let i = 0; i < 3 * 366; i++, day += DAY) {
    const date = new Date(day);
    const works = !holidays.has(date.toISOString().slice(0, 10)) && (!bh || bh.days.includes(date.getUTCDay()));
    if (!works) continue;
    const open = Math.max(from.getTime(), day + (bh ? bh.start * HOUR : 0));
    const close = day + (bh ? bh.end * HOUR : DAY);
    if (open >= close) continue;
    if (close - open >= left) return new Date(open + left);
    left -= close - open;
  }
  throw new Error('the SLA calendar has no working hours');
}

/** How the queue shows a deadline: past, near (under a quarter of the target or 4 h left), or on time. */
export function slaState(dueAt: string | null, now: Date, targetHours: number): 'past' | 'near' | 'ok' | null {
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'past';
  return left < Math.min(4, targetHours / 4) * HOUR ? 'near' : 'ok';
}
