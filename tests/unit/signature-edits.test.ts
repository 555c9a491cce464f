// Issue #8: the signature of an edited long paragraph is made from its
// previous version's words (see editedWords in signature.ts). Whatever the
// edit, it must equal the signature read from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearContentCaches } from '../../server/src/engine/cache';
import { signatureOf, type Signature } from '../../server/src/engine/repeats/signature';

/** Words, joiners, separators, non-ASCII and astral characters, and text that folds several ways. */
const PIECES = [
  'the', 'Committee', 'U.S.', 'don\u2019t', "it's", 'e.g.', '3.5', '2,000', 'Zelenskyy', 'défense', 'STRASSE', 'ﬁnal', '…',
  ' ', ' ', ' ', '  ', '\n', '. ', ', ', '(', ')', '-', '\u2014', '\u201cquoted\u201d', "'", '.', '\u2019', '\ufffc', '\u00a0', '𝐀𝐁', '😀', 'Σ',
];
const piece = fc.constantFrom(...PIECES);
/** At least 4,096 characters, the length from which a signature remembers its words. */
const longProse = fc.array(piece, { minLength: 3000, maxLength: 3600 }).map((parts) => {
  let text = parts.join('');
  while (text.length < 4200) text += ' the committee met again. ';
  return text;
});
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')) });

/** The signature of `prose` read from scratch: no cached entry, no remembered words (emptying the caches forgets them). It leaves `prose`'s words remembered. */
function fresh(prose: string): Signature {
  clearContentCaches();
  return signatureOf(prose, []);
}

describe('signatures of edited long paragraphs', () => {
  it('equal the signature read from scratch, for a sequence of edits anywhere', () => {
    fc.assert(
      fc.property(longProse, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        fresh(text);
        for (const { at, remove, insert } of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(from + remove);
          const edited = signatureOf(text, []);
          expect(edited).toEqual(fresh(text));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('equal it for edits at the very start and end, and for edits that join or split words', () => {
    const base = 'Word '.repeat(1200);
    for (const [before, after] of [
      [base, `x${base}`],
      [base, `${base}x`],
      [base, base.slice(1)],
      [base, base.slice(0, -1)],
      [base, `${base.slice(0, 600)}.${base.slice(601)}`],
      [`${base}U.S`, `${base}U.S.A`],
      [`don${base}`, `don'${base}`],
    ] as const) {
      fresh(before);
      expect(signatureOf(after, [])).toEqual(fresh(after));
    }
  });

  it('are made from the version edited even when edits move between several long paragraphs', () => {
    const paragraphs = ['alpha', 'beta', 'gamma'].map((word) => `The ${word} report said the U.S. budget grew. `.repeat(120));
    clearContentCaches();
    for (const paragraph of paragraphs) signatureOf(paragraph, []);
    for (let i = 0; i < 9; i++) {
      const k = i % 3;
      const at = 97 * (i + 1);
      paragraphs[k] = `${paragraphs[k]!.slice(0, at)}x${paragraphs[k]!.slice(at)}`;
      const edited = signatureOf(paragraphs[k]!, []);
      const remembered = [...paragraphs];
      expect(edited).toEqual(fresh(paragraphs[k]!));
      // fresh() forgot the others: read them again for the next round.
      clearContentCaches();
      for (const paragraph of remembered) signatureOf(paragraph, []);
    }
  });
});
