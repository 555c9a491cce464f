import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPrefixLength, commonSuffixLength } from '../../server/src/engine/document/common-ends';
import { parseMarkdownBlocks, parseTree } from '../../server/src/engine/document/markdown';
import { forgetParses } from '../../server/src/engine/document/previous-parses';
import { parsePlainTextBlocks } from '../../server/src/engine/document/plaintext';
import { clearContentCaches } from '../../server/src/engine/cache';
import { resegmentMarkdown, segmentMarkdown } from '../../server/src/engine/document/segments';
import { applyEdit, editAt } from './helpers';

// Lines near everything the segment scanner tracks: blank lines, fences, HTML blocks, front matter, definitions,
// containers, indentation, line breaks of every kind.
const LINES = [
  'Plain words here.', 'More text, a [link](https://x.org) and *emphasis*.', '', '', '', '   ', '\t', '---', '+++', 'title: x',
  '```', '```js', '~~~', '~~~~', '<!--', '-->', '<div>', '</div>', '<pre>', '</pre>', '<?x', '?>', '[r]: https://x.org', '[^1]: A note.',
  'See [a][r] and [^1].', '- item', '* item', '1. item', '> quote', '  indented', '    code', '\tcode', '# Heading', '| a | b |', '|---|---|',
  '===', '\u00a0nbsp',
];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];
const line = fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...BREAKS)).map(([text, lineBreak]) => text + lineBreak);
const doc = fc.tuple(fc.boolean(), fc.array(line, { minLength: 0, maxLength: 30 })).map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.join(''));
/** An edit: where (a fraction of the text), how much to delete, and what to insert. */
const edit = fc.record({ at: editAt, remove: fc.nat(12), insert: fc.oneof(fc.constantFrom('', 'x', ' ', '\n', '\n\n', '`', '<', '[', '-', '\r'), line) });

type Edit = Parameters<typeof applyEdit>[1];

/**
 * A property: parsing `start`, then each edit of it in turn, gives after
 * every edit what `parse` gives once `forget` has dropped what it kept.
 */
function sameAfterEdits(parse: (text: string) => unknown, forget: () => unknown) {
  return (start: string, changes: readonly Edit[]): void => {
    let text = start;
    parse(text);
    for (const change of changes) {
      text = applyEdit(text, change);
      const edited = parse(text);
      forget();
      expect(edited).toEqual(parse(text));
    }
  };
}

