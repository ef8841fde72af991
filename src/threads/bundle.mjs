// Plain JavaScript on purpose: bin/noticedesk.js loads this before anything can read TypeScript, to run the
// command line from a bundle instead of through the TypeScript loader (see README.md beside this file).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project's folder: sources are bundled from here, and the bundles' packages are found in its node_modules. */
export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Inside node_modules, so a bundle's imports of packages (left out of the bundle) resolve to the project's
 * own; a fresh install starts with none, and each is built again whenever one of its sources changed.
 */
export const BUNDLE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'noticedesk-threads');

/** @param {string} bundle @param {string} manifestFile */
function fresh(bundle, manifestFile) {
  try {
    statSync(bundle);
    /** @type {{ inputs: Record<string, [number, number]> }} */
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    return Object.entries(manifest.inputs).every(([file, [size, mtimeMs]]) => {
      const stat = statSync(join(PROJECT_DIR, file));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

/** Written under another name first and then renamed: a process starting meanwhile never reads half a file. */
function writeWhole(file, content) {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/** Spelled in parts, so this file's own text never holds the expression it rewrites (it is bundled too). */
const MODULE_URL = ['import', 'meta', 'url'].join('.');
const MODULE_URL_PATTERN = new RegExp(`\\b${MODULE_URL.replace(/\./g, '\\.')}\\b`, 'g');

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js' };

/**
 * Each project source keeps its own `import.meta.url` inside the bundle: `new URL('../../templates/',
 * import.meta.url)` and the like still find what lies beside the source, wherever the bundle is.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onLoad({ filter: /\.(m?ts|tsx|m?js)$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const loader = LOADERS[args.path.slice(args.path.lastIndexOf('.'))];
      if (!text.includes(MODULE_URL)) return { contents: text, loader };
      return { contents: text.replace(MODULE_URL_PATTERN, JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};

/**
 * The module `source` (a TypeScript file of the project) and everything it imports from the project, as one
 * plain JavaScript file (packages stay imports), built with esbuild unless it is there and no source it was
 * built from changed since (sizes and times in the `.json` beside it). Says whether it built.
 * @param {URL} source
 * @returns {{ url: URL, built: boolean }}
 */
export function bundleModule(source) {
  const sourceFile = fileURLToPath(source);
  const name = relative(PROJECT_DIR, sourceFile).replace(/[\\/]/g, '-').replace(/\.m?tsx?$/, '.mjs');
  const bundle = join(BUNDLE_DIR, name);
  const manifestFile = `${bundle}.json`;
  const stale = !fresh(bundle, manifestFile);
  if (stale) {
    // esbuild's synchronous API takes no plugins: the build runs in a short-lived process of its own.
    try {
      execFileSync(process.execPath, [SELF, sourceFile, bundle], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    } catch (error) {
      throw new Error(`bundling ${relative(PROJECT_DIR, sourceFile)} failed: ${String(error.stderr || error.message).trim()}`);
    }
  }
  return { url: pathToFileURL(bundle), built: stale };
}

const SELF = fileURLToPath(import.meta.url);

/** @param {string} sourceFile @param {string} bundle */
async function build(sourceFile, bundle) {
  const manifestFile = `${bundle}.json`;
  // Loaded only when a bundle must be made: a start with fresh bundles never loads esbuild.
  /** @type {typeof import('esbuild')} */
  const esbuild = createRequire(import.meta.url)('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  const result = await esbuild.build({
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
    plugins: [keepModuleUrls],
    banner: { js: `// Built from ${basename(sourceFile)} and the sources it imports (src/threads/bundle.mjs); do not edit.` },
  });
  const output = result.outputFiles.find((file) => file.path === bundle) ?? result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${sourceFile}`);
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const stat = statSync(join(PROJECT_DIR, file));
    inputs[file] = [stat.size, stat.mtimeMs];
  }
  writeWhole(bundle, output.text);
  writeWhole(manifestFile, JSON.stringify({ inputs }));
}

if (process.argv[1] === SELF && process.argv.length === 4) await build(process.argv[2], process.argv[3]);
