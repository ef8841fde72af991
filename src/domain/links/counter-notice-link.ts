import type { Ctx } from '../context.js';
import { signLink, verifyLink, type LinkCheck } from './signed-link.js';

const DAY_MS = 86_400_000;

/** Where a merchant files a counter-notice for a case, signed for that case. */
export function counterNoticePath(token: string): string {
  return `/counter-notice/${token}`;
}

/**
 * A signed counter-notice link valid for the desk's one link period
 * (the same as the status page's), and its expiry; nulls where the desk
 * makes no links.
 */
export function counterNoticeLink(ctx: Ctx, caseId: number): { url: string | null; deadline: string | null } {
  if (!ctx.links) return { url: null, deadline: null };
  const expiresAt = new Date(ctx.now().getTime() + ctx.links.days * DAY_MS);
  const token = signLink(ctx.links.secret, { purpose: 'counter_notice', caseId, expiresAt });
  return { url: `${ctx.links.publicUrl.replace(/\/+$/, '')}${counterNoticePath(token)}`, deadline: expiresAt.toISOString() };
}

/** Checks a counter-notice token; the caller answers `invalid` with 404 and `expired` with 410. */
export function checkCounterNoticeToken(ctx: Ctx, token: string): LinkCheck {
  if (!ctx.links) return { ok: false, reason: 'invalid' };
  return verifyLink(ctx.links.secret, token, 'counter_notice', ctx.now());
}
