import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project's folder: sources are bundled from here, and the bundles' packages are found in its node_modules. */
const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Inside node_modules, so a bundle's imports of packages (left out of the bundle) resolve to the project's
 * own; a fresh install starts with none, and each is built again whenever one of its sources changed.
 */
export const THREAD_BUNDLE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'noticedesk-threads');

interface Manifest {
  /** Each source file the bundle was built from, with its size and modification time then. */
  inputs: Record<string, [number, number]>;
}

const built = new Map<string, URL>();

function fresh(bundle: string, manifestFile: string): boolean {
  try {
    statSync(bundle);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    return Object.entries(manifest.inputs).every(([file, [size, mtimeMs]]) => {
      const stat = statSync(join(PROJECT_DIR, file));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

/** Written under another name first and then renamed: a process starting meanwhile never reads half a file. */
function writeWhole(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

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
  const sourceFile = fileURLToPath(source);
  const name = relative(PROJECT_DIR, sourceFile).replace(/[\\/]/g, '-').replace(/\.ts$/, '.mjs');
  const bundle = join(THREAD_BUNDLE_DIR, name);
  const manifestFile = `${bundle}.json`;
  const stale = !fresh(bundle, manifestFile);
  if (stale) build(sourceFile, bundle, manifestFile);
  return { url: pathToFileURL(bundle), built: stale };
}

function build(sourceFile: string, bundle: string, manifestFile: string): void {
  // Loaded only when a bundle must be made: a start with fresh bundles never loads esbuild.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  const result = esbuild.buildSync({
    entryPoints: [sourceFile],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: PROJECT_DIR,
    write: false,
    metafile: true,
    outfile: bundle,
    logLevel: 'silent',
    banner: { js: `// Built from ${basename(sourceFile)} and the sources it imports (src/threads/thread-entry.ts); do not edit.` },
  });
  const output = result.outputFiles.find((file) => file.path === bundle) ?? result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${sourceFile}`);
  const inputs: Manifest['inputs'] = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const stat = statSync(join(PROJECT_DIR, file));
    inputs[file] = [stat.size, stat.mtimeMs];
  }
  writeWhole(bundle, output.text);
  writeWhole(manifestFile, JSON.stringify({ inputs } satisfies Manifest));
}
