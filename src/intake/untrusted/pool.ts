import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { WorkLimitError } from '../../domain/messages/untrusted-work.js';
import { threadEntry } from '../../threads/thread-entry.js';

export interface PoolOptions {
  /** Threads (default: one per core, at most four). */
  size?: number;
  resourceLimits?: ResourceLimits;
  /** Module the threads run (default: worker-main.ts, bundled; see src/threads/thread-entry.ts). */
  entry?: URL;
  /** Handed to each thread as `workerData`, with `threadName` added. */
  workerData?: Record<string, unknown>;
  /** Threads are named `NAME-1`, `NAME-2`... (see src/threads/name-thread.ts); default `nd-work`. */
  name?: string;
  /** A thread idle this long is ended (its memory given back); a new one starts on demand. */
  idleMs?: number;
  /**
   * The heap limit does not cover buffers (pdf.js inflates streams into
   * them): while a job runs, the process's resident memory is checked, and
   * above this the pool's busy threads are ended.
   */
  rssCeilingMb?: number;
  /**
   * Jobs handed to a thread at once (default 1). With 2, the next job already
   * waits in the thread's port when one finishes, so the thread does not sit
   * idle while this thread is busy (writing a batch) before it dispatches.
   * The thread must run its jobs one at a time, in order.
   */
  depth?: number;
}

/** What a job hands its thread; made again if the job must be handed to a fresh thread. */
export interface Handover {
  payload: unknown;
  /** Buffers moved to the thread instead of copied. */
  transfer?: ArrayBuffer[];
}

/** A later step of a job: when the thread says `'next-step'`, the job's bound starts again with this one. */
export interface NextStep {
  timeoutMs: number;
  label: string;
}

interface Job {
  kind: string;
  handover: () => Handover;
  timeoutMs: number;
  label: string;
  steps: NextStep[];
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Set once the thread has loaded its code: a job's time bound starts only then. */
  ready: boolean;
  /** Jobs handed to the thread, oldest (the one running) first; only the running one is timed. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
}

const MAIN = new URL('./worker-main.ts', import.meta.url);
/** Loads worker-main.ts through tsx: used only when the bundle cannot be built. */
const BOOT = new URL('./worker-boot.mjs', import.meta.url);
/**
 * Each thread's heap: enough for a 50 MB message, small enough that two of them stay well under the process
 * budget. The young generation is kept small: a large one is resident memory a busy thread fills with
 * short-lived garbage (8 MB instead of 32 took about 20 MB off the intake's peak, at no cost in throughput).
 */
const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 };

/**
 * A fixed set of threads for work on untrusted input (MIME, PDF text,
 * parsing). Jobs run in the order given; each has a time bound, and a thread
 * that goes over it, or over its memory, is terminated and replaced, so the
 * main thread (database, IMAP, console) never waits on hostile input.
 */
/**
 * Bytes that can be handed to another thread without a copy: a view that
 * owns its whole buffer. Any other view is copied into one that does (a
 * small Buffer shares Node's pool, which must never be handed over).
 */
export function ownBuffer(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer } {
  // Uint8Array's slice copies; Buffer's (a subclass) would return a view of the same memory.
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : Uint8Array.prototype.slice.call(bytes);
  return { bytes: owned, transfer: owned.buffer as ArrayBuffer };
}

