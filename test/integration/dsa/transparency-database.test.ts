import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { submitStatements } from '../../../src/domain/dsa/submit-statements.js';
import { createTransparencyClient } from '../../../src/dsa/transparency-client.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { Db } from '../../../src/store/open.js';
import { listStatements } from '../../../src/store/repos/statements.js';
import { startDsaStandIn, StandInStatement, type DsaStandIn } from '../../support/dsa-stand-in.js';
import { openTestDb, tempSqlitePath, testCtx } from '../../support/store.js';
import { listing, REVIEWER, seedCase } from '../domain/seed.js';

const BIN = resolve('bin/noticedesk.js');
const TOKEN = 'X|test-token-for-the-stand-in';

describe('DSA Transparency Database export and submission', () => {
  let db: Db;
  let ctx: Ctx;
  let dbPath: string;
  let clock = new Date('2026-03-04T10:00:00Z');
  let standIn: DsaStandIn;
  beforeAll(async () => {
    dbPath = tempSqlitePath();
    db = await openTestDb(dbPath);
    const platforms = await loadPlatforms('data/platforms');
    ctx = makeCtx(testCtx(db, { now: () => clock, platforms }), REVIEWER);
    standIn = await startDsaStandIn(TOKEN);
  });
  afterAll(async () => {
    await standIn.close();
    await db.destroy();
  });

  it('prints statements that pass the stand-in schema and hold no personal data', async () => {
    const c = await seedCase(ctx, {
      complaint: {
        iprType: 'trademark',
        disclosureConsent: true,
        rightsOwner: 'Acme Trading GmbH',
        complainant: { name: 'Jane Complainant', organisation: 'Acme Trading GmbH', email: 'jane@acme.test', address: 'Hauptstr. 1, Berlin', phone: '+49 30 1234567' },
      },
    });
    await acceptCase(ctx, { caseNumber: c.number });
    const env = { ...process.env, NOTICEDESK_DB: dbPath };
    const lines = execFileSync(process.execPath, [BIN, 'dsa', 'statements', '--json'], { env, encoding: 'utf8' }).trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const check = StandInStatement.safeParse(JSON.parse(line));
      expect(check.success, check.success ? '' : JSON.stringify(check.error.issues)).toBe(true);
      expect(line).not.toMatch(/Acme|Jane|jane@|Hauptstr|1234567|aliexpress\.com\/item/);
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      category_specification: ['KEYWORD_TRADEMARK_INFRINGEMENT'],
      content_type: ['CONTENT_TYPE_PRODUCT'],
      content_date: '2026-03-04',
      application_date: '2026-03-04',
      source_type: 'SOURCE_ARTICLE_16',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: `${c.number}-L1`,
    });
    const body = JSON.parse(execFileSync(process.execPath, [BIN, 'dsa', 'statements'], { env, encoding: 'utf8' }));
    expect(body.statements).toHaveLength(3);
    const later = execFileSync(process.execPath, [BIN, 'dsa', 'statements', '--since', '2026-03-05', '--json'], { env, encoding: 'utf8' });
    expect(later.trim()).toBe('');
    const bad = spawnSync(process.execPath, [BIN, 'dsa', 'statements', '--since', 'yesterday'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--since: "yesterday" is not a date');
  }, 180_000);

  it('submits in batches of up to 100, retries after failures, and sends each puid once', async () => {
    clock = new Date('2026-03-05T10:00:00Z');
    const many = Array.from({ length: 130 }, (_, i) => listing(`https://www.aliexpress.com/item/${1000 + i}.html`));
    const big = await seedCase(ctx, { complaint: { iprType: 'copyright', listings: many } });
    await acceptCase(ctx, { caseNumber: big.number });
    expect(await listStatements(db)).toHaveLength(133);
    const api = createTransparencyClient({ url: standIn.url, token: TOKEN });

    standIn.failNext(1);
    const first = await submitStatements(db, api, () => clock);
    expect(first.failed).toHaveLength(100);
    expect(first.submitted).toHaveLength(33);
    expect(standIn.accepted.size).toBe(33);
    const failedRow = (await listStatements(db)).find((s) => s.submittedAt === null)!;
    expect(failedRow.attempts).toBe(1);
    expect(failedRow.lastError).toContain('HTTP 503');

    // not due yet: nothing is sent
    const early = await submitStatements(db, api, () => clock);
    expect(early.submitted).toEqual([]);

    clock = new Date(clock.getTime() + 60_000);
    const second = await submitStatements(db, api, () => clock);
    expect(second.submitted).toHaveLength(100);
    expect(standIn.accepted.size).toBe(133);
    expect(standIn.requests.every((r) => r.count <= 100)).toBe(true);

    // a submission whose answer was lost: the database already holds the puid and says 422
    const lost = `${big.number}-L5`;
    await db.withTables<{ statements_of_reasons: { puid: string; submitted_at: string | null } }>().updateTable('statements_of_reasons').set({ submitted_at: null }).where('puid', '=', lost).execute();
    const third = await submitStatements(db, api, () => clock);
    expect(third.alreadyThere).toEqual([lost]);
    expect(standIn.requests.at(-1)!.status).toBe(422);

    const fourth = await submitStatements(db, api, () => clock);
    expect(fourth).toEqual({ submitted: [], alreadyThere: [], failed: [] });
    expect([...standIn.accepted.values()].every((n) => n === 1)).toBe(true);
    expect((await listStatements(db)).every((s) => s.submittedAt !== null)).toBe(true);
  }, 60_000);

  it('keeps statements the database refuses for a reason other than their puid, with the error', async () => {
    const wrongToken = createTransparencyClient({ url: standIn.url, token: 'wrong' });
    const c = await seedCase(ctx);
    await acceptCase(ctx, { caseNumber: c.number });
    const result = await submitStatements(db, wrongToken, () => clock);
    expect(result.failed.map((f) => f.error)).toEqual(['HTTP 401: {"message":"Unauthenticated."}', 'HTTP 401: {"message":"Unauthenticated."}', 'HTTP 401: {"message":"Unauthenticated."}']);
    expect((await listStatements(db, { caseId: c.id })).every((s) => s.submittedAt === null && s.attempts === 1)).toBe(true);
  });
});