describe('common ends', () => {
  it('are the longest shared start and end, not overlapping', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 1200 });
    fc.assert(
      fc.property(text, text, fc.nat(1200), (a, tailPart, cut) => {
        // Long shared stretches, so the chunked comparison is exercised.
        const b = a.slice(0, cut) + tailPart + a.slice(cut);
        let head = 0;
        while (head < Math.min(a.length, b.length) && a[head] === b[head]) head++;
        const limit = Math.min(a.length, b.length) - head;
        let tail = 0;
        while (tail < limit && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
        expect(commonPrefixLength(a, b)).toBe(head);
        expect(commonSuffixLength(a, b, limit)).toBe(tail);
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});

describe('segmenting an edited text around the edit', () => {
  it('gives the segmentation of a fresh scan, with the unchanged segments it claims', () => {
    fc.assert(
      fc.property(doc, edit, (before, change) => {
        const after = applyEdit(before, change);
        const head = commonPrefixLength(before, after);
        const tail = commonSuffixLength(before, after, Math.min(before.length, after.length) - head);
        const old = segmentMarkdown(before);
        const again = resegmentMarkdown(after, { text: before, segmentation: old }, head, tail);
        const fresh = segmentMarkdown(after);
        expect(again.segmentation).toEqual(fresh);
        const by = after.length - before.length;
        expect(fresh.segments.slice(0, again.kept)).toEqual(old.segments.slice(0, again.kept));
        expect(fresh.segments.slice(again.newTail)).toEqual(old.segments.slice(again.oldTail).map(([s, e]) => [s + by, e + by]));
      }),
      { numRuns: 4000, seed: 8 },
    );
  });

  it('reads only around the edit of a long text', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of the draft.`);
    const before = paragraphs.join('\n\n');
    const at = before.indexOf('Paragraph 100');
    const after = `${before.slice(0, at)}New text. ${before.slice(at)}`;
    const head = commonPrefixLength(before, after);
    const again = resegmentMarkdown(after, { text: before, segmentation: segmentMarkdown(before) }, head, after.length - head - 'New text. '.length);
    expect(again.kept).toBeGreaterThanOrEqual(99);
    expect(again.newTail).toBeLessThanOrEqual(102);
    expect(again.oldTail).toBe(again.newTail);
  });
});

describe('parsing a sequence of edits', () => {
  it('gives the blocks of a parse without history after every edit', () => {
    fc.assert(fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), sameAfterEdits(parseMarkdownBlocks, forgetParses)), { numRuns: 400, seed: 8 });
  });

  it('gives the same blocks after edits inside paragraphs long enough to be parsed in pieces, fast or not', () => {
    // Lines of a CRS footnote list and of minutes: plain, linked, emphasised, with loose or long delimiter runs.
    const longLines = [
      'The Committee met and the staff reported on conditions. Participants agreed.',
      '| 1. | See [the report](https://example.gov/a_b), p. 12. Another sentence follows here.',
      'Members noted *inflation* remained high. Some said more. Others disagreed strongly.',
      'The Secretary signed it. _______________ Joshua Gallin, Secretary. Then more text.',
      'A case at *9 and 2019 WL 1234, at *10. The court held so. It was final.',
      'Plain words in a sentence that ends here. And a next sentence starts there.',
    ];
    const longParagraph = fc
      .tuple(fc.array(fc.constantFrom(...longLines), { minLength: 110, maxLength: 140 }), fc.constantFrom(' ', '\n'))
      .map(([lines, separator]) => lines.join(separator));
    const hugeDoc = fc.tuple(fc.array(line, { maxLength: 4 }), longParagraph, fc.array(line, { maxLength: 4 })).map(([before, paragraph, after]) => `${before.join('')}\n${paragraph}\n\n${after.join('')}`);
    const longEdit = fc.record({ at: editAt, remove: fc.nat(6), insert: fc.constantFrom('', 'x', ' ', '*', '_', '___', '[', ']', '(', '`', '\n', '\n\n', '. A', '- ') });
    fc.assert(fc.property(hugeDoc, fc.array(longEdit, { minLength: 1, maxLength: 8 }), sameAfterEdits(parseMarkdownBlocks, () => (forgetParses(), clearContentCaches()))), { numRuns: 40, seed: 8 });
  });

  it('places the unchanged runs of a long draft again, the same objects before the edit', () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => (i % 4 === 0 ? `Paragraph ${i} has *emphasis* and \`code\`.` : `Plain paragraph ${i}.`));
    const before = paragraphs.join('\n\n');
    const first = parseMarkdownBlocks(before);
    const at = before.indexOf('Plain paragraph 61');
    const after = `${before.slice(0, at)}An inserted line.\n\n${before.slice(at)}`;
    const second = parseMarkdownBlocks(after);
    expect(second).toEqual(parseTree(after));
    const unchanged = first.filter((block) => block.range[1] < at - 200);
    expect(second.slice(0, unchanged.length).every((block, i) => block === unchanged[i])).toBe(true);
  });
});

// Plain text is parsed paragraph by paragraph from a cache by text, each paragraph placed where it now stands.
const PLAIN_LINES = [
  ...LINES,
  '<!-- policylint-disable-next-line repeated-word -->',
  '  Indented words with https://example.org/a-link in them.',
  `${'A line as long as a pasted paragraph, with words and more words, '.repeat(3)}and a URL: www.example.gov/page.`,
];
const plainLine = fc.tuple(fc.constantFrom(...PLAIN_LINES), fc.constantFrom(...BREAKS)).map(([text, lineBreak]) => text + lineBreak);
const plainDoc = fc.tuple(fc.boolean(), fc.array(plainLine, { maxLength: 30 })).map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.join(''));
const plainEdit = fc.record({ at: editAt, remove: fc.nat(12), insert: fc.oneof(fc.constantFrom('', 'x', ' ', '\n', '\n\n', '\r'), plainLine) });

describe('parsing plain text after other texts', () => {
  it('gives the blocks of a parse with empty caches after every edit', () => {
    fc.assert(fc.property(plainDoc, fc.array(plainEdit, { minLength: 1, maxLength: 6 }), sameAfterEdits(parsePlainTextBlocks, clearContentCaches)), { numRuns: 300, seed: 9 });
  });

  it('gives an unchanged paragraph before the edit as the same object', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Plain paragraph ${i} about the budget.`);
    const before = paragraphs.join('\n\n');
    const first = parsePlainTextBlocks(before);
    const at = before.indexOf('Plain paragraph 31');
    const second = parsePlainTextBlocks(`${before.slice(0, at)}An inserted line.\n\n${before.slice(at)}`);
    expect(second.slice(0, 31).every((block, i) => block === first[i])).toBe(true);
    // After the edit: the same content, moved.
    expect(second[32]).toMatchObject({ prose: 'Plain paragraph 31 about the budget.', range: [first[31]!.range[0] + 19, first[31]!.range[1] + 19] });
  });
});
