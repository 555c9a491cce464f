/**
 * 32-bit FNV-1a over UTF-16 code units: fast, well spread, and stable across
 * runs and machines. Used where content must decide something without
 * keeping the content (paragraph signatures, run and piece boundaries).
 */

/** The FNV-1a offset basis and prime (32-bit). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Continues a 32-bit FNV-1a hash (start with {@link FNV_OFFSET}) over `text[start, end)`; not yet made unsigned. */
export function fnvRange(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The 32-bit FNV-1a hash of `text`, unsigned. */
export function fnv1a(text: string): number {
  return fnvRange(FNV_OFFSET, text, 0, text.length) >>> 0;
}

/**
 * Where a 32-bit key starts probing in an open-addressing table of
 * `mask + 1` slots (a power of two): Fibonacci hashing spreads keys that
 * differ only in their high bits, which masking alone would not.
 */
export function homeSlot(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) & mask;
}
