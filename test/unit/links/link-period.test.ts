import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { statusLinkFor } from '../../../src/domain/complainant/status-link.js';
import { makeCtx, type Ctx } from '../../../src/domain/context.js';
import { counterNoticeLink } from '../../../src/domain/links/counter-notice-link.js';
import { verifyLink } from '../../../src/domain/links/signed-link.js';
import { testCtx } from '../../support/store.js';

const SECRET = 'link-period-secret-0123456789abcdef0123456789';
const NOW = new Date('2026-03-04T10:00:00Z');

function ctxWithDays(days: number): Ctx {
  // No store is touched: links are made from the clock and the settings alone.
  const base = testCtx(null as never, { now: () => NOW });
  return makeCtx({ ...base, links: { secret: SECRET, days, publicUrl: 'https://desk.example' } });
}

function expiryOf(url: string, purpose: 'status' | 'counter_notice'): string {
  const token = url.split('/').at(-1)!;
  const check = verifyLink(SECRET, token, purpose, NOW);
  if (!check.ok) throw new Error(`not a valid ${purpose} link: ${check.reason}`);
  return check.claims.expiresAt.toISOString();
}

describe('one validity period for the links the desk hands out', () => {
  it('the status page link and the counter-notice link expire after the same configured days', () => {
    const ctx = ctxWithDays(45);
    const status = statusLinkFor(ctx, { id: 7, kind: 'notice' })!;
    const counter = counterNoticeLink(ctx, 7);
    const expected = '2026-04-18T10:00:00.000Z';
    expect(expiryOf(status, 'status')).toBe(expected);
    expect(expiryOf(counter.url!, 'counter_notice')).toBe(expected);
    expect(counter.deadline).toBe(expected);
  });

  it('is one setting, NOTICEDESK_LINK_DAYS, long enough for a counter-notice period and the restoration', () => {
    expect(loadConfig({}).NOTICEDESK_LINK_DAYS).toBe(184);
    expect(loadConfig({ NOTICEDESK_LINK_DAYS: '365' }).NOTICEDESK_LINK_DAYS).toBe(365);
    expect(() => loadConfig({ NOTICEDESK_LINK_DAYS: '14' })).toThrow(/NOTICEDESK_LINK_DAYS: must be at least 30/);
  });

  it('refuses the two settings it replaced, naming the one to use', () => {
    expect(() => loadConfig({ NOTICEDESK_STATUS_LINK_DAYS: '180' })).toThrow(/NOTICEDESK_STATUS_LINK_DAYS: replaced by NOTICEDESK_LINK_DAYS/);
    expect(() => loadConfig({ NOTICEDESK_COUNTER_NOTICE_LINK_DAYS: '30' })).toThrow(/NOTICEDESK_COUNTER_NOTICE_LINK_DAYS: replaced by NOTICEDESK_LINK_DAYS/);
  });
});
