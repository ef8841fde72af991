import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const read = (text: string) => parseNotice({ text }, { platforms });
const roleOf = (text: string, url: string) => read(text).urlRoles?.find((r) => r.url === url);

describe('a heading over a list of URLs', () => {
  it('reads "the original work is at the following URLs" as the original, not as targets', () => {
    const text = [
      'Dear GitHub,',
      'The original material is located at the following URLs:',
      'https://github.com/ana/harbour',
      '',
      'https://github.com/ana/harbour-tools',
      '',
      'The infringing material is located at the following URLs:',
      'https://github.com/copycat/harbour',
      '',
      'Please remove it.',
    ].join('\n');
    const c = read(text);
    expect(c.listings.map((l) => l.url)).toEqual(['https://github.com/copycat/harbour']);
    expect(roleOf(text, 'https://github.com/ana/harbour-tools')?.role).toBe('original');
  });

  it('still takes a list under "the following links" with no other cue for targets', () => {
    const text = 'Dear GitHub,\n\nMy photographs are used without my consent.\n\nPlease see the following links:\nhttps://github.com/copycat/photos\nhttps://github.com/copycat/photos-2\n';
    expect(read(text).listings.map((l) => l.url)).toEqual(['https://github.com/copycat/photos', 'https://github.com/copycat/photos-2']);
  });

  it('reads a file named in the description as inside the target given by its clone URL', () => {
    const text = [
      '**Please provide a detailed description of the original copyrighted work that has allegedly been infringed.**',
      '',
      'My code is copied in this file:',
      'https://github.com/copycat/harbour/blob/main/README.md',
      '',
      '**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository’s URL.**',
      '',
      'https://github.com/copycat/harbour.git',
    ].join('\n');
    expect(roleOf(text, 'https://github.com/copycat/harbour/blob/main/README.md')?.reason).toBe('inside_target');
  });
});
