// Large paragraphs are analysed sentence by sentence through a cache keyed by
// what each sentence's analysis reads. After any sequence of edits inside such
// a paragraph, the cached analysis must equal a fresh one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeBlock, analyzeBlockUncached, resetClaimAnalysisCache } from '../../server/src/engine/claims/analysis';
import { lexiconFor } from '../../server/src/engine/claims/lexicon/index';
import { LARGE_BLOCK } from '../../server/src/engine/claims/sentence-cache';
import { parseDocument } from '../../server/src/engine/document/parse';
import { DEFAULT_CONFIG } from '../../server/src/engine/index';
import { applyEdit, doc, editAt } from './helpers';

/** Sentences and pieces that touch what a sentence's analysis carries or reads around it. */
const SENTENCES = [
  "The Committee's 2 percent inflation objective remains in place.",
  'Inflation ran above 2 percent for the year.',
  'Exports fell 30% in 2023, and imports rose by $3 billion.',
  'Experts said exports would recover.',
  'They added that the decline was temporary.',
  'Some analysts believe the sanctions have failed.',
  'It is widely believed that prices will rise.',
  'According to the GAO, the program cost $1.2 billion.',
  '“We will not raise rates,” the chair said.',
  'He called it "a historic deal."',
  '“This quotation is continued.',
  'The pipe measured 12" across.',
  'Will prices rise next year?',
  'Force Structure',
  'The new roads would lead to more traffic [3].',
  'Costs rose 12% (Smith 2021).',
  'See 7 U.S.C. §2201 for the terms.',
  'The U.S. and NATO hold 1,718 warheads, 20–30 more than before.',
  'Dr. Smith reported that output grew 4%.',
  'The tax rates are 8.0%, 9.6%, and 17.6%.',
  'The [report](https://example.org/r) found that costs doubled.',
  '| 69. | Ibid., p. 4. |',
  'Participants noted that inflation remained elevated.',
  'The sanctions have clearly failed.',
  'Exports fell.Imports rose 5%.',
];

const SEPARATORS = [' ', '\n', ' ', '  '];

const paragraph = fc
  .array(fc.tuple(fc.constantFrom(...SENTENCES), fc.constantFrom(...SEPARATORS)), { minLength: 110, maxLength: 160 })
  .map((parts) => parts.map(([sentence, separator]) => sentence + separator).join('').trim());

const edit = fc.record({
  at: editAt,
  remove: fc.nat({ max: 20 }),
  insert: fc.oneof(
    fc.constantFrom(...SENTENCES),
    fc.constantFrom('a', 'x', ' ', '\n', '.', '?', '"', '“', '”', '1', '%', ',', '(', ')', '[2]', 'Experts say', 'U.S.'),
  ),
});

/** Every prose block of the text: the cached analysis against a fresh one. */
function expectCachedEqualsFresh(uri: string, text: string): void {
  const lexicon = lexiconFor(DEFAULT_CONFIG.claims);
  for (const block of parseDocument(doc(uri, text)).prose) {
    expect(analyzeBlock(block, DEFAULT_CONFIG.claims)).toEqual(analyzeBlockUncached(block, lexicon));
  }
}

describe('sentence cache of large paragraphs', () => {
  it('gives the analysis a fresh run gives, after each edit inside the paragraph', () => {
    fc.assert(
      fc.property(paragraph, fc.array(edit, { minLength: 1, maxLength: 10 }), fc.constantFrom('a.md', 'a.txt'), (initial, edits, uri) => {
        expect(initial.length).toBeGreaterThanOrEqual(LARGE_BLOCK);
        resetClaimAnalysisCache();
        const around = (inside: string): string => `# Title\n\n${inside}\n\nA short paragraph after it.\n`;
        let large = initial;
        expectCachedEqualsFresh(uri, around(large));
        for (const step of edits) {
          large = applyEdit(large, step);
          expectCachedEqualsFresh(uri, around(large));
        }
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it('gives the same analysis when a sentence moves or its neighbours change', () => {
    const base = `${SENTENCES.join(' ')} `.repeat(5);
    expect(base.length).toBeGreaterThanOrEqual(LARGE_BLOCK);
    resetClaimAnalysisCache();
    // Each variant shifts or changes what stands around the sentences cached by the one before.
    for (const text of [base, `Moved. ${base}`, `“${base}`, `"${base}`, base.replace('2 percent inflation objective', 'inflation objective'), `${base} Experts said so.`]) {
      expectCachedEqualsFresh('a.txt', text);
    }
    // The same prose cited by a link, then not (an anchor within the page is no source): only the inlines differ.
    const cited = `${base} Costs doubled [in the report](https://e.x/aa).`;
    const anchored = `${base} Costs doubled [in the report](#section-aaaaa).`;
    expect(parseDocument(doc('a.md', cited)).prose[0]!.prose).toBe(parseDocument(doc('a.md', anchored)).prose[0]!.prose);
    expectCachedEqualsFresh('a.md', cited);
    expectCachedEqualsFresh('a.md', anchored);
  });
});
