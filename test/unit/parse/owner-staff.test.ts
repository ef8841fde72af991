import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

const notice = (opening: string) => parseNotice({ text: makeNotice({ opening }) });

describe("the owner's staff are not agents", () => {
  it.each([
    'I am the legal representative of Harbour Lights Photography Ltd., the owner of the photographs described below.',
    'I am a director of Harbour Lights Photography Ltd., which owns the copyright in the photographs below.',
    'I am an employee of the company that owns the photographs described below.',
  ])('%s', (opening) => {
    expect(notice(opening).isAgent).toBe(false);
  });

  it.each([
    'We are the legal representatives of our client Harbour Lights Photography Ltd., the owner of the photographs below.',
    'Our law firm represents Harbour Lights Photography Ltd., the owner of the photographs below.',
  ])('%s', (opening) => {
    expect(notice(opening).isAgent).toBe(true);
  });
});
