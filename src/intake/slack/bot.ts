import { App, LogLevel, webApi, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import { createHash } from 'node:crypto';
import type { Ctx } from '../../domain/context.js';
import type { Actor } from '../../domain/schemas/index.js';
import type { Db } from '../../store/open.js';
import { claimSlackDelivery, pruneSlackDeliveries } from '../../store/repos/slack.js';
import { registerCaseActions } from './case-actions.js';
import type { SlackDeps } from './deps.js';
import { registerFiling } from './filing.js';
import { registerNoticeCommand } from './notice-command.js';
import { CasePoster } from './poster.js';
import { FetchReceiver } from './receiver.js';

export interface SlackBotOptions {
  signingSecret: string;
  botToken: string;
  /** Socket Mode instead of HTTP events, for teams without a public URL. */
  appToken?: string | undefined;
  /** Where cases ready for review are posted; without it nothing is posted. */
  channel?: string | undefined;
  apiUrl?: string | undefined;
  consoleUrl: string;
  db: Db;
  ctx: (actor?: Actor) => Ctx;
  log: (line: string) => void;
  pollIntervalMs?: number;
  /** For tests of stale requests. */
  nowMs?: () => number;
}

export interface SlackBot {
  app: App;
  /** Serves `/slack/events` over HTTP; null in Socket Mode. */
  receiver: FetchReceiver | null;
  poster: CasePoster | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the work done after acknowledgements has finished. */
  idle(): Promise<void>;
}

const DELIVERY_MEMORY_MS = 24 * 3600 * 1000;

/** What identifies one delivery across Slack's retries: the event id, or the trigger of an interaction. */
function deliveryKey(body: Record<string, unknown>): string | null {
  if (typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trigger:${body.trigger_id}`;
  return null;
}

/** Slack retries a delivery it thinks was lost (`x-slack-retry-num`); the retry is acknowledged and skipped. */
function onlyOnce(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    const key = deliveryKey(body) ?? `body:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
    const at = new Date().toISOString();
    if (!(await claimSlackDelivery(deps.db, key, at))) {
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const deps: SlackDeps = { db: options.db, ctx: options.ctx, consoleUrl: options.consoleUrl, log: options.log };
  const clientOptions = options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {};
  const receiver = options.appToken ? null : new FetchReceiver({ signingSecret: options.signingSecret, log: options.log, nowMs: options.nowMs });
  const app = receiver
    ? new App({ token: options.botToken, receiver, clientOptions, logLevel: LogLevel.ERROR })
    : new App({ token: options.botToken, appToken: options.appToken, socketMode: true, clientOptions, logLevel: LogLevel.ERROR });
  app.error(async (error) => options.log(`slack: ${error.message}`));
  app.use(onlyOnce(deps));
  registerCaseActions(app, deps);
  registerNoticeCommand(app, deps);
  registerFiling(app, deps);

  const poster = options.channel
    ? new CasePoster({ client: posterClient(options.botToken, clientOptions), ctx: () => options.ctx(), channel: options.channel, consoleUrl: options.consoleUrl, log: options.log })
    : null;
  let prune: NodeJS.Timeout | null = null;
  return {
    app,
    receiver,
    poster,
    async start() {
      if (!receiver) await app.start();
      poster?.start(options.pollIntervalMs ?? 5000);
      const forget = () => pruneSlackDeliveries(options.db, new Date(Date.now() - DELIVERY_MEMORY_MS).toISOString()).catch(() => undefined);
      prune = setInterval(forget, 3600 * 1000);
      prune.unref();
    },
    async stop() {
      if (prune) clearInterval(prune);
      await poster?.stop();
      if (receiver) await receiver.stop();
      else await app.stop();
    },
    async idle() {
      await receiver?.idle();
    },
  };
}

/**
 * The case poster's own client makes each call once: a post whose answer was
 * lost must not be sent again blindly by the client's retries. The poster tries
 * the event again on its next round, after looking for the post in the channel.
 */
function posterClient(token: string, clientOptions: { slackApiUrl?: string }): webApi.WebClient {
  return new webApi.WebClient(token, { ...clientOptions, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
}

/** The handler the console's HTTP server mounts at `/slack/events`. */
export function slackRoute(bot: SlackBot): (request: Request) => Promise<Response> {
  return (request) => (bot.receiver ? bot.receiver.handle(request) : Promise.resolve(new Response(null, { status: 404 })));
}
