import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);

const notice = (opening: string) =>
  `${opening}\n\nThe repository https://github.com/copycat/heron copies the Heron game client.\n\nI have a good faith belief that use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law.\nI swear, under penalty of perjury, that the information in this notification is accurate and that I am authorized to act on behalf of the owner.\n\nJane Roe`;

describe('a sender the owner appointed', () => {
  it.each([
    'Lumen Watch Inc. swears that Heron Games Ltd has authorized Lumen Watch to act as its non-exclusive agent for copyright notices.',
    'I am authorized to act by Heron Games Ltd, the owner of the copyrighted work.',
    'Heron Games Ltd is the owner on whose behalf Lumen Watch is acting.',
  ])('writes for someone else: %s', (opening) => {
    expect(parseNotice({ text: notice(opening) }).isAgent).toBe(true);
  });

  it('is not read into an owner who authorizes nobody', () => {
    expect(parseNotice({ text: notice('We are Heron Games Ltd and we own the Heron game client.') }).isAgent).not.toBe(true);
  });
});

describe('an account page listed beside its repositories', () => {
  it('is who holds them, not another target', () => {
    const text = 'Our copyrighted plugin is copied by these accounts and code paths:\n\nhttps://github.com/copycat\n\nhttps://github.com/copycat/shop/tree/master/app/code/Heron\n\nhttps://github.com/other-one\n\nhttps://github.com/other-one/store/tree/master/Heron\n\nI have a good faith belief that this use is not authorized by the copyright owner, its agent, or the law.\nI swear, under penalty of perjury, that the information in this notification is accurate and that I am the owner.\n\nJane Roe';
    expect(parseNotice({ text }, { platforms }).listings.map((l) => l.url)).toEqual(['https://github.com/copycat/shop/tree/master/app/code/Heron', 'https://github.com/other-one/store/tree/master/Heron']);
  });

  it('names who holds listings on a code host even when nothing under it is listed', () => {
    const text = 'Our copyrighted plugin is copied by these accounts and code paths:\n\nhttps://github.com/copycat\n\nhttps://github.com/other-one/store/tree/master/Heron\n\nI have a good faith belief that this use is not authorized by the copyright owner, its agent, or the law.\nI swear, under penalty of perjury, that the information in this notification is accurate and that I am the owner.\n\nJane Roe';
    const c = parseNotice({ text }, { platforms });
    expect(c.listings.map((l) => l.url)).toEqual(['https://github.com/other-one/store/tree/master/Heron']);
    expect(c.urlRoles?.find((r) => r.url === 'https://github.com/copycat')?.reason).toBe('holder_account_beside_targets');
  });
});
