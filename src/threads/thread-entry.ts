import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, bundleModule, PROJECT_DIR } from './bundle.mjs';

/** Where the bundles are kept (see ./bundle.mjs). */
export const THREAD_BUNDLE_DIR = BUNDLE_DIR;

const built = new Map<string, URL>();

/**
 * The code a thread runs, as one plain JavaScript file: the TypeScript entry `source` and everything it
 * imports from the project, bundled with esbuild (packages stay imports). Loading TypeScript through the
 * loader in each thread cost every thread a loader thread of its own and the loader's caches (about 35 MB
 * per thread); a bundle is read once, without either. Built when missing or older than any of its sources,
 * once per process; when it cannot be built, `fallback` (which loads the sources through tsx) is used.
 */
export function threadEntry(source: URL, fallback: URL): URL {
  const sourceFile = fileURLToPath(source);
  let entry = built.get(sourceFile);
  if (!entry) {
    try {
      entry = bundleThread(source).url;
    } catch (error) {
      process.emitWarning(`${relative(PROJECT_DIR, sourceFile)} could not be bundled (${(error as Error).message}); its thread loads the sources through tsx`);
      entry = fallback;
    }
    built.set(sourceFile, entry);
  }
  return entry;
}

/** Builds the bundle of `source` unless it is there and newer than its sources; says which it did. */
export function bundleThread(source: URL): { url: URL; built: boolean } {
  return bundleModule(source);
}
