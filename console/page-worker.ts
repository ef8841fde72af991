import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../src/config.js';
import { openRuntime } from '../src/main.js';
import { createConsoleApp } from './app.js';
import { nodeConsoleDeps } from './node-deps.js';
import { headerList, type PageRequest, type PageResponse } from './page-pool.js';

/**
 * A page worker: the same console app on its own database connection, so a
 * reviewer's queue page is read and rendered beside the main thread instead
 * of waiting behind intake, decisions and the other reviewers' pages.
 */
const runtime = await openRuntime(workerData as Config, { migrate: false });
const app = createConsoleApp(await nodeConsoleDeps(runtime));
const port = parentPort!;

port.on('message', async (message: PageRequest | 'close') => {
  if (message === 'close') {
    await runtime.close();
    port.close();
    return;
  }
  let reply: PageResponse;
  try {
    const res = await app.fetch(new Request(message.url, { method: message.method, headers: message.headers }));
    // A page is text: a string is copied to the main thread for less than moving an ArrayBuffer costs.
    if (/^text\/|json/.test(res.headers.get('content-type') ?? '')) {
      reply = { id: message.id, status: res.status, headers: headerList(res.headers), body: await res.text() };
      port.postMessage(reply);
    } else {
      const body = await res.arrayBuffer();
      reply = { id: message.id, status: res.status, headers: headerList(res.headers), body };
      port.postMessage(reply, [body]);
    }
  } catch (error) {
    reply = { id: message.id, status: 500, headers: [], body: new ArrayBuffer(0), error: (error as Error).message };
    port.postMessage(reply);
  }
});
port.postMessage('ready');
