import { describe, expect, it } from 'vitest';
import { parseMarkdownBlocks, parseTree } from '../../server/src/engine/document/markdown';
import { segmentMarkdown } from '../../server/src/engine/document/segments';
import { isProse } from '../../server/src/engine/document/model';

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
