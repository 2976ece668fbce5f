/**
 * Spaces of every width: Unicode White_Space (JS `\s`: ASCII space, tab, line breaks, NBSP U+00A0, the en/em
 * spaces U+2000–U+200A, ideographic space U+3000, BOM U+FEFF …) and the invisible separators that copy-paste
 * leaves behind: zero-width space U+200B and word joiner U+2060.
 */
const SPACES = /[\s\u200B\u2060]/gu;

/** Removes every space: '山田　太郎', '山田 太郎' and '山田太郎' become one string. */
export function removeSpaces(text: string): string {
  return text.replace(SPACES, '');
}
