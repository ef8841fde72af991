import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createHeapBound } from '../../../src/threads/heap-bound.js';

const usedMb = () => getHeapStatistics().used_heap_size / 1024 / 1024;

/** Garbage: many small objects, dropped at once. */
function litter(count: number): number {
  let kept: Array<{ n: number; text: string }> = [];
  for (let i = 0; i < count; i++) kept.push({ n: i, text: `item ${i}` });
  const made = kept.length;
  kept = [];
  return made;
}

describe('heap bound', () => {
  it('collects once the heap is over the bound, and the heap falls back to what is alive', () => {
    const before = usedMb();
    const bound = createHeapBound(Math.ceil(before) + 8, 1);
    litter(1_000_000);
    const littered = usedMb();
    expect(littered).toBeGreaterThan(before + 8);
    bound.tick();
    expect(bound.collections).toBe(1);
    expect(usedMb()).toBeLessThan(littered - 8);
  });

  it('leaves a heap under the bound alone, and looks only every so many calls', () => {
    const bound = createHeapBound(Math.ceil(usedMb()) + 512, 1);
    for (let i = 0; i < 10; i++) bound.tick();
    expect(bound.collections).toBe(0);
    const sparse = createHeapBound(1, 4);
    for (let i = 0; i < 3; i++) sparse.tick();
    expect(sparse.collections).toBe(0);
    sparse.tick();
    expect(sparse.collections).toBe(1);
  });
});
