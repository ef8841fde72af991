import { describe, expect, it } from 'vitest';
import { expiryDate, findDates } from '../../../src/parse/dates.js';

describe('validity ranges', () => {
  it.each([
    ['valid from 2020-02-14 to 2030-02-13', '2030-02-13'],
    ['validity: 14 February 2020 - 13 February 2030', '2030-02-13'],
    ['有效期 2020年2月14日 至 2030年2月13日', '2030-02-13'],
    ['有效期：2021-01-01到2031-01-01', '2031-01-01'],
    ['expires on 2027-05-01, registered 2017-05-01', '2027-05-01'],
  ])('%s ends on %s', (text, end) => {
    expect(expiryDate(text)).toBe(end);
  });

  it('still lists every date in order of appearance', () => {
    expect(findDates('from 2020-02-14 to 13/02/2030')).toEqual(['2020-02-14', '2030-02-13']);
  });
});
