import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileD1Migrations } from '../src/store/d1-migrations.js';

/**
 * Writes the migration list as SQL files for `wrangler d1 migrations apply`
 * (wrangler.toml's `migrations_dir`). Usage: tsx console/write-d1-migrations.ts [DIR]
 */
const dir = resolve(process.argv[2] ?? 'dist/d1-migrations');
mkdirSync(dir, { recursive: true });
for (const stale of readdirSync(dir).filter((f) => f.endsWith('.sql'))) rmSync(join(dir, stale));
const migrations = await compileD1Migrations();
for (const m of migrations) writeFileSync(join(dir, `${m.name}.sql`), m.sql);
console.log(`${migrations.length} migrations written to ${dir}`);
