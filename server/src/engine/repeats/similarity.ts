/**
 * How alike two word sequences are, the way a reader judges a near copy:
 * the share of words that line up in order (longest common subsequence).
 * Shingle overlap finds candidates cheaply; this measure confirms them and
 * stays high for short paragraphs where three changed words would sink a
 * shingle score.
 */
import type { Signature } from './signature';

/** Above this many cells the exact LCS is replaced by a bag-of-words estimate. */
const MAX_LCS_CELLS = 400_000;

/** Length of the longest common subsequence of `a` and `b`. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Number of shingle hashes two distinct-hash arrays share. */
function sharedShingles(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(large);
  let shared = 0;
  for (const hash of small) if (set.has(hash)) shared++;
  return shared;
}

export interface Resemblance {
  /** 2·common / (|a| + |b|): 1 for identical word sequences. */
  readonly similarity: number;
  /** common / min(|a|, |b|): 1 when the shorter lies wholly inside the longer. */
  readonly containment: number;
}

/**
 * Measures how much of two paragraphs is the same text: by aligned words
 * when that is affordable, else (very long paragraphs) by shared shingles,
 * which keep local word order and so do not mistake a shared vocabulary
 * for a copy.
 */
export function resemblance(a: Signature, b: Signature): Resemblance {
  if (a.words.length === 0 || b.words.length === 0) return { similarity: 0, containment: 0 };
  if (a.words.length * b.words.length <= MAX_LCS_CELLS) {
    const common = lcsLength(a.words, b.words);
    return {
      similarity: (2 * common) / (a.words.length + b.words.length),
      containment: common / Math.min(a.words.length, b.words.length),
    };
  }
  const shared = sharedShingles(a.shingles, b.shingles);
  return {
    similarity: (2 * shared) / (a.shingles.length + b.shingles.length),
    containment: shared / Math.min(a.shingles.length, b.shingles.length),
  };
}
