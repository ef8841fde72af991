import { describe, expect, it } from 'vitest';
import { findStatements } from '../../../src/parse/statements.js';

const statements = (text: string) => findStatements({ source: 'body', text });

describe('statutory statements typed with a slip', () => {
  it('reads the perjury statement with a letter dropped, swapped or a vowel changed', () => {
    for (const typed of ['penaly of perjury', 'penatly of perjury', 'penalty of purjury', 'penalty of perjry']) {
      expect(statements(`I swear, under ${typed}, that I am authorized to act on behalf of the owner.`).perjury.present, typed).toBe(true);
    }
  });

  it('reads the good-faith belief with a letter dropped', () => {
    expect(statements('I have a good faith beief that use of the material described above is not authorized by the owner.').goodFaith.present).toBe(true);
  });

  it('does not take other words for the key words', () => {
    expect(statements('I swear, under penalties of the law, that I am authorized to act on behalf of the owner.').perjury.present).toBe(false);
    expect(statements('We acted in good faith relief of the users; the material is not authorized.').goodFaith.present).toBe(false);
    expect(statements('I swear, under penalty of jury duty, that I am authorized to act on behalf of the owner.').perjury.present).toBe(false);
  });
});
