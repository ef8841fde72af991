import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEmlFiles } from '../../../src/cli/import.js';
import type { Ctx } from '../../../src/domain/context.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { findCaseByNumber, listCaseEvents } from '../../../src/store/repos/cases.js';
import type { Db } from '../../../src/store/open.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { authPass, openTestDb, testCtx } from '../../support/store.js';

let db: Db;
let ctx: Ctx;

beforeAll(async () => {
  db = await openTestDb();
  ctx = testCtx(db, { platforms: await loadPlatforms(join('data', 'platforms')) });
});
afterAll(async () => db.destroy());

describe('what counts as the same message', () => {
  it('keeps a different message under a reused Message-ID, processes it and flags it', async () => {
    const notice = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: '<reused@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/reused/engine'] }) });
    const first = await receiveMessage(ctx, { channel: 'email', raw: notice, origin: 'test' });
    const opened = await processMessage(ctx, first.message.id);
    if (opened.status !== 'processed') throw new Error('not processed');

    const again = await receiveMessage(ctx, { channel: 'email', raw: notice, origin: 'test' });
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });

    const withdrawal = makeEmail({
      from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${opened.case.number}]`, messageId: '<reused@orbit-labs.example>', headers: authPass('orbit-labs.example'),
      body: `We hereby withdraw our complaint ${opened.case.number} and retract the takedown request.`,
    });
    const second = await receiveMessage(ctx, { channel: 'email', raw: withdrawal, origin: 'test' });
    expect(second.duplicate).toBe(false);
    expect(second.message.id).not.toBe(first.message.id);
    expect(await processMessage(ctx, second.message.id)).toMatchObject({ status: 'processed' });
    expect((await findCaseByNumber(db, opened.case.number))?.status).toBe('withdrawn');
    const flagged = (await listCaseEvents(db, opened.case.id)).find((e) => e.type === 'message_id_reused');
    expect(flagged?.data).toMatchObject({ messageId: second.message.id, earlierMessage: first.message.id });
  });

  it('imports with the same size limit as the mailbox: the head is kept, nothing is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-import-'));
    const big = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Huge', messageId: '<huge-import@orbit-labs.example>', body: makeDmcaBody() + '\n' + 'x'.repeat(200_000) });
    writeFileSync(join(dir, 'huge.eml'), big);
    const summary = await importEmlFiles(ctx, [dir], { progress: false, maxMessageBytes: 100_000 });
    expect(summary).toMatchObject({ files: 1, stored: 1, failed: 1 });
    expect(summary.errors[0]).toMatch(/over the 100000-byte intake limit/);
    const row = await db.selectFrom('raw_messages').selectAll().where('message_id', '=', '<huge-import@orbit-labs.example>').executeTakeFirstOrThrow();
    expect(row.state).toBe('failed');
    expect(row.raw.length).toBeLessThan(100_000);
  });
});
