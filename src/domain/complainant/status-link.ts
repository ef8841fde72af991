import type { Ctx } from '../context.js';
import type { Case } from '../schemas/index.js';
import { signLink, verifyLink, type LinkCheck } from '../links/signed-link.js';

const DAY_MS = 24 * 3600 * 1000;

/** The path of a status page; the token alone names the case. */
export function statusPath(token: string): string {
  return `/status/${token}`;
}

/**
 * The link to a complainant's status page, valid for the configured number of
 * days from now; null for cases that have none (counter-notices, other
 * kinds) or where the desk makes no links.
 */
export function statusLinkFor(ctx: Ctx, c: Pick<Case, 'id' | 'kind'>): string | null {
  if (!ctx.links || c.kind !== 'notice') return null;
  const expiresAt = new Date(ctx.now().getTime() + ctx.links.days * DAY_MS);
  const token = signLink(ctx.links.secret, { purpose: 'status', caseId: c.id, expiresAt });
  return `${ctx.links.publicUrl}${statusPath(token)}`;
}

/** Checks a status token; the caller answers `invalid` with 404 and `expired` with 410. */
export function checkStatusToken(ctx: Ctx, token: string): LinkCheck {
  if (!ctx.links) return { ok: false, reason: 'invalid' };
  return verifyLink(ctx.links.secret, token, 'status', ctx.now());
}
