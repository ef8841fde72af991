import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../src/domain/cases/accept-case.js';
import { assignCase } from '../../../src/domain/cases/assign-case.js';
import { findCaseByNumber, listCaseEvents } from '../../../src/store/repos/cases.js';
import { NOT_A_REVIEWER } from '../../../src/intake/slack/reviewers.js';
import { seedCase } from '../domain/seed.js';
import { actionIds, blockAction, blockText, caseBlockIdOf, CHANNEL, CONSOLE, RITA, startHarness, STRANGER, type Harness } from './slack-harness.js';

const CONSOLE_USER = { type: 'user', id: 'carl@desk.test', name: 'Carl Console' } as const;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function postedCase() {
  const seeded = await seedCase(h.ctx(), { complaint: { rightsOwner: 'Acme Pictures Inc.', reason: 'image_misuse' } });
  await h.bot.poster!.poll();
  const post = h.api.of('chat.postMessage').find((c) => c.args.channel === CHANNEL && !c.args.thread_ts)!;
  return { seeded, post, ts: '1001.000100' };
}

describe('cases reaching review', () => {
  it('posts each case in review once, with its facts and the decision buttons', async () => {
    const { seeded, post } = await postedCase();
    expect(post).toBeDefined();
    const text = blockText(post.args.blocks);
    expect(text).toContain(seeded.number);
    expect(text).toContain('aliexpress');
    expect(text).toContain('Acme Pictures Inc.');
    expect(text).toContain('image misuse');
    expect(text).toContain('*Listings*\\n3');
    expect(text).toContain(`${CONSOLE}/cases/${seeded.number}`);
    expect(actionIds(post.args.blocks)).toEqual(['case_accept', 'case_reject', 'case_request_info', 'case_assign_me', 'case_open']);
    expect(caseBlockIdOf(post.args.blocks)).toBe(`case|${seeded.number}|${seeded.version}`);

    await h.bot.poster!.poll();
    expect(h.api.of('chat.postMessage')).toHaveLength(1);
  });

  it('posts a case once when Slack took the post but its answer was lost, and records the post it took', async () => {
    const seeded = await seedCase(h.ctx(), {});
    h.api.loseAnswers['chat.postMessage'] = 1;
    await expect(h.bot.poster!.poll()).rejects.toThrow();
    await h.bot.poster!.poll();
    const posts = h.api.of('chat.postMessage').filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts);
    expect(posts).toHaveLength(1);
    expect(blockText(posts[0]!.args.blocks)).toContain(seeded.number);

    // The recorded post is the one Slack took: later events go into its thread.
    await acceptCase({ ...h.ctx(), actor: CONSOLE_USER }, { caseNumber: seeded.number });
    await h.bot.poster!.poll();
    expect(h.api.of('chat.postMessage').filter((c) => c.args.thread_ts === '1001.000100').length).toBeGreaterThan(0);
    expect(h.api.of('chat.postMessage').filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts)).toHaveLength(1);
  });

  it('escapes a hostile rights owner in the blocks and in the notification text', async () => {
    await seedCase(h.ctx(), { complaint: { rightsOwner: '<!channel> <https://evil.example|Click here>' } });
    await h.bot.poster!.poll();
    const post = h.api.of('chat.postMessage').find((c) => c.args.channel === CHANNEL && !c.args.thread_ts)!;
    for (const text of [post.args.text as string, blockText(post.args.blocks)]) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://evil.example');
      expect(text).toContain('&lt;!channel&gt;');
    }
  });

  it('does not post cases that are not ready for review', async () => {
    await seedCase(h.ctx(), { status: 'deficient' });
    await h.bot.poster!.poll();
    expect(h.api.of('chat.postMessage')).toHaveLength(0);
  });

  it('puts later events in the thread and redraws the message', async () => {
    const { seeded, ts } = await postedCase();
    h.api.clear();
    await acceptCase({ ...h.ctx(), actor: CONSOLE_USER }, { caseNumber: seeded.number });
    await h.bot.poster!.poll();
    const thread = h.api.of('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => c.args.text as string);
    expect(thread.some((t) => t.startsWith(':white_check_mark: Accepted by Carl Console'))).toBe(true);
    expect(thread.some((t) => t.includes('Reply queued to jane@acme.example'))).toBe(true);
    const update = h.api.of('chat.update').at(-1)!;
    expect(update.args.ts).toBe(ts);
    expect(blockText(update.args.blocks)).toContain('Accepted* by Carl Console');
    expect(actionIds(update.args.blocks)).toEqual(['case_open']);
  });
});

