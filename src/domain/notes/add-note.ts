import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { CaseNumber } from '../schemas/index.js';
import { loadCase, parseInput, requireReviewer, actorLabel } from '../cases/review-support.js';
import { appendCaseEvent } from '../../store/repos/cases.js';
import { enqueueReply } from '../../store/repos/outbox.js';
import { listReviewers, type User } from '../../store/repos/users.js';

export const AddNoteInput = z.object({
  caseNumber: CaseNumber,
  text: z.string().trim().min(1, 'Write the note.').max(10_000),
});
export type AddNoteInput = z.input<typeof AddNoteInput>;

/** How one mentioned reviewer was told: a Slack message (sent by the bot) or a mail in the reply queue. */
export interface MentionNotice {
  email: string;
  via: 'slack' | 'email';
  slackUserId: string | null;
}

/** `@sam` (the part before the @ of an account's address) or `@sam@desk.test`, at the start of a word. */
const MENTION = /(?:^|\s)@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/** The reviewer accounts a note mentions; a handle that names no account, or several, is refused. */
export function resolveMentions(text: string, reviewers: readonly User[]): User[] {
  const found = new Map<string, User>();
  for (const match of text.matchAll(MENTION)) {
    const handle = match[1]!.replace(/\.+$/, '').toLowerCase();
    const hits = handle.includes('@') ? reviewers.filter((u) => u.email === handle) : reviewers.filter((u) => u.email.split('@')[0] === handle);
    if (hits.length !== 1) {
      const why = hits.length ? `@${handle} names several accounts; write the whole address` : `@${handle} is not a reviewer account`;
      throw new DomainError('invalid_input', `${why}. The note was not saved.`, { fields: { text: why } });
    }
    found.set(hits[0]!.email, hits[0]!);
  }
  return [...found.values()];
}

/**
 * An internal note on a case: kept in the case record, never sent to the
 * sender. Each reviewer it @mentions is told once, by Slack when the desk
 * runs the Slack bot and the account is linked to a Slack user, otherwise by
 * mail to the account's address. The case itself does not change.
 */
export async function addNote(ctx: Ctx, raw: AddNoteInput): Promise<{ mentioned: MentionNotice[] }> {
  const input = parseInput(AddNoteInput, raw);
  requireReviewer(ctx);
  const mentioned = resolveMentions(input.text, await listReviewers(ctx.db));
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadCase(trx, { caseNumber: input.caseNumber });
    const at = ctx.now().toISOString();
    const notices: MentionNotice[] = mentioned.map((u) => ({
      email: u.email,
      via: ctx.mentions?.slack && u.slackUserId ? 'slack' : 'email',
      slackUserId: u.slackUserId,
    }));
    for (const n of notices.filter((x) => x.via === 'email')) {
      // Not tied to the case's mail thread (case id null): an internal message, not a reply to the sender.
      await enqueueReply(trx, {
        caseId: null,
        kind: 'mention',
        to: n.email,
        template: null,
        vars: { caseNumber: current.number, byReviewer: true },
        language: 'en',
        inReplyTo: null,
        references: [],
        rendered: {
          subject: `${actorLabel(ctx)} mentioned you on case ${current.number}`,
          text: `${actorLabel(ctx)} wrote a note on case ${current.number}:\n\n${input.text}\n\nThis note is internal; the sender of the case does not see it.\n`,
          html: null,
        },
        at,
      });
    }
    await appendCaseEvent(trx, {
      caseId: current.id,
      at,
      actor: ctx.actor,
      type: 'note',
      fromStatus: null,
      toStatus: null,
      data: { text: input.text, mentioned: notices },
    });
    return { mentioned: notices };
  });
}
