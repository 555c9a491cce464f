// Issue #8: the engine's results must not depend on its caches. Linting a
// document after a sequence of edits, through one Linter instance that keeps
// its parsed documents, summaries and block results, must give exactly what
// a fresh Linter gives for the final text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter, type DocumentLanguage, type SourceDocument } from '../../server/src/engine/index';

const FRAGMENTS = [
  'the', 'the the', 'U.S.', 'US', 'NATO', 'Nato', 'Zelenskyy', 'Zelensky', 'defence', 'defense', 'experts say', '70%', '$3 billion',
  'according to the GAO', 'Government Accountability Office (GAO)', 'the CBO', 'Pete Hegseth', 'Hegsith',
  ' ', '\n', '\n\n', '\r\n', '. ', '"', '# ', '- ', '> ', '[x](http://e.x)', '[^1]', '<!-- policylint-disable-next-line repeated-word -->',
  'The committee reviewed the proposal in detail and found the estimates optimistic.',
  'The committee reviewed the proposal in detail and found the estimates too optimistic.',
];

const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom('a', 'e', ' ', '\n', '.')),
});
const language = fc.constantFrom<DocumentLanguage>('markdown', 'plaintext');

function applyEdit(source: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  const start = Math.floor(at * source.length);
  return source.slice(0, start) + insert + source.slice(Math.min(source.length, start + remove));
}

describe('incremental linting', () => {
  it('gives the same results after a sequence of edits as linting the final text from scratch', () => {
    fc.assert(
      fc.property(text, text, fc.array(edit, { minLength: 1, maxLength: 12 }), language, (initial, other, edits, languageId) => {
        const linter = new Linter();
        // A second document that never changes: its cached summary must still meet the edited one.
        const fixed: SourceDocument = { uri: 'b', languageId, text: other };
        let current = initial;
        linter.lint([{ uri: 'a', languageId, text: current }, fixed]);
        for (const step of edits) {
          current = applyEdit(current, step);
          linter.lint([{ uri: 'a', languageId, text: current }, fixed]);
        }
        const documents: SourceDocument[] = [{ uri: 'a', languageId, text: current }, fixed];
        expect(linter.lint(documents)).toEqual(new Linter().lint(documents));
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });
});
