import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleThread } from '../../../src/threads/thread-entry.js';

const dirs: string[] = [];
const bundles: URL[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const url of bundles.splice(0)) for (const file of [url, new URL(`${url.href}.json`)]) rmSync(file, { force: true });
});

function bundled(entry: URL) {
  const result = bundleThread(entry);
  bundles.push(result.url);
  return result;
}

/** A thread's TypeScript entry and a module it imports, in a folder of the project's own. */
function sources() {
  const dir = resolve('data', 'tmp', `thread-src-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  dirs.push(dir);
  writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'first';\n");
  writeFileSync(
    join(dir, 'entry.ts'),
    "import { parentPort } from 'node:worker_threads';\nimport { greeting } from './greeting.js';\ninterface Reply { greeting: string }\nparentPort!.postMessage({ greeting } satisfies Reply);\n",
  );
  return { dir, entry: pathToFileURL(join(dir, 'entry.ts')) };
}

/** Runs `url` in a plain thread (no TypeScript loader) and returns the first thing it says. */
async function runThread(url: URL): Promise<unknown> {
  const worker = new Worker(url);
  try {
    return await new Promise((resolveMessage, reject) => {
      worker.once('message', resolveMessage);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('thread bundles', () => {
  it('runs a TypeScript entry and its imports in a thread without the TypeScript loader', async () => {
    const { entry } = sources();
    const bundle = bundled(entry);
    expect(bundle.url.pathname.endsWith('.mjs')).toBe(true);
    expect(await runThread(bundle.url)).toEqual({ greeting: 'first' });
  });

  it('keeps each source\'s own import.meta.url, so files beside a source are found from the bundle', async () => {
    const { dir, entry } = sources();
    writeFileSync(join(dir, 'beside.txt'), 'next to the source');
    writeFileSync(
      join(dir, 'entry.ts'),
      "import { readFileSync } from 'node:fs';\nimport { parentPort } from 'node:worker_threads';\nparentPort!.postMessage({ beside: readFileSync(new URL('./beside.txt', import.meta.url), 'utf8') });\n",
    );
    expect(await runThread(bundled(entry).url)).toEqual({ beside: 'next to the source' });
  });

  it('builds once, and again only when a source it was built from changed', async () => {
    const { dir, entry } = sources();
    expect(bundled(entry).built).toBe(true);
    expect(bundled(entry).built).toBe(false);
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'changed';\n");
    const again = bundled(entry);
    expect(again.built).toBe(true);
    expect(await runThread(again.url)).toEqual({ greeting: 'changed' });
  });
});
