/** BCP 47 primary tag from the script the text is written in; English when Latin dominates. */
export function detectLanguage(text: string): string {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const kana = (text.match(/[\u3040-\u30ff]/g) ?? []).length;
  const hangul = (text.match(/[\uac00-\ud7af]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (kana > 20 && kana * 3 > latin) return 'ja';
  if (hangul > 20 && hangul * 3 > latin) return 'ko';
  // One Chinese character carries about as much as a short English word.
  if (cjk > 10 && cjk * 4 > latin) return 'zh';
  return 'en';
}
