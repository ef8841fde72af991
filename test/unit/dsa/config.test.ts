import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

describe('DSA settings', () => {
  it('needs the token when the Transparency Database URL is set', () => {
    expect(() => loadConfig({ NOTICEDESK_DSA_API_URL: 'https://transparency.dsa.ec.europa.eu' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTICEDESK_DSA_API_URL: 'https://transparency.dsa.ec.europa.eu' })).toThrow(/NOTICEDESK_DSA_API_TOKEN: required when NOTICEDESK_DSA_API_URL is set/);
  });

  it('reads the URL, token and interval, and nothing when unset', () => {
    const c = loadConfig({ NOTICEDESK_DSA_API_URL: 'https://tdb.test', NOTICEDESK_DSA_API_TOKEN: 'X|abc', NOTICEDESK_DSA_SUBMIT_SECONDS: '60' });
    expect([c.NOTICEDESK_DSA_API_URL, c.NOTICEDESK_DSA_API_TOKEN, c.NOTICEDESK_DSA_SUBMIT_SECONDS]).toEqual(['https://tdb.test', 'X|abc', 60]);
    expect(loadConfig({}).NOTICEDESK_DSA_API_URL).toBeUndefined();
    expect(() => loadConfig({ NOTICEDESK_DSA_API_URL: 'ftp://tdb.test', NOTICEDESK_DSA_API_TOKEN: 'x' })).toThrow(/must start with https:\/\/ or http:\/\//);
  });
});
