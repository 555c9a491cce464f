/** Word-level helpers shared by rules that compare or count words. */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Counts the words in `text` (letters or digits, with inner apostrophes). */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}

/**
 * Folds `text` for exact-copy comparison: case, whitespace, curly quotes and
 * dash variants, so a paragraph re-typed in another editor still matches.
 */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
