import { getHeapStatistics } from 'node:v8';

const MB = 1024 * 1024;

/** V8's full collection, where Node was started with --expose-gc (`npm start` and the `noticedesk` command are); null elsewhere. */
function fullCollection(): (() => void) | null {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : null;
}

export interface HeapBound {
  /** Called as work is done (cheap: the heap is looked at every `every` calls); collects when over the bound. */
  tick(): void;
  /** Full collections made so far. */
  readonly collections: number;
}

/**
 * Keeps the calling thread's heap near what it holds alive. Over a long backlog V8 lets the main thread's
 * heap grow far past its live objects before it collects: in two runs of the same 10,000-message backlog
 * the intake's heap peaked at 57 MB and at 108 MB, with about 30 MB alive, and that difference decided
 * whether the process stayed under 300 MB. When the heap passes `limitMb`, a full collection runs (some
 * tens of ms on this heap, a few times per 10,000 messages). When what is alive afterwards is more than
 * half the bound (a busy console's caches, say), the bound moves up to twice that, so the collection
 * never runs back to back. Without --expose-gc the bound does nothing and V8 collects as it likes.
 */
export function createHeapBound(limitMb: number, every = 64): HeapBound {
  let collect: (() => void) | null | undefined;
  let bound = limitMb * MB;
  let calls = 0;
  let collections = 0;
  return {
    tick() {
      if (++calls % every !== 0) return;
      if (getHeapStatistics().used_heap_size <= bound) return;
      collect ??= fullCollection();
      if (!collect) return;
      collect();
      collections++;
      bound = Math.max(limitMb * MB, 2 * getHeapStatistics().used_heap_size);
    },
    get collections() {
      return collections;
    },
  };
}
