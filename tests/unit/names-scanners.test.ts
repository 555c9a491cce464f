// Hand-written shortcuts of name extraction must answer as what they stand
// for: the word scanned back from a parenthesis as its regex, and the short
// spelling-word filter never ruling out a word of the spelling tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longFormStart, wordBefore } from '../../server/src/engine/names/acronyms';
import { spellingWords, surelyNoSpellingWord } from '../../server/src/engine/names/tables';

const POOL = [
  'A', 'Z', 'a', 'z', '0', '9', '.', '&', ' ', '\t', '\n', '\u00a0', '\u2003', '(', '-', "'", ',', 'É', 'ß', '\u0663', '\u0301',
  '\u{1d400}', '\u{1d7cf}', '\u{1f600}', '\ud800', '\udc00',
];

describe('wordBefore', () => {
  it('finds what /([\\p{L}\\p{N}.&]+)\\s*$/u finds in the window', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 30 }), fc.nat({ max: 30 }), (pieces, cut) => {
        const prose = `${pieces.join('')}(`;
        const to = prose.length - 1;
        const from = Math.min(cut, to);
        const m = /([\p{L}\p{N}.&]+)\s*$/u.exec(prose.slice(from, to));
        const found = wordBefore(prose, from, to);
        expect(found && { word: prose.slice(found.start, found.end), length: to - found.start }).toEqual(m ? { word: m[1], length: m[0].length } : undefined);
      }),
      { numRuns: 5000, seed: 20261129 },
    );
  });
});

/** longFormStart as first written, with a one-character string and a regex per position: the reference. */
function longFormStartByRegex(short: string, candidate: string): number {
  const chars = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (chars.length < 2) return -1;
  const wordStart = (i: number): boolean => i === 0 || !/[\p{L}\p{N}'’]/u.test(candidate[i - 1]!);
  let l = candidate.length - 1;
  for (let s = chars.length - 1; s >= 0; s--) {
    const c = chars[s]!;
    while (l >= 0 && (candidate[l]!.toLowerCase() !== c || (s === 0 && !wordStart(l)))) l--;
    if (l < 0) return -1;
    if (s > 0) l--;
  }
  const connectors = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an', 'at', 'by', '&']);
  while (connectors.has(/^[\p{L}]+/u.exec(candidate.slice(l))?.[0] ?? '')) {
    let k = l - 1;
    while (k >= 0 && (candidate[k]!.toLowerCase() !== chars[0] || !wordStart(k))) k--;
    if (k < 0) break;
    l = k;
  }
  return l;
}

describe('longFormStart', () => {
  it('answers as the regex reference', () => {
    const piece = fc.constantFrom('of ', 'the ', 'Office ', 'Inspector ', 'General ', 'o', 'I', 'G', 'g', ' ', "'", '\u2019', '-', 'É', '\u212a', 'k', 'K', '\u0130', 'i', '\u{1d400}', '\ud800', '2', '&');
    fc.assert(
      fc.property(fc.constantFrom('OIG', 'OK', 'KI', 'G2', 'OGG', 'I&K', 'IoG'), fc.array(piece, { maxLength: 14 }), (short, pieces) => {
        const candidate = pieces.join('');
        expect(longFormStart(short, candidate)).toBe(longFormStartByRegex(short, candidate));
      }),
      { numRuns: 5000, seed: 20261129 },
    );
  });
});

describe('surelyNoSpellingWord', () => {
  it('never rules out a word of the spelling tables', () => {
    for (const word of spellingWords()) expect(surelyNoSpellingWord(word)).toBe(false);
  });

  it('rules out only short lower-case words outside the tables', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z'-]{1,9}$/), (word) => {
        if (surelyNoSpellingWord(word)) {
          expect(word.length).toBeLessThan(7);
          expect(word).toMatch(/^[a-z]+$/);
          expect(spellingWords().has(word)).toBe(false);
        }
      }),
      { numRuns: 5000, seed: 20261129 },
    );
    // Most ordinary short words are ruled out without a lookup.
    const ordinary = ['the', 'and', 'that', 'with', 'from', 'which', 'their', 'would', 'about', 'policy'];
    expect(ordinary.filter(surelyNoSpellingWord).length).toBeGreaterThanOrEqual(8);
  });
});
