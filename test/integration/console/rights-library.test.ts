import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCtx } from '../../../src/domain/context.js';
import type { Case, DocumentMention } from '../../../src/domain/schemas/index.js';
import { REVIEWER, seedCase } from '../domain/seed.js';
import { openConsole } from './harness.js';

const doc = (kind: DocumentMention['kind'], file: string, expiresOn: string | null): DocumentMention => ({
  kind,
  foundIn: 'attachment',
  expiresOn,
  evidence: { source: `attachment:${file}`, start: 0, end: 10, text: 'Certificate' },
});

describe('rights library', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    h = await openConsole();
    session = await h.signIn();
  });
  afterAll(() => h.close());

  async function attach(c: Case, filename: string, sha256: string) {
    const link = await h.db.selectFrom('case_messages').select('message_id').where('case_id', '=', c.id).executeTakeFirstOrThrow();
    await h.db.insertInto('attachments').values({ message_id: link.message_id, sha256, filename, content_type: 'application/pdf', size: 2048, text: 'Registration certificate', problem: null, stored: 1 }).execute();
  }

  it('lists the complainant\'s earlier certificate and authorization on the next case, marks the expired one, and attaches one once', async () => {
    const ctx = makeCtx(h.base, REVIEWER);
    const complainant = { name: 'Lena Lib', organisation: 'Library Brands BV', email: 'lena@library.example', phone: null, address: null };
    const earlier = await seedCase(ctx, { complaint: { complainant, documents: [doc('ipr_certificate', 'tm-cert.pdf', '2031-05-01'), doc('authorization', 'poa.pdf', '2024-01-31'), doc('comparison_evidence', 'photos.pdf', null)] }, status: 'accepted' });
    const cert = 'a'.repeat(64);
    const poa = 'b'.repeat(64);
    await attach(earlier, 'tm-cert.pdf', cert);
    await attach(earlier, 'poa.pdf', poa);
    await attach(earlier, 'photos.pdf', 'c'.repeat(64));
    const other = await seedCase(ctx, { complaint: { complainant: { ...complainant, email: 'someone@else.example' } } });
    const next = await seedCase(ctx, { complaint: { complainant } });

    const page = async (c: Case) => (await h.request(`/cases/${c.number}`, { headers: { cookie: session.cookie } })).text();
    const html = await page(next);
    expect(html).toContain(`data-library="${cert}"`);
    expect(html).toMatch(/ipr certificate<\/b> <a href="[^"]+">tm-cert\.pdf<\/a>[\s\S]*?valid until 2031-05-01/);
    expect(html).toMatch(/authorization<\/b> <a href="[^"]+">poa\.pdf<\/a>[\s\S]*?expired 2024-01-31/);
    expect(html).not.toContain('photos.pdf');
    expect(await page(other)).not.toContain(`data-library="${cert}"`);

    const res = await h.post(`/cases/${next.number}/attach-library`, session, { fromCase: earlier.number, sha256: cert });
    expect(res.status).toBe(303);
    const after = await page(next);
    expect(after).toMatch(new RegExp(`data-library="${cert}"[\\s\\S]*?attached</span>`));
    const events = await h.db.selectFrom('case_events').select('data').where('case_id', '=', next.id).where('type', '=', 'library_document_attached').execute();
    expect(JSON.parse(events[0]!.data)).toMatchObject({ fromCase: earlier.number, kind: 'ipr_certificate', filename: 'tm-cert.pdf', expired: false });

    expect((await h.post(`/cases/${next.number}/attach-library`, session, { fromCase: earlier.number, sha256: cert })).status).toBe(409);
    expect((await h.post(`/cases/${other.number}/attach-library`, session, { fromCase: earlier.number, sha256: cert })).status).toBe(422);
  });
});
