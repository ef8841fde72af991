import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where a notice gives an element, labelled by hand: short verbatim quotes, one
 * per place, read without running the parser. The removals use them to delete
 * every place an element is given, not only the paragraphs their patterns match.
 */
export const ElementPlaces = z.object({
  file: z.string(),
  work_identified: z.array(z.string()).optional(),
  contact_info: z.array(z.string()).optional(),
  signature: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type ElementPlaces = z.infer<typeof ElementPlaces>;

export const PLACES_FILE = 'element-places.jsonl';

/** The labelled places by file; empty when the folder has none. */
export async function readPlaces(dir: string): Promise<Map<string, ElementPlaces>> {
  const path = join(dir, PLACES_FILE);
  const out = new Map<string, ElementPlaces>();
  if (!existsSync(path)) return out;
  const raw = await readFile(path, 'utf8');
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = ElementPlaces.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.set(parsed.data.file, parsed.data);
  });
  return out;
}

/** The quotes for one element, or null when that file's places were not labelled for it. */
export function placesOf(places: ElementPlaces | undefined, element: string): readonly string[] | null {
  if (!places) return null;
  const list = (places as Record<string, unknown>)[element];
  return Array.isArray(list) ? (list as string[]) : null;
}
