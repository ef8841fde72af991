import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../src/domain/counter-notices/business-days.js';

describe('addBusinessDays', () => {
  it('counts from the next day and skips weekends', () => {
    expect(addBusinessDays(new Date('2026-03-02T09:00:00Z'), 3).toISOString()).toBe('2026-03-05T23:59:59.999Z');
    expect(addBusinessDays(new Date('2026-03-06T09:00:00Z'), 1).toISOString()).toBe('2026-03-09T23:59:59.999Z');
    expect(addBusinessDays(new Date('2026-03-07T09:00:00Z'), 3).toISOString()).toBe('2026-03-11T23:59:59.999Z');
  });
  it('skips holidays given as data', () => {
    expect(addBusinessDays(new Date('2026-12-23T09:00:00Z'), 2, ['2026-12-25']).toISOString()).toBe('2026-12-28T23:59:59.999Z');
  });
});
