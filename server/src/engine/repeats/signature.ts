/**
 * Per-paragraph signatures for repeat detection: the folded text for exact
 * copies, the word sequence for similarity, and word-trigram hashes for the
 * candidate index. Cached by text, so an edit recomputes one paragraph.
 */
import { BoundedCache } from '../cache';
import { foldForComparison } from '../document/words';

export interface Signature {
  /** Folded text plus hidden parts: equal for exact copies. */
  readonly exact: string;
  /** Lower-cased words, punctuation dropped. */
  readonly words: readonly string[];
  /** Distinct hashes of consecutive word triples (single words when shorter). */
  readonly shingles: Uint32Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** 32-bit FNV-1a: fast, well spread, and stable across runs and machines. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The lower-cased words of folded `text`, punctuation dropped. */
export function wordsOf(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

function compute(key: string): Signature {
  const split = key.indexOf('\u0001');
  const prose = foldForComparison(split < 0 ? key : key.slice(0, split));
  const exact = split < 0 ? prose : `${prose}${key.slice(split)}`;
  const words = wordsOf(prose);
  const set = new Set<number>();
  if (words.length < 3) for (const word of words) set.add(fnv1a(word));
  for (let i = 0; i + 2 < words.length; i++) set.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return { exact, words, shingles: Uint32Array.from(set) };
}

const cache = new BoundedCache<string, Signature>(100_000);

/**
 * The signature of a paragraph (cached by its text). Words come from the
 * prose only; `hidden` (the source of masked spans and link targets) only
 * takes part in exact identity, so URLs never make two paragraphs "similar".
 */
export function signatureOf(prose: string, hidden: readonly string[]): Signature {
  return cache.get(hidden.length > 0 ? `${prose}\u0001${hidden.join('\u0001')}` : prose, compute);
}
