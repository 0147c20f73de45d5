// Letters that Unicode decomposition (NFKD) does not split into a base letter + accent.
const specialLetters: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd',
  Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', Ħ: 'h',
};
const specialLetterPattern = /[ßẞæÆœŒøØłŁđĐðÐþÞıŀħĦ]/g;

// eslint-disable-next-line no-control-regex -- the ASCII range includes control characters on purpose
const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * Lower case without accents: "Müller Æro Straße" → "muller aero strasse". Compatibility forms are unfolded too
 * (full-width letters, ligatures such as "ﬁ"). Idempotent; other scripts (Cyrillic, CJK) keep their letters.
 */
export function foldText(text: string): string {
  // Most names are plain ASCII: lower-casing is all they need, and it is ten times cheaper than decomposing.
  if (asciiOnly.test(text)) return text.toLowerCase();
  // Decompose and drop accents twice: lower-casing can produce letters that decompose further, and some
  // compatibility letters decompose into capitals ("𐞕" → "Ħ").
  const once = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return once
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(specialLetterPattern, (letter) => specialLetters[letter] ?? letter)
    .toLowerCase();
}
