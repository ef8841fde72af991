import { describe, expect, it } from 'vitest';
import { deficiencyPolicy, missingBucket } from '../../../src/rules/deficiency-policy.js';
import { finding } from '../../../src/rules/finding.js';

const sig = finding('dmca.signature.missing', 'signature', 'missing', 'Please sign the notice.');
const work = finding('dmca.work.missing', 'work_identified', 'missing', 'Please identify the work.');
const url = finding('url.search_page', 'listings', 'invalid', 'A search page is not a listing.');

describe('deficiency policy', () => {
  it('sends a missing element on its own only when its confidence reaches the threshold', () => {
    const sure = deficiencyPolicy([sig], 0);
    expect(sure.automatic).toEqual([sig]);
    expect(sure.review).toEqual([]);
    const unsure = deficiencyPolicy([sig, work], 1.01);
    expect(unsure.automatic).toEqual([]);
    expect(unsure.review.map((f) => [f.code, f.severity])).toEqual([['dmca.signature.missing', 'warning'], ['dmca.work.missing', 'warning']]);
    expect(unsure.review[1]!.message).toBe('Work not clearly identified: confirm or ask the sender.');
  });

  it('leaves findings that are not missing elements as they are', () => {
    expect(deficiencyPolicy([url, work], 1.01).automatic).toEqual([url]);
  });

  it('reads how many elements are missing at once into buckets', () => {
    expect([1, 2, 3, 4, 6].map(missingBucket)).toEqual(['1', '2-3', '2-3', '4+', '4+']);
  });
});
