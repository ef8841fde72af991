import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkSecretError, signLink, verifyLink, type LinkClaims } from '../../../src/domain/links/signed-link.js';
import { loadLinkSecret } from '../../../src/store/link-secret.js';
import { loadConfig } from '../../../src/config.js';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8);
const OTHER_SECRET = 'z'.repeat(40);
const NOW = new Date('2026-11-29T00:00:00Z');
const LATER = new Date('2027-05-28T00:00:00Z');

function claims(over: Partial<LinkClaims> = {}): LinkClaims {
  return { purpose: 'status', caseId: 15, expiresAt: LATER, ...over };
}

describe('signed links', () => {
  it('verifies a token it made, for its purpose, case and expiry', () => {
    const token = signLink(SECRET, claims({ extra: 'held-7' }));
    const check = verifyLink(SECRET, token, 'status', NOW);
    expect(check).toEqual({ ok: true, claims: { purpose: 'status', caseId: 15, expiresAt: LATER, extra: 'held-7' } });
  });

  it('refuses a second spelling of its signature whose last character differs only in unused bits', () => {
    const token = signLink(SECRET, { purpose: 'status', caseId: 9, expiresAt: LATER });
    const [payload, sig] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = [...alphabet].map((ch) => `${sig.slice(0, -1)}${ch}`).find((t) => t !== sig && Buffer.from(t, 'base64url').equals(Buffer.from(sig, 'base64url')));
    expect(twin).toBeDefined();
    expect(verifyLink(SECRET, `${payload}.${twin}`, 'status', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token made for another purpose', () => {
    const token = signLink(SECRET, claims({ purpose: 'status' }));
    expect(verifyLink(SECRET, token, 'confirm_change', NOW)).toEqual({ ok: false, reason: 'invalid' });
    const confirm = signLink(SECRET, claims({ purpose: 'confirm_change' }));
    expect(verifyLink(SECRET, confirm, 'status', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token whose payload was changed to name another case', () => {
    const token = signLink(SECRET, claims({ caseId: 15 }));
    const [payload, sig] = token.split('.') as [string, string];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    body.c = 16;
    const forged = `${Buffer.from(JSON.stringify(body)).toString('base64url')}.${sig}`;
    expect(verifyLink(SECRET, forged, 'status', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token with one character of its signature changed', () => {
    const token = signLink(SECRET, claims());
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect(verifyLink(SECRET, tampered, 'status', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with another secret', () => {
    const token = signLink(OTHER_SECRET, claims());
    expect(verifyLink(SECRET, token, 'status', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('says expired only for a genuine token past its expiry', () => {
    const token = signLink(SECRET, claims({ expiresAt: new Date('2026-11-28T23:59:59Z') }));
    const check = verifyLink(SECRET, token, 'status', NOW);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ reason: 'expired', claims: { caseId: 15 } });
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of ['', '.', 'abc', 'a.b.c', 'not base64!.x', `${'a'.repeat(3000)}.b`, 'e30.AAAA']) {
      expect(verifyLink(SECRET, bad, 'status', NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a short secret', () => {
    expect(() => signLink('short', claims())).toThrow(LinkSecretError);
    expect(() => verifyLink('short', 'a.b', 'status', NOW)).toThrow(LinkSecretError);
  });

  it('makes different tokens for different cases', () => {
    expect(signLink(SECRET, claims({ caseId: 1 }))).not.toBe(signLink(SECRET, claims({ caseId: 2 })));
  });
});

describe('link secret', () => {
  it('makes one secret in the data folder and reads the same one after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nd-link-'));
    const first = await loadLinkSecret(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadLinkSecret(dir)).toBe(first);
    expect((await readFile(join(dir, 'link-secret'), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dir, 'link-secret'))).mode & 0o077).toBe(0);
  });

  it('prefers the configured secret and refuses a short stored one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nd-link-'));
    expect(await loadLinkSecret(dir, SECRET)).toBe(SECRET);
    await writeFile(join(dir, 'link-secret'), 'short\n');
    await expect(loadLinkSecret(dir)).rejects.toThrow(/shorter than 32/);
  });

  it('the setting refuses a short secret and defaults every link to 184 days', () => {
    expect(() => loadConfig({ NOTICEDESK_LINK_SECRET: 'short' })).toThrow(/NOTICEDESK_LINK_SECRET/);
    expect(loadConfig({}).NOTICEDESK_LINK_DAYS).toBe(184);
    expect(loadConfig({ NOTICEDESK_LINK_SECRET: SECRET }).NOTICEDESK_LINK_SECRET).toBe(SECRET);
  });
});
