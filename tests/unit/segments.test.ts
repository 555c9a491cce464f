import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHugeParagraph, parseMarkdownBlocks, parseTree } from '../../server/src/engine/document/markdown';
import { segmentMarkdown } from '../../server/src/engine/document/segments';
import { isProse, type ProseBlock } from '../../server/src/engine/document/model';
import type { OffsetRange } from '../../server/src/engine/types';

const cut = (text: string): string[] => segmentMarkdown(text).segments.map(([s, e]) => text.slice(s, e));

describe('markdown segments', () => {
  it('cuts at blank lines before column-0 lines', () => {
    expect(cut('# T\n\nPara one\nstill one.\n\n- a\n- b\n\n  more of b\n\nLast.')).toEqual([
      '# T',
      'Para one\nstill one.',
      '- a\n- b\n\n  more of b',
      'Last.',
    ]);
  });

  it('never cuts inside fenced code, HTML blocks or front matter', () => {
    const text = '---\ntitle: x\n\nmore: y\n---\n\n```js\na\n\nb\n```\n\n<!--\n\nnote\n\n-->\n\n~~~~\n~~~\n\nx\n~~~~\n\nEnd.';
    expect(cut(text)).toEqual(['---\ntitle: x\n\nmore: y\n---', '```js\na\n\nb\n```', '<!--\n\nnote\n\n-->', '~~~~\n~~~\n\nx\n~~~~', 'End.']);
  });

  it('cuts before an indented line after a blank one only when nothing open could take it', () => {
    // CRS reports end with a footnote list paragraph, then an indented disclaimer.
    expect(cut('| 1. | A note.\n| 2. | Another.\n\n\n   Disclaimer:\n These documents\n\nEnd.')).toEqual([
      '| 1. | A note.\n| 2. | Another.',
      '   Disclaimer:\n These documents',
      'End.',
    ]);
    expect(cut('Text\n- item\n\n  more item')).toEqual(['Text\n- item\n\n  more item']);
    expect(cut('[^1]: Note.\n\n    more note')).toEqual(['[^1]: Note.\n\n    more note']);
    expect(cut('# H\n    code\n\n    more code')).toEqual(['# H\n    code\n\n    more code']);
    expect(cut('Text\n\n    code\n\n    more code')).toEqual(['Text', '    code\n\n    more code']);
  });

  it('does not cut after an unclosed fence', () => {
    expect(cut('```\ncode\n\nText')).toEqual(['```\ncode\n\nText']);
  });

  it('collects definitions outside code', () => {
    expect(segmentMarkdown('See [a][r] and [^1].\n\n[r]: https://x.example\n\n```\n[q]: no\n```\n\n[^1]: Note.').definitions).toEqual([
      '[r]: https://x.example',
      '[^1]: Note.',
    ]);
  });
});

describe('segment-wise parsing', () => {
  // The same blocks as one whole-document parse, on documents that exercise every cut.
  const cases = [
    '# Title\n\nA paragraph with a [ref][r] link and a note.[^1]\n\n[r]: https://example.com\n\n[^1]: The note.\n',
    '---\na: 1\n---\n\nIntro.\n\n- item one\n- item two\n\n  continued item two\n\nAfter list.\n\n> quote\n> more\n\nEnd.\n',
    'First.\r\n\r\nSecond paragraph.\r\n\r\n```\r\ncode\r\n\r\ncode\r\n```\r\n\r\nThird.',
    'Text\n<!--\n\ncomment\n\n-->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTail *em* `code`.\n',
  ];

  it.each(cases.map((c, i) => [i, c]))('case %i gives exactly the blocks of a whole-document parse', (_i, text) => {
    const whole = parseTree(text);
    expect(whole.length).toBeGreaterThan(3);
    expect(parseMarkdownBlocks(text)).toEqual(whole);
  });

  it('keeps a byte-order mark out of the first block (a whole-document parse would not)', () => {
    const [first] = parseMarkdownBlocks('\uFEFFFirst.\n\nSecond.');
    expect(first!.range).toEqual([1, 7]);
  });

  it('resolves references defined in another segment', () => {
    const text = 'See [the report][r].[^n]\n\n[r]: https://example.com\n\n[^n]: A note.\n';
    const [para] = parseMarkdownBlocks(text);
    expect(para && isProse(para) ? para.inlines.map((i) => i.kind) : []).toEqual(['link', 'footnoteReference']);
  });
});

