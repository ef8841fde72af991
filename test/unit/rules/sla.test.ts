import { describe, expect, it } from 'vitest';
import { addWorkingHours, SlaPolicy, slaState } from '../../../src/rules/sla.js';

const at = (iso: string) => new Date(iso);

describe('SLA deadlines', () => {
  it('counts 24 hours around the clock by default', () => {
    expect(addWorkingHours(at('2026-11-27T15:00:00Z'), 24, SlaPolicy.parse({})).toISOString()).toBe('2026-11-28T15:00:00.000Z');
  });

  it('counts only business hours: a Friday 16:00 case with 24 working hours (9-18, Mon-Fri) is due Wednesday 13:00', () => {
    const policy = SlaPolicy.parse({ businessHours: { days: [1, 2, 3, 4, 5], start: 9, end: 18 } });
    // Fri 16-18 (2 h), Mon 9-18 (9 h), Tue 9-18 (9 h), Wed 9-13 (4 h) = 24 h.
    expect(addWorkingHours(at('2026-11-27T16:00:00Z'), 24, policy).toISOString()).toBe('2026-12-02T13:00:00.000Z');
  });

  it('skips the profile holidays', () => {
    const policy = SlaPolicy.parse({ businessHours: { days: [1, 2, 3, 4, 5], start: 9, end: 18 }, holidays: ['2026-11-30'] });
    expect(addWorkingHours(at('2026-11-27T16:00:00Z'), 24, policy).toISOString()).toBe('2026-12-03T13:00:00.000Z');
    const roundTheClock = SlaPolicy.parse({ holidays: ['2026-11-28'] });
    expect(addWorkingHours(at('2026-11-27T20:00:00Z'), 24, roundTheClock).toISOString()).toBe('2026-11-29T20:00:00.000Z');
  });

  it('starts at the next opening when the case arrives outside business hours', () => {
    const policy = SlaPolicy.parse({ businessHours: { days: [1, 2, 3, 4, 5], start: 9, end: 18 } });
    expect(addWorkingHours(at('2026-11-28T12:00:00Z'), 2, policy).toISOString()).toBe('2026-11-30T11:00:00.000Z');
  });

  it('refuses business hours that close before they open, and a calendar with no working day', () => {
    expect(SlaPolicy.safeParse({ businessHours: { days: [1], start: 18, end: 9 } }).success).toBe(false);
    const never = SlaPolicy.parse({ businessHours: { days: [1], start: 9, end: 18 }, holidays: [] });
    expect(() => addWorkingHours(at('2026-11-27T00:00:00Z'), 24 * 200 * 9, never)).toThrow(/no working hours/);
  });

  it('is near under a quarter of the target or 4 hours, past once the deadline has gone', () => {
    const now = at('2026-11-27T12:00:00Z');
    expect(slaState('2026-11-27T11:59:00Z', now, 24)).toBe('past');
    expect(slaState('2026-11-27T15:00:00Z', now, 24)).toBe('near');
    expect(slaState('2026-11-28T10:00:00Z', now, 24)).toBe('ok');
    expect(slaState(null, now, 24)).toBeNull();
  });
});
