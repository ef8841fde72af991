import type { webApi } from '@slack/bolt';
import type { Actor } from '../../domain/schemas/index.js';
import { canReview, findUserByEmail } from '../../store/repos/users.js';
import { findUserBySlackId, linkSlackUser } from '../../store/repos/slack.js';
import type { Db } from '../../store/open.js';

export const NOT_A_REVIEWER =
  "Sorry, I don't know you as a Noticedesk reviewer, so nothing was changed. Ask an admin to create a console account with the email address of your Slack profile.";

/**
 * The console account a Slack user acts as: the remembered mapping, or the
 * account whose email is the one on their Slack profile (remembered from then
 * on). Null when there is none: the caller refuses and changes nothing.
 */
export async function resolveReviewer(client: webApi.WebClient, db: Db, slackUserId: string): Promise<Actor | null> {
  const mapped = await findUserBySlackId(db, slackUserId);
  if (mapped) return canReview(mapped) ? { type: 'slack', id: mapped.email, name: mapped.name ?? mapped.email } : null;
  let email: string | undefined;
  try {
    const info = await client.users.info({ user: slackUserId });
    email = info.user?.profile?.email;
  } catch {
    return null;
  }
  if (!email) return null;
  const user = await findUserByEmail(db, email);
  if (!user || !canReview(user)) return null;
  await linkSlackUser(db, user.id, slackUserId);
  return { type: 'slack', id: user.email, name: user.name ?? user.email };
}