describe('huge paragraphs parsed in pieces', () => {
  // Sentences with inline markup of every kind, none spanning a sentence end.
  const SENTENCES = [
    'Growth was 3% [1].',
    'The [GAO report](https://gao.gov/x) found *large* gaps.',
    'Officials said `code spans` stay intact.',
    'See the note[^1] and **bold** text!',
    'Is the U.S. Army ready?',
    'Mr. Smith met the minister on 3 May.',
    'Links like <https://example.com/a_b> and www.example.org count.',
    'An image ![chart](c.png) sits here.',
    'Emphasis _spans words_ but not sentences.',
    'It cost $3.5 billion [2, 3].',
    // Constructs that do span sentence ends: no cut may fall inside them.
    'Now *emphasis opens here. And closes here.*',
    'Then **strong across. Sentences** then _more. Words_ end.',
    'A snake_case name and a ~tilde. Then more.',
    'An escaped \\* star. Next one.',
    'Aside (see p. 5. Really) ends.',
    'A link [text](https://x.gov "Title. More") here.',
    'Tag <span title="a. B">x</span> here.',
    'An *open emphasis. Never closed.',
    // Page stars of legal citations open nothing alone, but a later star that can close pairs with them.
    'See Doe v. Roe, 2019 WL 1234, at *9. Then more.',
    'Cited at *12 and *13. Next.',
    'A lone * star here. And a word* closer.',
    'Then _under and ~tilde. Never_ closed~ here.',
  ];
  const paragraph = fc
    .array(fc.constantFrom(...SENTENCES), { minLength: 20, maxLength: 80 })
    .chain((parts) => fc.array(fc.constantFrom(' ', ' ', '\n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, i) => (i === 0 ? p : gaps[i]! + p)).join('')));

  it('gives exactly the paragraph the whole parse gives', () => {
    fc.assert(
      fc.property(paragraph, (body) => {
        const lead = '[^1]: A note.\n\n';
        const pieces = parseHugeParagraph(lead, body, 120, 200);
        expect(pieces).toBeDefined();
        const whole = parseTree(lead + body).filter((block) => block.range[0] >= lead.length);
        expect(whole).toHaveLength(1);
        const [reference] = whole as ProseBlock[];
        const shift = (r: OffsetRange): OffsetRange => [r[0] - lead.length, r[1] - lead.length];
        expect(pieces![0]!.range).toEqual(shift(reference!.range));
        expect(pieces![0]!.prose).toBe(reference!.prose);
        expect(pieces![0]!.inlines).toEqual(reference!.inlines.map((span) => ({ ...span, range: shift(span.range) })));
        expect(pieces![0]!.sentences.map((s) => ({ range: s.range, text: s.text }))).toEqual(reference!.sentences.map((s) => ({ range: shift(s.range), text: s.text })));
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });

  it('cuts a CRS footnote list (one paragraph of "| n. |" lines) and parses it as a whole parse would', () => {
    const line = (n: number): string => `| ${n}. | See U.S. Congress, Report No. ${n}, p. 3. Available at https://www.congress.gov/r/${n}. Also see *Ibid.* Next line. `;
    const body = Array.from({ length: 400 }, (_, n) => line(n + 1)).join('\n').trimEnd();
    const pieces = parseHugeParagraph('', body);
    expect(pieces).toBeDefined();
    const [reference] = parseTree(body) as ProseBlock[];
    expect(pieces![0]!.prose).toBe(reference!.prose);
    expect(pieces![0]!.inlines).toEqual(reference!.inlines);
    expect(parseHugeParagraph('', `${body}\n|---|---|`)).toBeUndefined();
  });

  it('keeps emphasis that closes many pieces later, and still cuts after a delimiter nothing can match', () => {
    const filler = 'Growth was 3% in the year [1]. '.repeat(400);
    for (const body of [`Now *emphasis opens. ${filler}And closes here.* The end. ${filler}`, `A *stray star. ${filler}`, `A ~tilde and a_b word. ${filler}`]) {
      const pieces = parseHugeParagraph('', body);
      expect(pieces).toBeDefined();
      const [reference] = parseTree(body) as ProseBlock[];
      expect(pieces![0]!.prose).toBe(reference!.prose);
      expect(pieces![0]!.inlines).toEqual(reference!.inlines);
    }
  });

  it('declines what may not be one paragraph, or is small', () => {
    const long = 'Growth was 3% [1]. '.repeat(3000);
    expect(parseHugeParagraph('', long)).toBeDefined();
    expect(parseHugeParagraph('', 'Short paragraph. Again.')).toBeUndefined();
    expect(parseHugeParagraph('', `${long}\n- a list item`)).toBeUndefined();
    expect(parseHugeParagraph('', `# Heading\n${long}`)).toBeUndefined();
    expect(parseHugeParagraph('', `   ${long}`)).toBeUndefined();
  });

  // List items holding one long paragraph each, as policy fact sheets write them ("-   **Title.** text…").
  const item = (marker: string): fc.Arbitrary<string> =>
    fc.tuple(fc.constantFrom('', '**Repair roads**. ', '*Note:* '), fc.array(fc.constantFrom(...SENTENCES), { minLength: 2, maxLength: 40 })).chain(([opening, parts]) =>
      // A line break before a sentence: indented to the content, or less (a lazy continuation).
      fc.array(fc.constantFrom(' ', ' ', '\n', '\n', 'lazy'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => {
        const indent = ' '.repeat(marker.length);
        const gap = (g: string): string => (g === '\n' ? `\n${indent}` : g === 'lazy' ? `\n${indent.slice(2)}` : ' ');
        return marker + opening + parts.map((p, i) => (i === 0 ? p : gap(gaps[i]!) + p)).join('');
      }),
    );
  const listItems = fc.oneof(
    fc.constantFrom('1.  ', '10) ', '-   ').chain((marker) => item(marker)),
    fc
      .tuple(fc.constantFrom('-', '*', '+'), fc.array(fc.constantFrom(' ', '   '), { minLength: 2, maxLength: 5 }))
      .chain(([bullet, spaces]) => fc.tuple(...spaces.map((space) => item(bullet + space))).map((items) => items.join('\n'))),
  );

  it('gives exactly the paragraphs the whole parse gives for list items', () => {
    let parsed = 0;
    fc.assert(
      fc.property(listItems, (body) => {
        const lead = '[^1]: A note.\n\n';
        const whole = parseTree(lead + body).filter((block) => block.range[0] >= lead.length) as ProseBlock[];
        // A sentence that opens a line with a block marker makes it more than paragraphs: then the list is declined.
        const pieces = parseHugeParagraph(lead, body, 120, 200);
        if (body.length <= 200) {
          expect(pieces).toBeUndefined();
          return;
        }
        // Declined (then parsed whole): a line that may open a block, or one item too short to cut.
        if (!pieces) return;
        parsed++;
        const shift = (r: OffsetRange): OffsetRange => [r[0] - lead.length, r[1] - lead.length];
        expect(pieces).toHaveLength(whole.length);
        pieces.forEach((block, i) => {
          const reference = whole[i]!;
          expect(block.container).toBe('listItem');
          expect(block.range).toEqual(shift(reference.range));
          expect(block.prose).toBe(reference.prose);
          expect(block.inlines).toEqual(reference.inlines.map((span) => ({ ...span, range: shift(span.range) })));
          expect(block.sentences.map((s) => ({ range: s.range, text: s.text }))).toEqual(reference.sentences.map((s) => ({ range: shift(s.range), text: s.text })));
        });
      }),
      { numRuns: 200, seed: 20261129 },
    );
    // Most lists are taken: the comparison above is not vacuous.
    expect(parsed).toBeGreaterThan(100);
  });

  it('declines list items that may hold more than one paragraph each, and takes lazy lines', () => {
    const long = 'Growth was 3% [1] in the year. '.repeat(300).trimEnd();
    const wrapped = (indent: string): string => long.replace(/(year\.) (Growth)/g, (_, a: string, b: string, at: number) => (at % 7 === 0 ? `${a}\n${indent}${b}` : `${a} ${b}`));
    expect(parseHugeParagraph('', `-   ${wrapped('    ')}`)).toBeDefined();
    // Lazy continuation lines continue the item's paragraph, as in the whole parse.
    expect(parseHugeParagraph('', `-   ${wrapped('  ')}`)).toEqual(parseTree(`-   ${wrapped('  ')}`));
    expect(parseHugeParagraph('', `-   ${wrapped('')}`)).toEqual(parseTree(`-   ${wrapped('')}`));
    // A blank line, a nested list, a checkbox, indented code, CR line ends, a delimiter row.
    expect(parseHugeParagraph('', `-   ${long}\n${'Lazy. '.repeat(5)}\n- [x] b`)).toBeUndefined();
    expect(parseHugeParagraph('', `-   ${long}\n\n    More.`)).toBeUndefined();
    expect(parseHugeParagraph('', `-   ${long}\n    - nested`)).toBeUndefined();
    expect(parseHugeParagraph('', `- [x] ${long}`)).toBeUndefined();
    expect(parseHugeParagraph('', `-     ${long}`)).toBeUndefined();
    expect(parseHugeParagraph('', `-   ${long}\r\n    More.`)).toBeUndefined();
    expect(parseHugeParagraph('', `-   a | b\n    |--|--|\n    ${long}`)).toBeUndefined();
    expect(parseTree(`-   a | b\n    |--|--|\n    ${long}`).map((block) => block.kind)).toContain('table');
    // Lists: another bullet character, ordered items after the first, an item with a blank line.
    expect(parseHugeParagraph('', `-   ${long}\n-   ${long}`)).toHaveLength(2);
    expect(parseHugeParagraph('', `-   ${long}\n*   ${long}`)).toBeUndefined();
    expect(parseHugeParagraph('', `1.  ${long}\n2.  ${long}`)).toBeUndefined();
    expect(parseHugeParagraph('', `-   ${long}\n-   ${long}\n\n-   b`)).toBeUndefined();
  });

  it('parses a long list item as a whole-document parse does, and after edits inside it', () => {
    const item = `-   **Repair American roads and bridges**. ${'One in five miles, or 173,000 total miles, of our highways are in poor condition [1].\n    '.repeat(120).trimEnd()}`;
    const text = `# Plan\n\n${item}\n\n-   **Next item**. Short.\n`;
    expect(parseMarkdownBlocks(text)).toEqual(parseTree(text));
    let edited = text;
    for (const at of [900, 4000, 60, 7000]) {
      edited = `${edited.slice(0, at)}x ${edited.slice(at)}`;
      expect(parseMarkdownBlocks(edited)).toEqual(parseTree(edited));
    }
  });

  it('keeps a 400 KB paragraph of citations to one block, one sentence per citation', () => {
    const body = 'Growth was 3% [1]. '.repeat(20_000).trimEnd();
    const blocks = parseMarkdownBlocks(body);
    expect(blocks).toHaveLength(1);
    const [block] = blocks as ProseBlock[];
    expect(block!.range).toEqual([0, body.length]);
    expect(block!.sentences).toHaveLength(20_000);
    expect(block!.prose).toBe(body);
  });
});

describe('runs parsed again', () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `Paragraph ${i} with a [link](https://x.org/${i}) and *emphasis*.` : `Plain paragraph number ${i} of the draft.`));
  const text = paragraphs.join('\n\n');

  it('are the same block objects where the run stayed in place, and equal to a whole parse everywhere', () => {
    const before = parseMarkdownBlocks(text);
    const edited = `${text.slice(0, -1)} and more.`;
    const after = parseMarkdownBlocks(edited);
    expect(after).toEqual(parseTree(edited));
    // Every block but the last (the edited one) is shared with the first parse.
    expect(after.slice(0, -1).every((block, i) => block === before[i])).toBe(true);
  });

  it('are moved copies where an edit shifted them', () => {
    parseMarkdownBlocks(text);
    const edited = `Opening. ${text}`;
    expect(parseMarkdownBlocks(edited)).toEqual(parseTree(edited));
    expect(parseMarkdownBlocks(text)).toEqual(parseTree(text));
  });
});
