import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { Ctx, CtxBase } from './domain/context.js';
import type { Actor } from './domain/schemas/index.js';
import type { Db } from './store/open.js';

/** The folder the project ships with (platform profiles, demo notices), whatever the working directory. */
export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * What the composition root (`src/main.ts`) hands to the adapters: the config,
 * the database and the context factory. Adapters take it as a parameter and
 * never import `src/main.ts` themselves.
 */
export interface Runtime {
  config: Config;
  db: Db;
  base: CtxBase;
  ctx(actor?: Actor, requestId?: string): Ctx;
  close(): Promise<void>;
}
