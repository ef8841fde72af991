#!/usr/bin/env -S node --expose-gc
// Runs the command line from one JavaScript bundle of its TypeScript sources (built by esbuild on first use
// and whenever a source changed, see src/threads/bundle.mjs): no build step between a checkout and a working
// command, and no TypeScript loader in the running process (a loader thread and its caches, about 60 MB).
// --expose-gc lets the intake and its threads keep their heaps near what they hold alive (src/threads/heap-bound.ts).
// When the bundle cannot be built, the sources are loaded through tsx instead.
import { bundleModule } from '../src/threads/bundle.mjs';

const source = new URL('../src/cli.ts', import.meta.url);
let entry;
try {
  entry = bundleModule(source).url;
} catch (error) {
  process.emitWarning(`src/cli.ts could not be bundled (${error.message}); loading the sources through tsx`);
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
await import(entry.href);
