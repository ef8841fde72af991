import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../domain/context.js';
import { SYSTEM, type Actor } from '../../domain/schemas/index.js';
import type { Runtime } from '../../runtime.js';
import { createSlackBot, slackRoute } from './bot.js';

export const SLACK_EVENTS_PATH = '/slack/events';

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

export interface StartedSlackBot {
  service: { name: string; stop(): Promise<void> };
  /**
   * Puts `/slack/events` in front of the console's fetch handler. Slack's
   * requests carry no session and are verified by their signature, so they
   * must not pass through the console's sign-in middleware.
   */
  serve<F extends Fetch>(fetch: F): F;
}

/** Starts the Slack bot when its signing secret and bot token are configured; null otherwise. */
export async function startSlackBot(runtime: Runtime, options: { log: (line: string) => void; ctx?: (actor: Actor, requestId: string) => Ctx }): Promise<StartedSlackBot | null> {
  const { config } = runtime;
  if (!config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) return null;
  const bot = createSlackBot({
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    appToken: config.SLACK_APP_TOKEN,
    channel: config.SLACK_CHANNEL,
    apiUrl: config.SLACK_API_URL,
    consoleUrl: config.NOTICEDESK_PUBLIC_URL ?? `http://${config.NOTICEDESK_HOST}:${config.NOTICEDESK_PORT}`,
    db: runtime.db,
    ctx: (actor) => (options.ctx ?? runtime.ctx)(actor ?? SYSTEM, randomUUID()),
    log: options.log,
  });
  await bot.start();
  options.log(
    `Slack: ${bot.receiver ? `events at ${SLACK_EVENTS_PATH}` : 'Socket Mode'}; ${config.SLACK_CHANNEL ? `cases ready for review are posted to ${config.SLACK_CHANNEL}` : 'no SLACK_CHANNEL, so cases are not posted'}`,
  );
  const route = slackRoute(bot);
  return {
    service: { name: 'slack', stop: () => bot.stop() },
    serve<F extends Fetch>(fetch: F): F {
      if (!bot.receiver) return fetch;
      const wrapped = (request: Request, ...rest: never[]) => (new URL(request.url).pathname === SLACK_EVENTS_PATH ? route(request) : fetch(request, ...rest));
      return wrapped as F;
    },
  };
}
