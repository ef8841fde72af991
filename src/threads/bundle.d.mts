/** The project's folder: sources are bundled from here. */
export declare const PROJECT_DIR: string;
/** Where bundles are kept (inside node_modules, so their package imports resolve to the project's own). */
export declare const BUNDLE_DIR: string;
/** The module `source` and the project sources it imports as one JavaScript file, built when missing or stale. */
export declare function bundleModule(source: URL): { url: URL; built: boolean };
