import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/domain/context.js';
import { processMessage } from '../../../src/domain/messages/process-message.js';
import { processPendingMessages } from '../../../src/domain/messages/process-pending.js';
import { receiveMessage } from '../../../src/domain/messages/receive-message.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { findCaseByNumber, listCaseEvents } from '../../../src/store/repos/cases.js';
import { findMessageById } from '../../../src/store/repos/messages.js';
import type { Db } from '../../../src/store/open.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { makeDmcaBody, makeEmail } from '../../support/mail.js';
import { authPass, openTestDb, testCtx } from '../../support/store.js';
import { startPostgres, type ThrowawayPostgres } from '../../setup/postgres.js';

let db: Db;
let ctx: Ctx;

async function deliver(raw: Uint8Array) {
  const { message, duplicate } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
  return { message, duplicate, outcome: await processMessage(ctx, message.id) };
}

async function outboxFor(caseId: number) {
  return db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

function pipelineContract(store: string, open: () => Promise<Db>, close: () => void) {
  describe(`intake pipeline on ${store}`, () => {
    beforeAll(async () => {
      db = await open();
      ctx = testCtx(db, { platforms: await loadPlatforms(join('data', 'platforms')) });
    });
    afterAll(async () => {
      await db.destroy();
      close();
    });

    it('acknowledges a complete notice and sends it to review', async () => {
      const { outcome } = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'DMCA notice', messageId: '<complete-1@orbit-labs.example>', body: makeDmcaBody() }));
      expect(outcome.status).toBe('processed');
      if (outcome.status !== 'processed') return;
      expect(outcome.case.status).toBe('in_review');
      expect(outcome.case.complaint.listings.map((l) => l.url)).toEqual(['https://github.com/copycat-dev/stolen-engine']);
      const replies = await outboxFor(outcome.case.id);
      expect(replies.map((r) => [r.template, r.to_address, r.in_reply_to])).toEqual([['acknowledgement', 'sam@orbit-labs.example', '<complete-1@orbit-labs.example>']]);
    });

    it('answers a deficient notice with what is missing, and the sender\'s answer completes the same case', async () => {
      const first = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Copied engine', messageId: '<deficient-1@orbit-labs.example>', body: makeDmcaBody({ signature: false, statements: false, urls: ['https://github.com/other-copy/engine-clone'] }) }));
      if (first.outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(first.outcome)}`);
      const opened = first.outcome.case;
      expect(opened.status).toBe('deficient');
      const missing = opened.findings.map((f) => f.code);
      expect(missing.length).toBeGreaterThan(0);
      const [deficiency] = await outboxFor(opened.id);
      expect(deficiency?.template).toBe('deficiency');
      expect(JSON.parse(deficiency!.vars).findings.map((f: { code: string }) => f.code)).toEqual(missing);

      const answer = await deliver(
        makeEmail({
          from: 'Sam Okafor <sam@orbit-labs.example>',
          subject: `Re: [${opened.number}] Copied engine`,
          messageId: '<deficient-1-answer@orbit-labs.example>',
          headers: { 'In-Reply-To': '<deficient-1@orbit-labs.example>' },
          body: `${makeDmcaBody({ urls: ['https://github.com/other-copy/engine-clone'] })}\n\n> earlier text quoted here`,
        }),
      );
      expect(answer.outcome).toMatchObject({ status: 'processed', joined: true, case: { number: opened.number } });
      const completed = await findCaseByNumber(db, opened.number);
      expect(completed?.status).toBe('in_review');
      expect(completed?.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
      const types = (await listCaseEvents(db, opened.id)).map((e) => e.type);
      expect(types).toEqual(['received', 'checked', 'reply_queued', 'sender_answered']);
    });

    it('writes a Chinese complaint\'s deficiency reply in Chinese throughout, each finding included', async () => {
      const body = readFileSync(join('test', 'fixtures', 'notices', 'taobao-utility-model-zh.txt'), 'utf8');
      const { outcome } = await deliver(makeEmail({ from: 'ipr@jiaju.example', subject: '淘宝专利侵权投诉', messageId: '<zh-deficient-1@jiaju.example>', body }));
      if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
      expect(outcome.case.status).toBe('deficient');
      const [deficiency] = await outboxFor(outcome.case.id);
      expect(deficiency?.template).toBe('deficiency');
      const vars = JSON.parse(deficiency!.vars);
      expect(vars.findings.length).toBeGreaterThan(0);
      for (const f of vars.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      const mail = renderReply('deficiency', vars, 'zh');
      expect(mail.text).not.toMatch(/Please|attach|registration certificate/i);
    });

    it('puts a notice whose statements are in words it does not read in front of a reviewer instead of asking the sender for them', async () => {
      const body = `${makeDmcaBody({ statements: false, urls: ['https://github.com/loose-words/engine'] })}\n\nThis copy is unauthorized. I swear all of the above is accurate.`;
      const { outcome } = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Engine copy again', messageId: '<loose-1@orbit-labs.example>', body }));
      if (outcome.status !== 'processed') throw new Error(`not processed: ${JSON.stringify(outcome)}`);
      expect(outcome.case.status).toBe('in_review');
      const questions = outcome.case.findings.filter((f) => f.question);
      expect(questions.map((f) => f.element).sort()).toEqual(['accuracy_perjury_statement', 'good_faith_statement']);
      expect(questions.every((f) => f.severity === 'warning')).toBe(true);
      const replies = await outboxFor(outcome.case.id);
      expect(replies.map((r) => r.template)).toEqual(['acknowledgement']);
      const ack = renderReply('acknowledgement', JSON.parse(replies[0]!.vars), 'en');
      expect(ack.text).toContain('A reviewer will now check it');
      expect(ack.text).not.toContain('contains every element');
    });

    it('does not count the statements quoted from our own deficiency reply as the sender\'s', async () => {
      const first = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Engine copy', messageId: '<quoted-1@orbit-labs.example>', body: makeDmcaBody({ statements: false, urls: ['https://github.com/quoting/engine'] }) }));
      if (first.outcome.status !== 'processed') throw new Error('not processed');
      const opened = first.outcome.case;
      const missing = opened.findings.map((f) => f.code);
      expect(missing.length).toBeGreaterThan(0);
      const quoted = opened.findings.map((f) => `> ${f.message}`).join('\n');
      const answer = await deliver(
        makeEmail({
          from: 'Sam Okafor <sam@orbit-labs.example>',
          subject: `Re: [${opened.number}] Your notice needs more information`,
          messageId: '<quoted-1-answer@orbit-labs.example>',
          body: `Thanks, I will look into it.\n\nSam\n\nOn Mon, Nov 2, 2026 at 10:00 AM <ipr@noticedesk.test> wrote:\n${quoted}\n`,
        }),
      );
      expect(answer.outcome).toMatchObject({ status: 'processed', joined: true });
      // The answer puts the case in front of a reviewer, still showing what is missing; no second list is mailed on its own.
      const after = await findCaseByNumber(db, opened.number);
      expect(after?.status).toBe('in_review');
      expect(after?.findings.map((f) => f.code)).toEqual(missing);
      expect((await outboxFor(opened.id)).map((r) => r.template)).toEqual(['deficiency']);
      const answered = (await listCaseEvents(db, opened.id)).find((e) => e.type === 'sender_answered');
      expect(answered?.data.stillMissing).toEqual(opened.findings.filter((f) => f.severity !== 'warning').map((f) => f.code));
    });

    it('lets an answer replace the listings when it says so, and otherwise adds to them', async () => {
      const first = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Engine copies', messageId: '<replace-1@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/typo-owner/engine'] }) }));
      if (first.outcome.status !== 'processed') throw new Error('not processed');
      const number = first.outcome.case.number;
      const authenticated = { 'Authentication-Results': 'mx.noticedesk.test; dmarc=pass header.from=orbit-labs.example' };
      await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${number}] Engine copies`, messageId: '<replace-2@orbit-labs.example>', headers: authenticated, body: 'Sorry, a typo. These replace the earlier links:\nhttps://github.com/right-owner/engine\nhttps://github.com/right-owner/engine-mirror' }));
      const replaced = await findCaseByNumber(db, number);
      expect(replaced?.complaint.listings.map((l) => l.url)).toEqual(['https://github.com/right-owner/engine', 'https://github.com/right-owner/engine-mirror']);
      await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: `Re: [${number}] Engine copies`, messageId: '<replace-3@orbit-labs.example>', headers: authenticated, body: 'One more copy: https://github.com/right-owner/engine-fork' }));
      const added = await findCaseByNumber(db, number);
      expect(added?.complaint.listings.map((l) => l.url)).toEqual(['https://github.com/right-owner/engine', 'https://github.com/right-owner/engine-mirror', 'https://github.com/right-owner/engine-fork']);
    });

    it('lets only the complainant withdraw or add to a case; another party quoting its number opens a linked case', async () => {
      const first = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Notice', messageId: '<party-1@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/party/engine'] }) }));
      if (first.outcome.status !== 'processed') throw new Error('not processed');
      const original = first.outcome.case;
      const stranger = await deliver(
        makeEmail({
          from: 'Mallory <mallory@elsewhere.example>',
          subject: `Withdrawal of ${original.number}`,
          messageId: '<party-1-stranger@elsewhere.example>',
          body: `We hereby withdraw our complaint ${original.number} and retract the takedown request for https://github.com/party/engine. Please reinstate the content.`,
        }),
      );
      expect(stranger.outcome).toMatchObject({ status: 'processed', joined: false, case: { parentCaseId: original.id } });
      expect((await findCaseByNumber(db, original.number))?.status).toBe('in_review');
      expect((await listCaseEvents(db, original.id)).map((e) => e.type)).toContain('related_case_opened');

      const colleague = await deliver(
        makeEmail({
          from: 'Ola Adeyemi <ola@orbit-labs.example>',
          subject: `Withdrawal of ${original.number}`,
          messageId: '<party-1-colleague@orbit-labs.example>',
          headers: authPass('orbit-labs.example'),
          body: `Orbit Labs Ltd. withdraws its complaint ${original.number} and retracts the takedown request. Please reinstate the content.`,
        }),
      );
      expect(colleague.outcome).toMatchObject({ status: 'processed', joined: true, case: { number: original.number, status: 'withdrawn' } });
    });

    it('keeps the sender as the complainant address when the contact line is redacted', async () => {
      const body = makeDmcaBody({ urls: ['https://github.com/redacted/engine'] }).replace('sam@orbit-labs.example', '[private]');
      const { outcome } = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Notice', messageId: '<redacted-1@orbit-labs.example>', body: `Email: [private]\n${body}` }));
      if (outcome.status !== 'processed') throw new Error('not processed');
      expect(outcome.case.complainantEmail).toBe('sam@orbit-labs.example');
      expect((await outboxFor(outcome.case.id)).map((r) => r.to_address)).toEqual(['sam@orbit-labs.example']);
    });

    it('does not join a form submission to a case it merely quotes', async () => {
      const first = await deliver(makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Notice', messageId: '<form-join-1@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/formjoin/engine'] }) }));
      if (first.outcome.status !== 'processed') throw new Error('not processed');
      const submission = { subject: 'Web form', text: `Please add these to ${first.outcome.case.number}: https://github.com/formjoin/other`, from: { name: 'Someone', address: 'someone@else.example' }, platform: 'github' };
      const { message } = await receiveMessage(ctx, { channel: 'form', raw: new TextEncoder().encode(JSON.stringify(submission)), origin: 'test' });
      const outcome = await processMessage(ctx, message.id);
      expect(outcome).toMatchObject({ status: 'processed', joined: false });
      const untouched = await findCaseByNumber(db, first.outcome.case.number);
      expect(untouched?.complaint.listings.map((l) => l.url)).toEqual(['https://github.com/formjoin/engine']);
    });

    it('processes a message once, however often it is delivered or run', async () => {
      const raw = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Again', messageId: '<twice@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/third/copy'] }) });
      const first = await deliver(raw);
      const second = await deliver(raw);
      expect(second.duplicate).toBe(true);
      expect(second.outcome.status).toBe('already_processed');
      expect(await processMessage(ctx, first.message.id)).toMatchObject({ status: 'already_processed' });
      if (first.outcome.status !== 'processed') throw new Error('first delivery not processed');
      expect(await outboxFor(first.outcome.case.id)).toHaveLength(1);
    });

    it('keeps an out-of-office reply without opening a case or answering it', async () => {
      const repliesToSam = async () =>
        Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('to_address', '=', 'sam@orbit-labs.example').executeTakeFirstOrThrow()).n);
      const before = await repliesToSam();
      expect(before).toBeGreaterThan(0);
      const { message, outcome } = await deliver(
        makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Automatic reply: DMCA notice', messageId: '<ooo-1@orbit-labs.example>', headers: { 'Auto-Submitted': 'auto-replied' }, body: 'I am out of the office until Monday.' }),
      );
      expect(outcome.status).toBe('ignored');
      const stored = await findMessageById(db, message.id);
      expect(stored?.state).toBe('ignored');
      expect(stored?.caseId).toBeNull();
      expect(await repliesToSam()).toBe(before);
    });

    it('finishes a message that was stored but not processed when the process stopped', async () => {
      const raw = makeEmail({ from: 'Sam Okafor <sam@orbit-labs.example>', subject: 'Stored only', messageId: '<stored-only@orbit-labs.example>', body: makeDmcaBody({ urls: ['https://github.com/fourth/copy'] }) });
      const { message } = await receiveMessage(ctx, { channel: 'email', raw, origin: 'test' });
      const outcomes = await processPendingMessages(ctx);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ status: 'processed', case: { status: 'in_review' } });
      expect((await findMessageById(db, message.id))?.state).toBe('processed');
      expect(await processPendingMessages(ctx)).toEqual([]);
    });

    it('records a message that cannot be read as failed, keeping its bytes', async () => {
      const { message } = await receiveMessage(ctx, { channel: 'form', raw: new TextEncoder().encode('{not json'), origin: 'test' });
      const outcome = await processMessage(ctx, message.id);
      expect(outcome.status).toBe('failed');
      const stored = await findMessageById(db, message.id);
      expect(stored?.state).toBe('failed');
      expect(stored?.error).toMatch(/JSON/);
      expect(new TextDecoder().decode(stored!.raw)).toBe('{not json');
    });
  });
}

pipelineContract('SQLite', () => openTestDb(), () => undefined);

let pg: ThrowawayPostgres | null = null;
pipelineContract(
  'PostgreSQL',
  async () => {
    pg = startPostgres(56432 + (process.pid % 500));
    return openTestDb(pg.url);
  },
  () => pg?.stop(),
);
