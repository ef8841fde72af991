import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../console/http/language.js';

const LANGS = ['en', 'zh'] as const;

describe('chooseLanguage', () => {
  it('takes ?lang= when the page is written in it, whatever the browser asks for', () => {
    expect(chooseLanguage(LANGS, 'zh', 'en-US,en;q=0.9')).toBe('zh');
    expect(chooseLanguage(LANGS, 'en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(chooseLanguage(LANGS, 'ZH-cn', undefined)).toBe('zh');
  });

  it('falls back to Accept-Language by weight, then order, for an unknown or absent ?lang=', () => {
    expect(chooseLanguage(LANGS, undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(chooseLanguage(LANGS, 'fr', 'zh-TW')).toBe('zh');
    expect(chooseLanguage(LANGS, undefined, 'fr-FR,fr;q=0.9,zh;q=0.5,en;q=0.7')).toBe('en');
    expect(chooseLanguage(LANGS, undefined, 'en;q=0.2, zh-Hans;q=0.8')).toBe('zh');
    expect(chooseLanguage(LANGS, undefined, 'zh;q=0, en;q=0.1')).toBe('en');
  });

  it('is English when nothing it knows is asked for', () => {
    expect(chooseLanguage(LANGS, undefined, undefined)).toBe('en');
    expect(chooseLanguage(LANGS, undefined, 'de-DE,fr;q=0.5')).toBe('en');
    expect(chooseLanguage(LANGS, undefined, ';;,,q=abc')).toBe('en');
  });
});
