import type { webApi } from '@slack/bolt';
import type { Ctx } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { readCase } from '../../domain/cases/read-case.js';
import type { Actor } from '../../domain/schemas/index.js';
import type { Db } from '../../store/open.js';
import { caseMessage } from './case-message.js';

/** What the Slack listeners need from the rest of Noticedesk. */
export interface SlackDeps {
  db: Db;
  ctx: (actor?: Actor) => Ctx;
  consoleUrl: string;
  log: (line: string) => void;
}

/** Domain errors become a sentence the reviewer can act on; anything else never shows its message. */
export function errorText(error: unknown, requestId: string): string {
  if (error instanceof DomainError) {
    const fields = error.details.fields as Record<string, string> | undefined;
    const detail = fields ? ` (${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
    const lead = error.code === 'conflict' ? ':warning: Nothing was changed. ' : error.code === 'forbidden' ? ':no_entry: ' : '';
    return `${lead}${error.message}${detail}`;
  }
  return `Something went wrong and nothing was changed. Reference: ${requestId}`;
}

export function isConflict(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'conflict';
}

/** Redraws a case's message from the case as it is now. */
export async function redrawCase(deps: SlackDeps, client: webApi.WebClient, ctx: Ctx, caseNumber: string, where: { channel: string; ts: string }): Promise<void> {
  const file = await readCase(ctx, caseNumber);
  await client.chat.update({ channel: where.channel, ts: where.ts, ...caseMessage(file.case, file.events, deps.consoleUrl) });
}

export async function tellUser(client: webApi.WebClient, where: { channel?: string | undefined; user: string }, text: string): Promise<void> {
  // Without a channel (a modal opened from a DM, say) the answer goes to the user's own DM with the bot.
  if (where.channel) await client.chat.postEphemeral({ channel: where.channel, user: where.user, text });
  else await client.chat.postMessage({ channel: where.user, text });
}
