// Issue #8: the longest common subsequence of word hashes, the hot loop of
// repeat detection, is computed bit-parallel (one bit per word). It must give
// exactly what the textbook dynamic-programming table gives, for any lengths
// (across the 32-bit word boundaries of its vectors) and any repetition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcsOfHashes } from '../../server/src/engine/repeats/similarity';

/** The reference: the full LCS table. */
function tableLcs(a: readonly number[], b: readonly number[]): number {
  const rows = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) rows[i]![j] = a[i - 1] === b[j - 1] ? rows[i - 1]![j - 1]! + 1 : Math.max(rows[i - 1]![j]!, rows[i]![j - 1]!);
  }
  return rows[a.length]![b.length]!;
}

/** Word hashes from a small alphabet (many repeats) or the whole 32-bit range (0 and 2^32 - 1 among them). */
const hashes = (maxLength: number): fc.Arbitrary<number[]> =>
  fc.oneof(
    fc.array(fc.nat({ max: 4 }), { maxLength }),
    fc.array(fc.constantFrom(0, 1, 0xffffffff, 0x80000000, 12345), { maxLength }),
    fc.array(fc.nat({ max: 0xffffffff }), { maxLength }),
  );

describe('bit-parallel LCS of word hashes', () => {
  it('equals the dynamic-programming table', () => {
    fc.assert(
      fc.property(hashes(140), hashes(140), (a, b) => {
        expect(lcsOfHashes(Uint32Array.from(a), Uint32Array.from(b))).toBe(tableLcs(a, b));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it('handles lengths at the edges of its 32-bit words, and long paragraphs', () => {
    for (const length of [0, 1, 31, 32, 33, 63, 64, 65, 96, 600]) {
      const a = Array.from({ length }, (_, i) => (i * 7) % 11);
      const b = Array.from({ length: length + 3 }, (_, i) => (i * 5) % 11);
      expect(lcsOfHashes(Uint32Array.from(a), Uint32Array.from(b))).toBe(tableLcs(a, b));
      expect(lcsOfHashes(Uint32Array.from(a), Uint32Array.from(a))).toBe(length);
    }
  });
});
