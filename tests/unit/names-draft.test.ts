// A one-document draft is patched per paragraph, its mentions moving in
// place, and the consistency rules keep each untouched group's verdict from
// edit to edit (see memoisedGroup), as possible-name-typo keeps each rare
// form's verdict: after every edit the result must equal a
// fresh lint. The acronym helpers' shortcuts must answer as their patterns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Linter, type SourceDocument } from '../../server/src/engine/index';
import { citesReport, foldLongForm, sameLongForm } from '../../server/src/engine/names/acronym-uses';
import { applyEdit, editAt } from './helpers';

const SENTENCES = [
  'The U.S. and NATO met.', 'The US and Nato met.', 'President Zelenskyy spoke.', 'Zelensky replied.', 'Defence spending rose.',
  'The defense budget grew.', 'A cease-fire held.', 'The ceasefire broke.', 'Mike Waltz agreed.', 'Michael Waltz objected.',
  'The Government Accountability Office (GAO) reported.', 'See CRS Report R46687 for more.', 'The GAO said so.', 'The organisation grew.',
  'Plain words only here.', 'Another sentence with no names in it.', 'Pete Hegseth spoke.', 'Secretary Hegseth agreed.', 'They met Hegsith.',
];
const paragraph = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const draft = fc.array(paragraph, { minLength: 12, maxLength: 30 });
const edit = fc.record({
  at: editAt,
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...SENTENCES), fc.constantFrom('a', ' ', '\n', '\n\n', 'US ', ' defence ', 'Nato ')),
});

describe('a one-document draft patched per paragraph', () => {
  it('gives the same results after each edit as a fresh lint', () => {
    fc.assert(
      fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 10 }), (paragraphs, edits) => {
        const linter = new Linter();
        let text = paragraphs.join('\n\n');
        linter.lint([{ uri: 'draft.md', languageId: 'markdown', text }]);
        for (const step of edits) {
          text = applyEdit(text, step);
          const documents: SourceDocument[] = [{ uri: 'draft.md', languageId: 'markdown', text }];
          expect(linter.lint(documents)).toEqual(new Linter().lint(documents));
        }
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });
});

describe('acronym helpers', () => {
  it('citesReport answers as its pattern', () => {
    const pattern = /^\s+(?:[A-Z][a-z]+\s+){1,2}[_*]*[A-Z]{0,4}-?\d/;
    const piece = fc.constantFrom(' ', '  ', '\n', '\u00a0', '\u2003', 'Report', 'Report ', 'R', '4', '46687', '-', '_', '*', 'see', 'É', 'x', ',', 'GAO', 'GAO-23');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat({ max: 6 }), (pieces, cut) => {
        const text = pieces.join('');
        const end = Math.min(cut, text.length);
        expect(citesReport(text, end)).toBe(pattern.test(text.slice(end, end + 40)));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it('sameLongForm compares folded long forms, asked again or not', () => {
    for (let round = 0; round < 2; round++) {
      expect(sameLongForm('Government Accountability Office', 'the Government Accountability Office')).toBe(true);
      expect(sameLongForm('Congressional Budget Office', 'Congressional Black Caucus')).toBe(false);
    }
    expect(foldLongForm('The Protection Systems Act of 1986')).toBe('protection system act');
  });
});
