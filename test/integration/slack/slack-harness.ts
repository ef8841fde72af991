import { serve, type ServerType } from '@hono/node-server';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createSlackBot, slackRoute, type SlackBot } from '../../../src/intake/slack/bot.js';
import { SYSTEM } from '../../../src/domain/schemas/index.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import type { Db } from '../../../src/store/open.js';
import { upsertUser } from '../../../src/store/repos/users.js';
import { openTestDb, testCtx } from '../../support/store.js';

export const SECRET = 'test-signing-secret';
export const CHANNEL = 'C0CASES';
export const CONSOLE = 'http://console.test';

export interface ApiCall {
  method: string;
  args: Record<string, any>;
}

/**
 * A stand-in for Slack's Web API: records every call and answers the way
 * Slack does. `emails` is what users.info reports for each Slack user id.
 */
export async function startSlackApi(emails: Record<string, string>) {
  const calls: ApiCall[] = [];
  const delays: Record<string, number> = {};
  /** Per method: how many of its next answers are lost after the call took effect (the connection is cut). */
  const loseAnswers: Record<string, number> = {};
  const channelMessages: Array<{ channel: string; ts: string; text: unknown; metadata?: unknown }> = [];
  let ts = 1000;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const method = (req.url ?? '').replace(/^\/(api\/)?/, '').split('?')[0]!;
      const args: Record<string, any> = {};
      if ((req.headers['content-type'] ?? '').includes('json')) Object.assign(args, raw ? JSON.parse(raw) : {});
      else {
        for (const [k, v] of new URLSearchParams(raw)) {
          try {
            args[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
          } catch {
            args[k] = v;
          }
        }
      }
      calls.push({ method, args });
      if (delays[method]) await new Promise((r) => setTimeout(r, delays[method]));
      let body: Record<string, unknown> = { ok: true };
      if (method === 'auth.test') body = { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'noticedesk', team: 'Test' };
      else if (method === 'chat.postMessage') {
        body = { ok: true, channel: args.channel, ts: `${++ts}.000100`, message: { text: args.text } };
        if (!args.thread_ts) channelMessages.push({ channel: args.channel, ts: `${ts}.000100`, text: args.text, metadata: args.metadata });
      } else if (method === 'conversations.history') {
        // Newest first, all in one page; metadata only when asked for, as Slack does.
        const messages = channelMessages.filter((m) => m.channel === args.channel).reverse();
        body = { ok: true, has_more: false, messages: messages.map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(String(args.include_all_metadata) === 'true' && m.metadata ? { metadata: m.metadata } : {}) })) };
      }
      else if (method === 'chat.update') body = { ok: true, channel: args.channel, ts: args.ts };
      else if (method === 'chat.postEphemeral') body = { ok: true, message_ts: `${++ts}.000200` };
      else if (method === 'views.open') body = { ok: true, view: { id: `V${++ts}` } };
      else if (method === 'users.info') {
        const email = emails[args.user];
        body = { ok: true, user: { id: args.user, name: 'someone', profile: email ? { email, real_name: 'Someone' } : { real_name: 'Guest' } } };
      } else if (method.startsWith('respond/')) body = { ok: true };
      if (loseAnswers[method]) {
        loseAnswers[method] -= 1;
        res.socket?.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    delays,
    loseAnswers,
    of: (method: string) => calls.filter((c) => c.method === method),
    clear: () => void calls.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SlackApi = Awaited<ReturnType<typeof startSlackApi>>;

export const RITA = { slackId: 'U0RITA', email: 'rita@desk.test', name: 'Rita Reviewer' };
export const STRANGER = { slackId: 'U0GUEST', email: 'guest@elsewhere.test' };

/** The real Bolt app served over HTTP on 127.0.0.1, with its Web API pointed at the stand-in. */
export async function startHarness(options: { nowMs?: () => number } = {}) {
  const api = await startSlackApi({ [RITA.slackId]: RITA.email, [STRANGER.slackId]: STRANGER.email });
  const db: Db = await openTestDb();
  await upsertUser(db, { email: RITA.email, name: RITA.name, passwordHash: 'x', role: 'reviewer', at: new Date().toISOString() });
  const platforms = await loadPlatforms(join('data', 'platforms'));
  const ctx = () => testCtx(db, { platforms });
  const bot: SlackBot = createSlackBot({
    signingSecret: SECRET,
    botToken: 'xoxb-test',
    channel: CHANNEL,
    apiUrl: `${api.url}/api/`,
    consoleUrl: CONSOLE,
    db,
    ctx: (actor) => ({ ...ctx(), actor: actor ?? SYSTEM, requestId: randomUUID() }),
    log: () => undefined,
    nowMs: options.nowMs,
  });
  // Not bot.start(): the tests run the poller by hand, one poll at a time.
  const server: ServerType = serve({ fetch: slackRoute(bot), hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const events = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  async function send(body: string, contentType: string, headers: Record<string, string> = {}, at = Math.floor(Date.now() / 1000)) {
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${at}:${body}`).digest('hex')}`;
    const response = await fetch(events, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(at), 'x-slack-signature': signature, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
  }

  return {
    api,
    db,
    bot,
    ctx,
    send,
    events,
    /** An Events API delivery. */
    event: (payload: Record<string, unknown>, headers?: Record<string, string>) => send(JSON.stringify(payload), 'application/json', headers),
    /** An interaction (block_actions, view_submission, shortcuts): a form with a JSON `payload`. */
    interaction: (payload: Record<string, unknown>, headers?: Record<string, string>) =>
      send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', headers),
    command: (fields: Record<string, string>) => send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded'),
    /** Waits for the work done after acknowledgements. */
    settle: () => bot.idle(),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.stop();
      await api.close();
      await db.destroy();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;

const TEAM = { id: 'T1', domain: 'desk' };

export function blockAction(h: Harness, options: { user: string; actionId: string; blockId: string; value?: string; selected?: string; ts: string }) {
  const action: Record<string, unknown> = { action_id: options.actionId, block_id: options.blockId, action_ts: String(Date.now() / 1000) };
  if (options.selected) Object.assign(action, { type: 'static_select', selected_option: { text: { type: 'plain_text', text: options.selected }, value: options.selected } });
  else Object.assign(action, { type: 'button', value: options.value ?? '', text: { type: 'plain_text', text: 'x' } });
  return {
    type: 'block_actions',
    user: { id: options.user, username: 'u', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    team: TEAM,
    trigger_id: `trigger-${randomUUID()}`,
    container: { type: 'message', message_ts: options.ts, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'ipr-cases' },
    message: { type: 'message', ts: options.ts, text: 'case', user: 'UBOT', bot_id: 'BBOT', blocks: [] },
    response_url: `${h.api.url}/respond/1`,
    actions: [action],
  };
}

export function viewSubmission(options: { user: string; callbackId: string; values: Record<string, Record<string, unknown>>; privateMetadata?: string }) {
  return {
    type: 'view_submission',
    team: TEAM,
    user: { id: options.user, username: 'u', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trigger-${randomUUID()}`,
    view: {
      id: `V${randomUUID().slice(0, 8)}`,
      team_id: 'T1',
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata ?? '',
      state: { values: options.values },
      hash: 'h',
      title: { type: 'plain_text', text: 't' },
      blocks: [],
      app_id: 'A1',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

/** Every text a block list shows, for assertions that do not depend on layout. */
export function blockText(blocks: unknown): string {
  return JSON.stringify(blocks);
}

/** The action ids of a posted case message. */
export function actionIds(blocks: any[]): string[] {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => e.action_id));
}

export function caseBlockIdOf(blocks: any[]): string {
  return blocks.find((b) => b.type === 'actions').block_id;
}
