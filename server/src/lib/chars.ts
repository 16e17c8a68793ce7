/**
 * Length of text as the API's limits count it ("at most 4000 characters"):
 * Unicode code points, as PostgreSQL's `char_length` does, so an emoji or a
 * CJK extension character is one character, not the two UTF-16 units of
 * `String.length`. (A grapheme made of several code points, such as a family
 * emoji, still counts each of them.)
 */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n -= 1;
        i += 1;
      }
    }
  }
  return n;
}

/**
 * Whether `s` is longer than `max` characters. `String.length` is never below
 * the character count, so text within it in UTF-16 units costs no counting.
 */
export const longerThan = (s: string, max: number): boolean => s.length > max && charCount(s) > max;

/** Whether `s` has something a reader can see: a letter, digit, symbol or punctuation (not only spaces or invisible marks). */
export const hasVisibleChar = (s: string): boolean => /[\p{L}\p{N}\p{S}\p{P}]/u.test(s);
