import { describe, expect, it } from 'vitest';
import { expiryDate, findDates } from '../../../src/parse/dates.js';

describe('validity ranges', () => {
  it.each([
    ['valid from 2020-02-14 to 2030-02-13', '2030-02-13'],
    ['validity: 14 February 2020 - 13 February 2030', '2030-02-13'],
    ['有效期 2020年2月14日 至 2030年2月13日', '2030-02-13'],
    ['有效期：2021-01-01到2031-01-01', '2031-01-01'],
    ['expires on 2027-05-01, registered 2017-05-01', '2027-05-01'],
    ['valid from February 14, 2020 to February 13, 2030', '2030-02-13'],
    ['valid from 14 Feb 2020 until 13 Feb 2030', '2030-02-13'],
    ['validity period: 2020.02.14-2030.02.13', '2030-02-13'],
    ['validity: 2020/02/14 ~ 2030/02/13', '2030-02-13'],
    ['valid for the period 14/02/2020 to 13/02/2030', '2030-02-13'],
    ['有效期限：自2020年2月14日起至2030年2月13日止', '2030-02-13'],
    ['有效期：2020年2月14日起至2030年2月13日', '2030-02-13'],
    ['2020年2月14日—2030年2月13日', '2030-02-13'],
    ['valid between 2020-02-14 and 2030-02-13', '2030-02-13'],
    ['Valid from: 2020-02-14\nValid to: 2030-02-13', '2030-02-13'],
    ['protection from 2020-02-14 up to and including 2030-02-13', '2030-02-13'],
    ['valid from 2020-02-14 to 2030-02-13 (renewed 2030-02-14)', '2030-02-13'],
    ['expires 2027-05-01 and 2028-05-01 for the renewal', '2027-05-01'],
    ['expiry 2027-05-01. Registered in Geneva; filed 2017-05-01 to 2017-06-01', '2027-05-01'],
    // The end written first.
    ['valid until 2030-02-13, from 2020-02-14', '2030-02-13'],
    ['valid to 13 Feb 2030 from 14 Feb 2020', '2030-02-13'],
    ['有效期至2030年2月13日，自2020年2月14日起', '2030-02-13'],
    ['2030年2月13日到期（2020年2月14日起）', '2030-02-13'],
    // The end named by an expiry word, or after a date marked as the start.
    ['valid from 2020-02-14 and expires on 2030-02-13', '2030-02-13'],
    ['valid from 2020-02-14, expiring 2030-02-13', '2030-02-13'],
    ['有效期：2020年2月14日起，2030年2月13日止', '2030-02-13'],
    ['有效期：2020年2月14日起，2030年2月13日到期', '2030-02-13'],
    ['valid from 2020-02-14 to and including 2030-02-13', '2030-02-13'],
    ['valid from 2020-02-14 until and including 2030-02-13', '2030-02-13'],
    // Typed with spaces or full-width digits.
    ['有效期 2020 年 2 月 14 日 至 2030 年 2 月 13 日', '2030-02-13'],
    ['有效期：２０２０年２月１４日至２０３０年２月１３日', '2030-02-13'],
  ])('%s ends on %s', (text, end) => {
    expect(expiryDate(text)).toBe(end);
  });

  it('does not join two dates that only stand side by side', () => {
    expect(expiryDate('expires 2027-05-01, registered 2017-05-01 and renewed 2018-05-01')).toBe('2027-05-01');
    expect(expiryDate('有效期至2027年5月1日，2017年5月1日注册')).toBe('2027-05-01');
  });

  it('still lists every date in order of appearance', () => {
    expect(findDates('from 2020-02-14 to 13/02/2030')).toEqual(['2020-02-14', '2030-02-13']);
  });
});
