import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const Label = z.object({
  file: z.string(),
  kind: z.string(),
  elements: z.record(z.string(), z.boolean()).nullable(),
  counter_elements: z.record(z.string(), z.boolean()).nullable(),
  infringing_urls: z.array(z.string()),
  infringing_url_count: z.number().int().nullable().optional(),
  material_urls: z.array(z.string()).nullable().optional(),
  complainant_is_agent: z.boolean().nullable(),
  rights_owner: z.string().nullable(),
  uncertain_fields: z.array(z.string()).default([]),
});
export type Label = z.infer<typeof Label>;

export async function readLabels(dir: string): Promise<Label[]> {
  const raw = await readFile(join(dir, 'labels.jsonl'), 'utf8');
  return raw.split('\n').filter((l) => l.trim()).map((l) => Label.parse(JSON.parse(l)));
}
