import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../src/config.js';

export interface PageRequest {
  id: number;
  url: string;
  method: string;
  headers: [string, string][];
}

export interface PageResponse {
  id: number;
  status: number;
  headers: [string, string][];
  /** Text as a string, anything else as bytes. */
  body: string | ArrayBuffer;
  error?: string;
}

export function headerList(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => list.push([name, value]));
  return list;
}

type Fetch = (request: Request) => Response | Promise<Response>;

interface PageWorker {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void }>;
}

/** Names the page worker that answered, for operators reading a response (and for the tests). */
export const SERVED_BY = 'noticedesk-page-worker';

/** Pages that only read: the queue and the stats. Everything else stays on the main thread. */
export function isPoolPage(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const { pathname } = new URL(request.url);
  return pathname === '/' || pathname === '/stats';
}

export function pageWorkerCount(configured: number | undefined, database: string): number {
  if (database === ':memory:' || database === 'sqlite::memory:') return 0; // a memory database cannot be shared
  // Each worker holds its own copy of the app (about 100 MB): opt-in for teams whose queue is busy.
  return Math.min(configured ?? 0, 4 * availableParallelism());
}

/**
 * Worker threads that serve the read-only pages, each with its own database
 * connection; a request goes to the worker with the fewest in hand. A worker
 * that is not ready, or that failed, leaves its requests to the main thread.
 */
export function startPagePool(size: number, config: Config, fallback: Fetch) {
  let nextId = 1;
  let spawned = 0;
  const workers: PageWorker[] = [];
  const spawn = (): PageWorker => {
    const number = ++spawned;
    const entry: PageWorker = { worker: new Worker(new URL('./page-worker-boot.mjs', import.meta.url), { workerData: config }), ready: false, inFlight: new Map() };
    entry.worker.on('message', (message: PageResponse | 'ready') => {
      if (message === 'ready') return void (entry.ready = true);
      const waiting = entry.inFlight.get(message.id);
      entry.inFlight.delete(message.id);
      if (!waiting) return;
      if (message.error) waiting.reject(new Error(message.error));
      else {
        const headers = new Headers(message.headers);
        headers.set(SERVED_BY, String(number));
        // A string or a Uint8Array: the HTTP server writes those to the socket at once, where an ArrayBuffer is read as a stream.
        const body = message.status === 204 || message.status === 304 ? null : typeof message.body === 'string' ? message.body : new Uint8Array(message.body);
        waiting.resolve(new Response(body, { status: message.status, headers }));
      }
    });
    entry.worker.on('error', (error) => {
      entry.ready = false;
      for (const w of entry.inFlight.values()) w.reject(error);
      entry.inFlight.clear();
    });
    entry.worker.on('exit', () => {
      entry.ready = false;
      const at = workers.indexOf(entry);
      if (at >= 0 && !closing) workers[at] = spawn();
    });
    return entry;
  };
  let closing = false;
  for (let i = 0; i < size; i++) workers.push(spawn());

  return {
    async fetch(request: Request): Promise<Response> {
      const ready = workers.filter((w) => w.ready);
      if (!ready.length || !isPoolPage(request)) return fallback(request);
      const target = ready.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      const id = nextId++;
      const response = new Promise<Response>((resolve, reject) => target.inFlight.set(id, { resolve, reject }));
      const message: PageRequest = { id, url: request.url, method: request.method, headers: headerList(request.headers) };
      target.worker.postMessage(message);
      return response.catch(() => fallback(request));
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.worker.once('exit', () => resolve());
              w.worker.postMessage('close');
              setTimeout(() => void w.worker.terminate(), 5000).unref();
            }),
        ),
      );
    },
  };
}
