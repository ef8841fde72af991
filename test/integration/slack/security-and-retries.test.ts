import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCaseByNumber } from '../../../src/store/repos/cases.js';
import { seedCase } from '../domain/seed.js';
import { blockAction, caseBlockIdOf, RITA, SECRET, startHarness, type Harness } from './slack-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function postedCase() {
  const seeded = await seedCase(h.ctx());
  await h.bot.poster!.poll();
  const post = h.api.of('chat.postMessage')[0]!;
  return { seeded, blockId: caseBlockIdOf(post.args.blocks), ts: '1001.000100' };
}

function form(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe('request verification', () => {
  it('refuses a bad signature with 401 and changes nothing', async () => {
    const { seeded, blockId, ts } = await postedCase();
    h.api.clear();
    const body = form(blockAction(h, { user: RITA.slackId, actionId: 'case_accept', blockId, ts }));
    const at = Math.floor(Date.now() / 1000);
    const forged = `v0=${createHmac('sha256', 'not-the-secret').update(`v0:${at}:${body}`).digest('hex')}`;
    const res = await fetch(h.events, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(at), 'x-slack-signature': forged },
      body,
    });
    expect(res.status).toBe(401);
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('in_review');
    expect(h.api.calls).toHaveLength(0);
  });

  it('refuses a correctly signed request with a stale timestamp', async () => {
    const { seeded, blockId, ts } = await postedCase();
    h.api.clear();
    const body = form(blockAction(h, { user: RITA.slackId, actionId: 'case_accept', blockId, ts }));
    const res = await h.send(body, 'application/x-www-form-urlencoded', {}, Math.floor(Date.now() / 1000) - 6 * 60);
    expect(res.status).toBe(401);
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('in_review');
    expect(h.api.calls).toHaveLength(0);
  });

  it('refuses a request without a signature, and one whose body was changed after signing', async () => {
    const { seeded, blockId, ts } = await postedCase();
    const body = form(blockAction(h, { user: RITA.slackId, actionId: 'case_accept', blockId, ts }));
    const unsigned = await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(unsigned.status).toBe(401);
    const at = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${at}:${body}`).digest('hex')}`;
    const tampered = await fetch(h.events, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(at), 'x-slack-signature': signature },
      body: body.replace('case_accept', 'case_reject'),
    });
    expect(tampered.status).toBe(401);
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('in_review');
  });

  it('refuses an oversized body without reading it, declared or streamed', async () => {
    const declared = await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(400 * 1024 * 1024) }, body: '{}' }).catch(() => null);
    if (declared) expect(declared.status).toBe(413);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const streamed = await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit).catch(() => null);
    if (streamed) expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(32 * 1024 * 1024);
  });

  it('answers the URL verification challenge', async () => {
    const res = await h.event({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'c-123' });
  });
});

describe('retried deliveries', () => {
  function mention(eventId: string, text: string) {
    return {
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', user: RITA.slackId, text, ts: '1700000000.000100', channel: 'C0CASES', event_ts: '1700000000.000100' },
    };
  }

  it('processes an event once when Slack retries it', async () => {
    const { seeded } = await postedCase();
    h.api.clear();
    const first = await h.event(mention('Ev001', `<@UBOT> what about ${seeded.number}?`));
    const retry = await h.event(mention('Ev001', `<@UBOT> what about ${seeded.number}?`), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.settle();
    const answers = h.api.of('chat.postMessage');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.args.thread_ts).toBe('1700000000.000100');
    expect(answers[0]!.args.text).toContain(seeded.number);

    await h.event(mention('Ev002', `<@UBOT> and ${seeded.number}?`));
    await h.settle();
    expect(h.api.of('chat.postMessage')).toHaveLength(2);
  });

  it('decides once when the same button press is delivered twice', async () => {
    const { seeded, blockId, ts } = await postedCase();
    h.api.clear();
    const press = blockAction(h, { user: RITA.slackId, actionId: 'case_assign_me', blockId, ts });
    await h.interaction(press);
    await h.interaction(press, { 'x-slack-retry-num': '1' });
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.assignee).toBe(RITA.email);
    expect(h.api.of('chat.update')).toHaveLength(1);
    expect(h.api.of('chat.postEphemeral')).toHaveLength(0);
  });
});
