/**
 * Word counting shared by the browser (live count under the editor) and the
 * server (stored count), so both always agree. Kept free of ProseMirror
 * imports so the client bundle stays small.
 *
 * The rule: a word is a run of letters, combining marks or digits (any
 * script). Runs joined by an apostrophe (' or ’) or a hyphen count as one
 * word ("don't", "community-led"), as do digit runs joined by "." or ","
 * ("60,000", "3.5"). Everything else separates words, so punctuation,
 * emoji and lone hyphens are not words, and "a@b.com" is three words.
 */
const WORD_PATTERN =
  /[\p{L}\p{M}\p{N}]+(?:['’\u2010\u2011-][\p{L}\p{M}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD_PATTERN)) count++;
  return count;
}
