import { describe, expect, it } from 'vitest';
import { planFetches } from '../../../src/intake/imap/catch-up.js';
import { uidSet } from '../../../src/intake/imap/uid-set.js';

describe('uidSet', () => {
  it('writes runs as ranges', () => {
    expect(uidSet([1, 2, 3, 7, 9, 10, 11, 12])).toBe('1:3,7,9:12');
    expect(uidSet([5])).toBe('5');
    expect(uidSet([])).toBe('');
  });
});

describe('planFetches', () => {
  const MB = 1024 * 1024;
  it('fetches a batch of ordinary messages in one step', () => {
    expect(planFetches([{ uid: 1, size: 3000 }, { uid: 2, size: 4000 }], 50 * MB, 32 * MB)).toEqual([{ kind: 'whole', uids: [1, 2] }]);
  });

  it('gives each oversized message a step of its own, in UID order', () => {
    const steps = planFetches([{ uid: 1, size: 10 }, { uid: 2, size: 200 * MB }, { uid: 3, size: 10 }], 50 * MB, 32 * MB);
    expect(steps).toEqual([{ kind: 'whole', uids: [1] }, { kind: 'oversized', uid: 2, size: 200 * MB }, { kind: 'whole', uids: [3] }]);
  });

  it('splits a batch whose bytes would pass the fetch budget', () => {
    const steps = planFetches([1, 2, 3, 4].map((uid) => ({ uid, size: 20 * MB })), 50 * MB, 32 * MB);
    expect(steps).toEqual([1, 2, 3, 4].map((uid) => ({ kind: 'whole', uids: [uid] })));
  });
});
