/**
 * pdfkit's built-in (standard 14) fonts encode text as WinAnsi (Windows-1252): Latin-1 plus a few
 * characters such as € and Š. Anything else would render as garbage, so it is reduced here to the
 * nearest WinAnsi text: 'Kovačević' → 'Kovacevic'. Embedding a Unicode font would keep it.
 */

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

const REPLACEMENTS: Readonly<Record<string, string>> = {
  'ẞ': 'SS',
  'Ł': 'L',
  'ł': 'l',
  'Đ': 'D',
  'đ': 'd',
  'ı': 'i',
  '\u2009': ' ',
  '\u202f': ' ',
};

/** Returns text that pdfkit's standard fonts can render (line breaks kept); '?' where nothing fits. */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) {
      result += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      result += replacement;
      continue;
    }
    // Drop combining marks: 'č' → 'c' + '̌' → 'c'.
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    result += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return result;
}
