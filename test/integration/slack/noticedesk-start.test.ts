import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../../src/cli/demo.js';
import { openDatabase } from '../../../src/store/open.js';
import { findCaseByNumber } from '../../../src/store/repos/cases.js';
import { actionIds, CHANNEL, SECRET, startSlackApi } from './slack-harness.js';

const BIN = resolve('bin/noticedesk.js');
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

async function until<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('noticedesk start with the Slack variables set', () => {
  it('posts the cases in review to the channel and decides one from a signed button press on the console port', async () => {
    const api = await startSlackApi({ U0DEMO: DEMO_LOGIN.email });
    const dir = mkdtempSync(join(resolve('data/tmp'), 'slack-start-'));
    const env = {
      ...process.env,
      NOTICEDESK_DB: join(dir, 'noticedesk.sqlite'),
      NOTICEDESK_DATA_DIR: dir,
      NOTICEDESK_PORT: '0',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_CHANNEL: CHANNEL,
      SLACK_API_URL: `${api.url}/api/`,
    };
    const child = spawn(process.execPath, [BIN, 'start', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const url = await until(() => /console: (http:\/\/\S+)/.exec(output)?.[1]);
      expect(output).toContain('Slack: events at /slack/events');
      const post = await until(() => api.of('chat.postMessage').find((c) => c.args.channel === CHANNEL && !c.args.thread_ts));
      expect(actionIds(post.args.blocks)).toContain('case_accept');
      const blockId: string = post.args.blocks.find((b: { type: string }) => b.type === 'actions').block_id;
      const caseNumber = blockId.split('|')[1]!;

      const payload = {
        type: 'block_actions',
        user: { id: 'U0DEMO', username: 'demo', team_id: 'T1' },
        api_app_id: 'A1',
        token: 'legacy',
        team: { id: 'T1', domain: 'desk' },
        trigger_id: `trigger-${randomUUID()}`,
        container: { type: 'message', message_ts: '1001.000100', channel_id: CHANNEL },
        channel: { id: CHANNEL, name: 'ipr-cases' },
        message: { type: 'message', ts: '1001.000100', text: 'case', blocks: [] },
        response_url: `${api.url}/respond/1`,
        actions: [{ type: 'button', action_id: 'case_accept', block_id: blockId, value: caseNumber, action_ts: '1' }],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const at = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${at}:${body}`).digest('hex')}`;
      const res = await fetch(new URL('/slack/events', url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(at), 'x-slack-signature': signature },
        body,
      });
      expect(res.status).toBe(200);
      const update = await until(() => api.of('chat.update').find((c) => c.args.ts === '1001.000100'));
      expect(JSON.stringify(update.args.blocks)).toContain('Accepted* by Demo Reviewer (in Slack)');

      const unsigned = await fetch(new URL('/slack/events', url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(unsigned.status).toBe(401);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await api.close();
    }
    const db = openDatabase(env.NOTICEDESK_DB);
    const posted = api.of('chat.postMessage').filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts);
    const numbers = posted.map((c) => (c.args.blocks.find((b: { type: string }) => b.type === 'actions').block_id as string).split('|')[1]!);
    expect(new Set(numbers).size).toBe(numbers.length);
    const decided = await findCaseByNumber(db, numbers[0]!);
    expect(decided!.status).toBe('accepted');
    await db.destroy();
  }, 60_000);
});
