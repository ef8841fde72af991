import type { Ctx } from '../context.js';
import { signLink } from './signed-link.js';

/** Where a merchant files a counter-notice for a case, signed for that case. */
export function counterNoticePath(token: string): string {
  return `/counter-notice/${token}`;
}

/** A signed counter-notice link valid for `days`, and its expiry; nulls where the desk makes no links. */
export function counterNoticeLink(ctx: Ctx, caseId: number, days: number): { url: string | null; deadline: string | null } {
  if (!ctx.links || days <= 0) return { url: null, deadline: null };
  const expiresAt = new Date(ctx.now().getTime() + days * 86_400_000);
  const token = signLink(ctx.links.secret, { purpose: 'counter_notice', caseId, expiresAt });
  return { url: `${ctx.links.publicUrl.replace(/\/+$/, '')}${counterNoticePath(token)}`, deadline: expiresAt.toISOString() };
}
