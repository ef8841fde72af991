import type { App, RespondFn } from '@slack/bolt';
import { listQueue } from '../../domain/cases/list-queue.js';
import { readCase } from '../../domain/cases/read-case.js';
import { DomainError } from '../../domain/errors.js';
import type { Ctx } from '../../domain/context.js';
import { caseLine, escapeText } from './case-message.js';
import { errorText, type SlackDeps } from './deps.js';
import { openFileModal } from './filing.js';
import { eventText } from './event-text.js';
import { NOT_A_REVIEWER, resolveReviewer } from './reviewers.js';

const CASE_NUMBER = /\bND-\d{4}-\d{6,}\b/i;
const USAGE = [
  '`/notice ND-2026-000123` shows a case',
  '`/notice https://…` finds the cases about a listing',
  '`/notice someone@example.com` finds the cases from a sender',
  '`/notice file` files a complaint with a form',
].join('\n');
/** Lookups are quick, but the first one for a user also asks Slack who they are. */
const ANSWER_WITHIN_MS = 2000;

/** Looks cases up by number, listing URL, email address or any text the queue search understands. */
export async function lookUp(ctx: Ctx, query: string, consoleUrl: string): Promise<string> {
  const number = CASE_NUMBER.exec(query)?.[0]?.toUpperCase();
  if (number) {
    try {
      const file = await readCase(ctx, number);
      const recent = file.events.slice(-5).map(eventText).filter(Boolean).map((t) => `> ${t}`);
      return [caseLine(file.case, consoleUrl), ...recent].join('\n');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return `There is no case ${number}.`;
      throw error;
    }
  }
  const page = await listQueue(ctx, { status: 'all', q: query.replace(/^<|>$/g, '').replace(/^mailto:/, '').split('|')[0], pageSize: 10 });
  if (!page.total) return `No case matches ${escapeText(query)}.`;
  const more = page.total > page.cases.length ? `\n…and ${page.total - page.cases.length} more in the console.` : '';
  return `${page.total} case(s) match ${escapeText(query)}:\n${page.cases.map((c) => `• ${caseLine(c, consoleUrl)}`).join('\n')}${more}`;
}

/** Answers in the acknowledgement when the work is quick, otherwise acknowledges and answers through the response URL. */
async function answerInTime(ack: (text: { response_type: 'ephemeral'; text: string }) => Promise<void>, respond: RespondFn, work: Promise<string>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ANSWER_WITHIN_MS)));
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== null) return ack({ response_type: 'ephemeral', text: first });
  await ack({ response_type: 'ephemeral', text: 'Looking…' });
  await respond({ response_type: 'ephemeral', replace_original: true, text: await work });
}

export function registerNoticeCommand(app: App, deps: SlackDeps): void {
  app.command('/notice', async ({ ack, command, respond, client }) => {
    const query = command.text.trim();
    if (/^file$/i.test(query)) {
      await ack();
      const actor = await resolveReviewer(client, deps.db, command.user_id);
      if (!actor) return void (await respond({ response_type: 'ephemeral', text: NOT_A_REVIEWER }));
      await openFileModal(deps, client, command.trigger_id, command.channel_id);
      return;
    }
    if (!query || /^help$/i.test(query)) return ack({ response_type: 'ephemeral', text: USAGE });
    const work = (async () => {
      const actor = await resolveReviewer(client, deps.db, command.user_id);
      if (!actor) return NOT_A_REVIEWER;
      const ctx = deps.ctx(actor);
      return lookUp(ctx, query, deps.consoleUrl).catch((error: unknown) => errorText(error, ctx.requestId));
    })();
    await answerInTime(ack, respond, work);
  });

  // Mentioning the bot with a case number answers in the thread; it is how a channel asks about a case.
  app.event('app_mention', async ({ event, client }) => {
    const number = CASE_NUMBER.exec(event.text)?.[0];
    const thread_ts = event.thread_ts ?? event.ts;
    if (!number || !event.user) {
      await client.chat.postMessage({ channel: event.channel, thread_ts, text: `Ask me about a case: mention me with its number, or use /notice.\n${USAGE}` });
      return;
    }
    const actor = await resolveReviewer(client, deps.db, event.user);
    if (!actor) {
      await client.chat.postEphemeral({ channel: event.channel, user: event.user, text: NOT_A_REVIEWER });
      return;
    }
    const ctx = deps.ctx(actor);
    const text = await lookUp(ctx, number, deps.consoleUrl).catch((error: unknown) => errorText(error, ctx.requestId));
    await client.chat.postMessage({ channel: event.channel, thread_ts, text, unfurl_links: false });
  });
}