export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  private watch: NodeJS.Timeout | null = null;
  private spawned = 0;

  constructor(private readonly options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  }

  /** Jobs waiting for a thread (callers bound their own in-flight work with it). */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * `payload`: the job's input, or a function that makes it (with buffers to
   * transfer) each time the job is handed to a thread: a job that waited behind
   * one whose thread was ended is handed to the next thread with fresh buffers.
   */
  run<T>(kind: string, payload: unknown, timeoutMs: number, label = kind, steps: readonly NextStep[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    const handover = typeof payload === 'function' ? (payload as () => Handover) : () => ({ payload });
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, handover, timeoutMs, label, steps: [...steps], resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watch) clearInterval(this.watch);
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool is closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.end(slot)));
  }

  private dispatch(): void {
    const depth = Math.max(1, this.options.depth ?? 1);
    while (this.queue.length) {
      if (this.slots.length < this.size && this.slots.every((s) => s.jobs.length || !s.ready)) this.spawn();
      // An idle thread first, then one with room for a job behind its running one.
      const slot = this.slots.find((s) => s.ready && !s.jobs.length) ?? this.slots.find((s) => s.ready && s.jobs.length < depth);
      if (!slot) return;
      const job = this.queue.shift()!;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      let handed: Handover;
      try {
        handed = job.handover();
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      slot.jobs.push(job);
      if (slot.jobs.length === 1) this.startTimer(slot);
      this.watchMemory();
      slot.worker.postMessage({ kind: job.kind, payload: handed.payload }, handed.transfer ?? []);
    }
  }

  /** The running job's time bound starts when it starts, not while it waited behind another. */
  private startTimer(slot: Slot): void {
    const job = slot.jobs[0];
    if (!job) return;
    slot.timer = setTimeout(() => this.fail(slot, new WorkLimitError(`${job.label} did not finish within ${job.timeoutMs / 1000} s`, 'time')), job.timeoutMs);
  }

  private spawn(): Slot {
    const threadName = `${this.options.name ?? 'nd-work'}-${++this.spawned}`;
    const worker = new Worker(this.options.entry ?? threadEntry(MAIN, BOOT), {
      workerData: { ...this.options.workerData, threadName },
      resourceLimits: this.options.resourceLimits ?? DEFAULT_LIMITS,
      // The threads must not hold the process open once the intake stops.
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, jobs: [], timer: null, idle: null };
    worker.on('message', (message: 'ready' | 'next-step' | { ok: true; value: unknown } | { ok: false; error: string }) => {
      if (message === 'ready') {
        slot.ready = true;
        this.dispatch();
        return;
      }
      if (message === 'next-step') {
        // The running job moved on to its next step: that step gets its own bound, from now.
        const job = slot.jobs[0];
        const step = job?.steps.shift();
        if (!job || !step) return;
        job.timeoutMs = step.timeoutMs;
        job.label = step.label;
        if (slot.timer) clearTimeout(slot.timer);
        this.startTimer(slot);
        return;
      }
      const job = slot.jobs[0];
      if (!job) return;
      this.finish(slot);
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(message.error));
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready) {
        // The thread could not even load its code: nothing queued can run, and respawning would loop.
        for (const job of this.queue.splice(0)) job.reject(new WorkLimitError(`worker thread failed to start: ${error.message}`, 'crash'));
      }
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const label = slot.jobs[0]?.label ?? 'work';
      this.fail(slot, new WorkLimitError(memory ? `${label} ran out of its memory bound` : `${label} stopped: ${error.message}`, memory ? 'memory' : 'crash'));
    });
    worker.on('exit', () => {
      if (this.slots.includes(slot)) this.fail(slot, new WorkLimitError(`${slot.jobs[0]?.label ?? 'work'} stopped its thread`, 'crash'));
    });
    this.slots.push(slot);
    return slot;
  }

  /** The running job is done: the next one handed over starts its time bound. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.jobs.shift();
    if (slot.jobs.length) this.startTimer(slot);
    else this.idleLater(slot);
  }

  private idleLater(slot: Slot): void {
    const { idleMs } = this.options;
    if (idleMs !== undefined && this.slots.includes(slot)) {
      slot.idle = setTimeout(() => {
        if (slot.jobs.length) return;
        this.slots.splice(this.slots.indexOf(slot), 1);
        void this.end(slot);
      }, idleMs);
      slot.idle.unref();
    }
  }

  private watchMemory(): void {
    const ceiling = this.options.rssCeilingMb;
    if (ceiling === undefined || this.watch) return;
    this.watch = setInterval(() => {
      const busy = this.slots.filter((s) => s.jobs.length);
      if (!busy.length) {
        clearInterval(this.watch!);
        this.watch = null;
        return;
      }
      const rssMb = process.memoryUsage.rss() / 1024 / 1024;
      if (rssMb <= ceiling) return;
      for (const slot of busy) this.fail(slot, new WorkLimitError(`${slot.jobs[0]!.label} went over the memory bound (process at ${Math.round(rssMb)} MB)`, 'memory'));
    }, 25);
    this.watch.unref();
  }

  /**
   * Ends the thread (it may be stuck in a loop) and gives its running job the
   * error; jobs handed over behind it go back to the front of the queue, with
   * their bytes (a transferred buffer was never read by the ended thread, but it
   * is gone from here: such a job fails as the running one did).
   */
  private fail(slot: Slot, error: WorkLimitError): void {
    const [job, ...behind] = slot.jobs;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.jobs = [];
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
    void this.end(slot);
    job?.reject(error);
    this.queue.unshift(...behind);
    if (!this.closed) this.dispatch();
  }

  private async end(slot: Slot): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    await slot.worker.terminate().catch(() => undefined);
  }
}
