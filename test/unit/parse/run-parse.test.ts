import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParse } from '../../../src/cli/parse.js';
import { FIXTURES, PLATFORMS_DIR } from './builders.js';

async function run(files: string[], json = true): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runParse({ files, json, platform: null, platformsDir: PLATFORMS_DIR }, (l) => lines.push(l));
  return { code, lines };
}

describe('runParse', () => {
  it('writes one JSON object per file, and an error line for an unreadable file', async () => {
    const missing = join(FIXTURES, 'no-such-file.txt');
    const { code, lines } = await run([join(FIXTURES, 'retraction.txt'), missing, join(FIXTURES, 'notice.html')]);
    expect(code).toBe(1);
    const [a, b, c] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({ kind: 'retraction', elements: null, counter_elements: null, infringing_urls: [] });
    expect(b.file).toBe(missing);
    expect(b.error).toMatch(/ENOENT/);
    expect(c).toMatchObject({ kind: 'notice', complainant_is_agent: true, rights_owner: 'Nordic Knit AB' });
    expect(c.infringing_urls).toEqual(['https://www.alibaba.com/product-detail/Wool-Sweater_1600123456789.html']);
    expect(Object.keys(c)).toEqual(['file', 'kind', 'elements', 'counter_elements', 'infringing_urls', 'complainant_is_agent', 'rights_owner', 'findings', 'complaint']);
  });

  it('reads .eml through the MIME reader, links of the HTML part included', async () => {
    const { code, lines } = await run([join(FIXTURES, 'law-firm-trademark-aliexpress.eml'), join(FIXTURES, 'bounce.eml')]);
    expect(code).toBe(0);
    const [notice, bounce] = lines.map((l) => JSON.parse(l));
    expect(notice.kind).toBe('notice');
    expect(notice.complaint.subject).toMatch(/ACME SPORTS/);
    expect(notice.infringing_urls).toContain('https://www.aliexpress.com/item/1005009999999999.html');
    expect(bounce.kind).toBe('bounce');
  });

  it('prints a readable summary without --json', async () => {
    const { lines } = await run([join(FIXTURES, 'taobao-utility-model-zh.txt')], false);
    expect(lines[0]).toMatch(/notice on taobao/);
    expect(lines.some((l) => l.includes('patent.evaluation_report.missing'))).toBe(true);
  });
});
