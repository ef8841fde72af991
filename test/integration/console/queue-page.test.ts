import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

describe('queue rows', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
  });
  afterAll(() => h.close());
  const page = async (path: string) => (await h.request(path, { headers: { cookie: session.cookie } })).text();
  const rowOf = (html: string, number: string) => new RegExp(`<tr class="row" data-case="${number}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

  it("shows a sender's markup in the subject and rights owner as text, with the listing count and assignee", async () => {
    const mark = `Q${Date.now()}`;
    const c = await seedCase(makeCtx(h.base, REVIEWER), {
      complaint: { subject: `<img src=x onerror="alert(1)"> ${mark} & 'co'`, rightsOwner: `<b>${mark} Owner</b>`, complainant: { name: 'A', organisation: null, email: `a&b@${mark.toLowerCase()}.example`, phone: null, address: null } },
    });
    const row = rowOf(await page(`/?q=${mark}`), c.number);
    expect(row).not.toBe('');
    expect(row).not.toMatch(/<img|<b>/);
    expect(row).toContain(`&lt;img src=x onerror=&quot;alert(1)&quot;&gt; ${mark} &amp; &#39;co&#39;`);
    expect(row).toContain(`&lt;b&gt;${mark} Owner&lt;/b&gt;`);
    expect(row).toContain(`a&amp;b@${mark.toLowerCase()}.example`);
    expect(row).toContain('<td>3</td>');
    expect(row).toContain('<span class="muted">unassigned</span>');
    expect(row).toContain(`value="${c.number}@${c.version}"`);
    expect(row).toMatch(/<span class="badge in_review">in review<\/span>/);
  });

  it('says so when no case matches', async () => {
    expect(await page('/?q=no-such-case-anywhere-at-all')).toContain('No cases match.');
  });
});
