/**
 * How alike two word sequences are, the way a reader judges a near copy:
 * the share of words that line up in order (longest common subsequence).
 * Shingle overlap finds candidates cheaply; this measure confirms them and
 * stays high for short paragraphs where three changed words would sink a
 * shingle score.
 */
import { homeSlot } from '../hash';
import type { Signature } from './signature';

/** Above this many cells the exact LCS is replaced by a bag-of-words estimate. */
const MAX_LCS_CELLS = 400_000;

/** Whether {@link resemblance} measures two paragraphs by aligned words (else by shingles). */
export function measuresWords(a: Signature, b: Signature): boolean {
  return a.words.length * b.words.length <= MAX_LCS_CELLS;
}

/** Per distinct word of the shorter sequence, its match mask; reused between calls (most comparisons are of short paragraphs). */
let masks = new Uint32Array(1024);
/** The state vector of the bit-parallel LCS, one bit per word of the shorter sequence. */
let vector = new Uint32Array(32);
/** Open addressing from word hash to its mask's number: the hashes (`keys`) and mask numbers + 1 (`entries`, 0 empty). */
let keys = new Uint32Array(256);
let entries = new Int32Array(256);

/** The number of the mask of `hash` in the table of size `mask + 1`, or -1. */
function maskNumber(hash: number, mask: number): number {
  for (let slot = homeSlot(hash, mask); entries[slot] !== 0; slot = (slot + 1) & mask) {
    if (keys[slot] === hash) return entries[slot]! - 1;
  }
  return -1;
}

/**
 * Length of the longest common subsequence of two word-hash sequences, by
 * the bit-parallel algorithm (Allison and Dix 1986; Hyyrö 2004): one bit
 * per word of the shorter sequence, one multi-word addition per word of the
 * longer, so a comparison of two 100-word paragraphs is about 400 word
 * operations instead of 10,000 table cells. The hot loop of repeat
 * detection, written by hand as no library offers it for arbitrary symbols;
 * a property test holds it to the textbook table.
 */
export function lcsOfHashes(a: Uint32Array, b: Uint32Array): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const length = short.length;
  if (length === 0) return 0;
  const words = (length + 31) >>> 5;
  let size = 64;
  while (size < 2 * length) size *= 2;
  if (keys.length < size) [keys, entries] = [new Uint32Array(size), new Int32Array(size)];
  entries.fill(0, 0, size);
  if (masks.length < length * words) masks = new Uint32Array(Math.max(length * words, 2 * masks.length));
  if (vector.length < words) vector = new Uint32Array(2 * words);
  const tableMask = size - 1;
  // A mask per distinct word: bit j set where the shorter sequence has that word.
  let distinct = 0;
  for (let j = 0; j < length; j++) {
    const hash = short[j]!;
    let slot = homeSlot(hash, tableMask);
    while (entries[slot] !== 0 && keys[slot] !== hash) slot = (slot + 1) & tableMask;
    if (entries[slot] === 0) {
      keys[slot] = hash;
      entries[slot] = ++distinct;
      masks.fill(0, (distinct - 1) * words, distinct * words);
    }
    masks[(entries[slot]! - 1) * words + (j >>> 5)]! |= 1 << (j & 31);
  }
  vector.fill(0xffffffff, 0, words);
  const top = length & 31 ? (1 << (length & 31)) - 1 : 0xffffffff;
  vector[words - 1] = top;
  for (let i = 0; i < long.length; i++) {
    const number = maskNumber(long[i]!, tableMask);
    if (number < 0) continue;
    // V = (V + U) | (V - U) with U = V & M; U is a subset of V, so V - U is V & ~U and never borrows.
    const base = number * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const v = vector[w]!;
      const u = v & masks[base + w]!;
      const sum = v + (u >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      vector[w] = (sum | (v & ~u)) >>> 0;
    }
    vector[words - 1]! &= top;
  }
  let zeros = 0;
  for (let w = 0; w < words; w++) zeros += 32 - popCount(vector[w]!);
  return zeros - (words * 32 - length);
}

/** Set bits of a 32-bit number. */
function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
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
