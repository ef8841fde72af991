import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { URL_ROLE_CONFIDENT } from '../../../src/parse/url-reasons.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, makeNotice } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const read = (text: string) => parseNotice({ text }, { platforms });
const listed = (text: string) => read(text).listings.map((l) => l.url);
const roleOf = (text: string, url: string) => read(text).urlRoles?.find((r) => r.url === url);
// The reviewer's question about URL roles, with the body set inside an otherwise complete notice.
const question = (body: string) =>
  checkComplaint(read(makeNotice({ urls: [], work: body })), { platforms, now: new Date('2026-01-01') }).findings.find((f) => f.code === 'url.role_unsure')?.question ?? '';

describe("a page listing a repository's forks", () => {
  it('is no target beside the repositories it points at, and the reviewer is asked about it', () => {
    const text = [
      'Dear GitHub,',
      'The repository https://github.com/copycat/engine copies our engine without permission; its forks are listed at https://github.com/copycat/engine/network/members.',
      'Please remove the infringing repositories:',
      'https://github.com/copycat/engine',
      'https://github.com/forker/engine',
    ].join('\n\n');
    expect(listed(text)).toEqual(['https://github.com/copycat/engine', 'https://github.com/forker/engine']);
    const r = roleOf(text, 'https://github.com/copycat/engine/network/members');
    expect(r?.reason).toBe('item_list_beside_targets');
    expect(r?.confidence).toBeLessThan(URL_ROLE_CONFIDENT);
    expect(question(text)).toContain('https://github.com/copycat/engine/network/members (left out');
  });

  it('stays the target when it is all the notice names, for a reviewer to confirm', () => {
    const text = 'Dear GitHub,\n\nAll of the forks listed at https://github.com/copycat/engine/forks infringe our copyright. Please remove them.';
    expect(listed(text)).toEqual(['https://github.com/copycat/engine/forks']);
    expect(roleOf(text, 'https://github.com/copycat/engine/forks')?.confidence).toBeLessThan(URL_ROLE_CONFIDENT);
  });
});

describe('an account page on a code host', () => {
  it('is no target when the notice lists repositories, even on a line of its own', () => {
    const text = [
      'Dear GitHub,',
      '1. Infringing content can be found at: https://github.com/copycat/plugin and all of its forks.',
      '2. The plugin removes our copyright notices.',
      '3. https://github.com/uploader-jo',
      '4. I have a good faith belief that use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law.',
    ].join('\n\n');
    expect(listed(text)).toEqual(['https://github.com/copycat/plugin']);
    expect(roleOf(text, 'https://github.com/uploader-jo')?.role).toBe('ignored');
  });

  it('stays the target when nothing else is named, for a reviewer to confirm', () => {
    const text = 'Dear GitHub,\n\nThe infringement is the use of my photograph as the profile image of https://github.com/copycat without permission. Please remove it.';
    expect(listed(text)).toEqual(['https://github.com/copycat']);
    expect(roleOf(text, 'https://github.com/copycat')?.reason).toBe('holder_account_only_target');
    expect(question(text)).toContain('https://github.com/copycat (read as a target');
  });
});

describe('the words of the statute about the original work', () => {
  it('reads a URL under "work claimed to be infringed" as the original', () => {
    const text = [
      'Dear GitHub,',
      '1. Identification of the copyrighted work claimed to be infringed. Our client owns the code of its site, which is available here: www.harbourmaps.example.',
      '2. Identification of the infringing material. The infringing material is located here: https://github.com/copycat/harbour-maps.',
    ].join('\n\n');
    expect(listed(text)).toEqual(['https://github.com/copycat/harbour-maps']);
    expect(roleOf(text, 'www.harbourmaps.example')?.role).not.toBe('infringing');
  });

  it('reads "the material infringing the copyrighted work" as naming the copy', () => {
    const text = [
      'Dear GitHub,',
      '2. Identify the copyrighted work: my mega menu component, sold at http://shop.example/mega-menu',
      '3. Identify the material that you allege is infringing the copyrighted work: The repositories that contain my code can be seen here: https://github.com/copycat/school-site/tree/master/MegaMenu',
    ].join('\n\n');
    expect(listed(text)).toEqual(['https://github.com/copycat/school-site/tree/master/MegaMenu']);
  });
});

describe('"infringed copyrighted work" as a label', () => {
  it('still names the original', () => {
    const text = 'Please remove the copyrighted content found at the following URLs:\nhttps://github.com/copycat/jukebox\n\nInfringed copyrighted work:\nhttps://github.com/ana/jukebox\n';
    expect(listed(text)).toEqual(['https://github.com/copycat/jukebox']);
  });
});

describe('a cue right after a URL', () => {
  it('decides by the nearest cue after it', () => {
    const text = 'Dear GitHub,\n\nHarbourCoin (<https://github.com/harbourcoin/harbourcoin/>) is infringing on my copyright of code originally contributed to Anchor (<https://github.com/anchor/anchor/>) under the MIT license.';
    expect(listed(text)).toContain('https://github.com/harbourcoin/harbourcoin/');
  });
});

describe('an off-platform page in the takedown answer beside listings on the platform', () => {
  it('is left out, and the reviewer is asked about it', () => {
    const text = [
      '**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository’s URL.**',
      '',
      'https://github.com/copycat/harbour-game',
      'http://www.harbourgames.example/',
    ].join('\n');
    expect(listed(text)).toEqual(['https://github.com/copycat/harbour-game']);
    expect(question(text)).toContain('http://www.harbourgames.example/ (left out');
  });
});

describe('pages inside a target named in a sentence', () => {
  const text = [
    '**Please provide a detailed description of the original copyrighted work that has allegedly been infringed.**',
    '',
    'Our engine. In particular, the folder https://github.com/copycat/engine/tree/main/core holds our code, as the history at https://github.com/copycat/engine/commit/4f1d2e9a shows.',
    '',
    '**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository’s URL.**',
    '',
    'https://github.com/copycat/engine',
  ].join('\n');

  it('lists a file or folder as a target, and asks the reviewer', () => {
    expect(listed(text)).toEqual(['https://github.com/copycat/engine/tree/main/core', 'https://github.com/copycat/engine']);
    const r = roleOf(text, 'https://github.com/copycat/engine/tree/main/core');
    expect(r?.reason).toBe('named_inside_target');
    expect(r?.confidence).toBeLessThan(URL_ROLE_CONFIDENT);
  });

  it('keeps a commit or history page as evidence of the copying', () => {
    expect(roleOf(text, 'https://github.com/copycat/engine/commit/4f1d2e9a')?.role).toBe('evidence');
  });
});

describe("the sender's reply channel", () => {
  it('is no target', () => {
    const text = [
      'Dear GitHub,',
      'The repository https://github.com/copycat/game-server copies our server code. We urge you to take immediate action to stop this infringing.',
      'If you do not wish to reply by email, please use our web interface by clicking on the following link: http://reply.watchdesk.example/r?case=4f1d2e9a',
    ].join('\n\n');
    expect(listed(text)).toEqual(['https://github.com/copycat/game-server']);
    expect(roleOf(text, 'http://reply.watchdesk.example/r?case=4f1d2e9a')?.reason).toBe('reply_channel');
  });
});
