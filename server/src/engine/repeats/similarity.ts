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

/** Whether {@link resemblance} measures two paragraphs by aligned words (else by shingles). */
export function measuresWords(a: Signature, b: Signature): boolean {
  return a.words.length * b.words.length <= MAX_LCS_CELLS;
}

/** Two rows of the LCS table, reused between calls (most comparisons are of short paragraphs). */
let rows = new Uint32Array(2 * 1024);

/**
 * Length of the longest common subsequence of two word-hash sequences.
 * The hot loop of repeat detection: kept to one element type (a second
 * caller with strings made V8 handle both in the same loop, twice as slow).
 */
function lcsOfHashes(a: Uint32Array, b: Uint32Array): number {
  const width = b.length + 1;
  if (rows.length < 2 * width) rows = new Uint32Array(2 * width);
  rows.fill(0, 0, 2 * width);
  let previous = 0;
  let current = width;
  for (let i = 0; i < a.length; i++) {
    const word = a[i]!;
    for (let j = 1; j < width; j++) {
      rows[current + j] = word === b[j - 1] ? rows[previous + j - 1]! + 1 : Math.max(rows[previous + j]!, rows[current + j - 1]!);
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return rows[previous + b.length]!;
}

/** {@link lcsOfHashes} for the words themselves, to confirm a match (rarely run). */
function lcsOfWords(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

/**
 * Sorted copies of recently compared long shingle arrays. Only very long
 * paragraphs reach the shingle measure, and one of them is usually compared
 * with several candidates in a row: sorting it once beats building a hash
 * set of it per comparison (which also fed the garbage collector).
 */
const sortedCopies = new Map<Uint32Array, Uint32Array>();
const SORTED_COPIES = 16;

function sortedCopy(hashes: Uint32Array): Uint32Array {
  let sorted = sortedCopies.get(hashes);
  if (!sorted) {
    if (sortedCopies.size >= SORTED_COPIES) sortedCopies.delete(sortedCopies.keys().next().value!);
    sortedCopies.set(hashes, (sorted = hashes.slice().sort()));
  }
  return sorted;
}

function contains(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < hash) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] === hash;
}

/** Number of shingle hashes two distinct-hash arrays share. */
function sharedShingles(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const sorted = sortedCopy(large);
  let shared = 0;
  for (let i = 0; i < small.length; i++) if (contains(sorted, small[i]!)) shared++;
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
  if (measuresWords(a, b)) return measured(lcsOfHashes(a.words, b.words), a.words.length, b.words.length);
  return shingleResemblance(a, b);
}

function measured(common: number, a: number, b: number): Resemblance {
  return { similarity: (2 * common) / (a + b), containment: common / Math.min(a, b) };
}

/**
 * The aligned-word measure of {@link resemblance} on the words themselves,
 * to confirm what the word hashes found (equal hashes of different words
 * can only make two paragraphs look more alike).
 */
export function wordResemblance(a: readonly string[], b: readonly string[]): Resemblance {
  return measured(lcsOfWords(a, b), a.length, b.length);
}

function shingleResemblance(a: Signature, b: Signature): Resemblance {
  const shared = sharedShingles(a.shingles, b.shingles);
  return {
    similarity: (2 * shared) / (a.shingles.length + b.shingles.length),
    containment: shared / Math.min(a.shingles.length, b.shingles.length),
  };
}
