import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Which files outside src/store build a query. */
function queriesOutsideStore(dirs: string[]): string[] {
  return dirs
    .flatMap((d) => sources(join(root, d)))
    .filter((f) => !relative(root, f).startsWith(join('src', 'store')))
    .filter((f) => QUERY.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f));
}

describe('queries live in the store (src/store/repos)', () => {
  it('no verb, route or adapter builds a query itself', () => {
    expect(queriesOutsideStore(['src', 'console'])).toEqual([]);
  });

  it('would name a file that did', () => {
    // The pattern matches the way the repositories build their queries, so a query written elsewhere would be named.
    const inStore = sources(join(root, 'src', 'store', 'repos')).filter((f) => QUERY.test(readFileSync(f, 'utf8')));
    expect(inStore.length).toBeGreaterThan(5);
  });
});