describe('decisions from buttons', () => {
  it('accepts through the same verb, records the Slack reviewer and updates the message in place', async () => {
    const { seeded, post, ts } = await postedCase();
    h.api.clear();
    const res = await h.interaction(blockAction(h, { user: RITA.slackId, actionId: 'case_accept', blockId: caseBlockIdOf(post.args.blocks), value: seeded.number, ts }));
    expect(res.status).toBe(200);
    await h.settle();
    const after = await findCaseByNumber(h.db, seeded.number);
    expect(after!.status).toBe('accepted');
    const accepted = (await listCaseEvents(h.db, seeded.id)).find((e) => e.type === 'accepted')!;
    expect(accepted.actor).toEqual({ type: 'slack', id: RITA.email, name: RITA.name });
    const update = h.api.of('chat.update').at(-1)!;
    expect(update.args).toMatchObject({ channel: CHANNEL, ts });
    expect(blockText(update.args.blocks)).toContain('Accepted* by Rita Reviewer (in Slack)');
    expect(actionIds(update.args.blocks)).toEqual(['case_open']);
    expect(h.api.of('users.info').map((c) => c.args.user)).toEqual([RITA.slackId]);
  });

  it('rejects with the reason chosen from the menu', async () => {
    const { seeded, post, ts } = await postedCase();
    await h.interaction(blockAction(h, { user: RITA.slackId, actionId: 'case_reject', blockId: caseBlockIdOf(post.args.blocks), selected: 'possibly_genuine_goods', ts }));
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('rejected');
    const rejected = (await listCaseEvents(h.db, seeded.id)).find((e) => e.type === 'rejected')!;
    expect(rejected.data.reason).toBe('possibly_genuine_goods');
    expect(blockText(h.api.of('chat.update').at(-1)!.args.blocks)).toContain('Rejected*: Possibly genuine goods');
  });

  it('assigns the case to the reviewer who pressed the button', async () => {
    const { seeded, post, ts } = await postedCase();
    await h.interaction(blockAction(h, { user: RITA.slackId, actionId: 'case_assign_me', blockId: caseBlockIdOf(post.args.blocks), ts }));
    await h.settle();
    const after = await findCaseByNumber(h.db, seeded.number);
    expect(after!.assignee).toBe(RITA.email);
    expect(after!.status).toBe('in_review');
    expect(blockText(h.api.of('chat.update').at(-1)!.args.blocks)).toContain(`assigned to ${RITA.email}`);
  });

  it('asks for information through a modal, then sends the case back to the sender', async () => {
    const { seeded, post, ts } = await postedCase();
    await h.interaction(blockAction(h, { user: RITA.slackId, actionId: 'case_request_info', blockId: caseBlockIdOf(post.args.blocks), ts }));
    await h.settle();
    const opened = h.api.of('views.open').at(-1)!;
    expect(opened.args.view.callback_id).toBe('request_info');
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('in_review');
    const { viewSubmission } = await import('./slack-harness.js');
    const res = await h.interaction(
      viewSubmission({
        user: RITA.slackId,
        callbackId: 'request_info',
        privateMetadata: opened.args.view.private_metadata,
        values: { requested: { value: { type: 'plain_text_input', value: 'Power of attorney\nTrademark certificate' } }, note: { value: { type: 'plain_text_input', value: null } } },
      }),
    );
    expect(res.status).toBe(200);
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('awaiting_complainant');
    const asked = (await listCaseEvents(h.db, seeded.id)).find((e) => e.type === 'information_requested')!;
    expect(asked.data.requested).toEqual(['Power of attorney', 'Trademark certificate']);
    expect(h.api.of('chat.update').at(-1)!.args.ts).toBe(ts);
  });

  it('refuses a Slack user without a console account, politely, and changes nothing', async () => {
    const { seeded, post, ts } = await postedCase();
    h.api.clear();
    await h.interaction(blockAction(h, { user: STRANGER.slackId, actionId: 'case_accept', blockId: caseBlockIdOf(post.args.blocks), ts }));
    await h.settle();
    const after = await findCaseByNumber(h.db, seeded.number);
    expect(after!.status).toBe('in_review');
    expect(after!.version).toBe(seeded.version);
    expect(h.api.of('chat.postEphemeral').map((c) => [c.args.user, c.args.text])).toEqual([[STRANGER.slackId, NOT_A_REVIEWER]]);
    expect(h.api.of('chat.update')).toHaveLength(0);
  });

  it('turns a decision made meanwhile in the console into a clear conflict, and redraws the message', async () => {
    const { seeded, post, ts } = await postedCase();
    await assignCase({ ...h.ctx(), actor: CONSOLE_USER }, { caseNumber: seeded.number, assignee: 'carl@desk.test' });
    h.api.clear();
    await h.interaction(blockAction(h, { user: RITA.slackId, actionId: 'case_accept', blockId: caseBlockIdOf(post.args.blocks), ts }));
    await h.settle();
    const after = await findCaseByNumber(h.db, seeded.number);
    expect(after!.status).toBe('in_review');
    const told = h.api.of('chat.postEphemeral').map((c) => c.args.text as string);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Nothing was changed');
    expect(told[0]).toContain('changed by someone else');
    const redraw = h.api.of('chat.update').at(-1)!;
    expect(caseBlockIdOf(redraw.args.blocks)).toBe(`case|${seeded.number}|${after!.version}`);
  });

  it('acknowledges at once and decides after the acknowledgement', async () => {
    const { seeded, post, ts } = await postedCase();
    h.api.delays['users.info'] = 1500;
    const started = Date.now();
    const res = await h.interaction(blockAction(h, { user: RITA.slackId, actionId: 'case_accept', blockId: caseBlockIdOf(post.args.blocks), ts }));
    const answeredIn = Date.now() - started;
    expect(res.status).toBe(200);
    expect(answeredIn).toBeLessThan(1000);
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('in_review');
    await h.settle();
    expect((await findCaseByNumber(h.db, seeded.number))!.status).toBe('accepted');
  });
});
